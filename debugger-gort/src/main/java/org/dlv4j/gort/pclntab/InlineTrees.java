package org.dlv4j.gort.pclntab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.BinaryFormatException;

/**
 * Walks a function's inline tree (funcdata {@code FUNCDATA_InlTree}, indexed by the
 * {@code PCDATA_InlTreeIndex} table; runtime/symtabinl.go). At a pc the index table names the
 * innermost inlined call; that record's {@code parentPc} is an instruction carrying the call
 * site's position, whose own index names the next outer call, until an index of -1 (the
 * physical function). Records are 16 bytes since Go 1.20 (funcID, pad, nameOff, parentPc,
 * startLine) and 20 bytes in 1.18/1.19 (parent, funcID, pad, file, line, nameOff, parentPc).
 *
 * <p>The tree's length is not stored; an index is accepted if its record lies inside the
 * section holding the tree. The linker numbers a call's parent before the call
 * (cmd/internal/obj/pcln.go: addBranch), so indexes strictly decrease outwards; a walk that
 * does not decrease is a corrupt tree and is reported rather than followed.
 */
final class InlineTrees {
  private final Pclntab tab;
  private final long gofunc;
  private final ImageMemory memory;

  InlineTrees(Pclntab tab, long gofunc, ImageMemory memory) {
    this.tab = tab;
    this.gofunc = gofunc;
    this.memory = memory;
  }

  boolean available() {
    return memory != null;
  }

  /** Returns the calls inlined at text offset {@code off} in function {@code i}, innermost first. */
  List<InlinedCall> callsAt(int i, long off) {
    FuncTab funcs = tab.funcs();
    int entryOff = funcs.entryOff(i);
    int indexTable = pcdataOffset(i, FuncInfo.PCDATA_InlTreeIndex);
    int index = tab.values().valueAt(indexTable, entryOff, off);
    if (index < 0) {
      return List.of();
    }
    ByteBuffer tree = treeOf(i);
    PclntabFormat format = tab.format();
    int size = format.inlinedCallSize();
    List<InlinedCall> calls = new ArrayList<>();
    int previous = Integer.MAX_VALUE;
    while (index >= 0) {
      if (index >= previous) {
        throw error(i, "inline tree index " + index + " does not decrease from " + previous + " (cycle)");
      }
      if ((long) index * size + size > tree.limit()) {
        throw error(i, "inline tree index " + index + " outside the section holding the tree");
      }
      int rec = index * size;
      boolean go120 = format == PclntabFormat.GO120;
      int funcId = tree.get(rec + (go120 ? 0 : 2)) & 0xff;
      long nameOff = tree.getInt(rec + (go120 ? 4 : 12)) & 0xffff_ffffL;
      int parentPc = tree.getInt(rec + (go120 ? 8 : 16));
      int startLine = go120 ? tree.getInt(rec + 12) : 0;
      long callOff = entryOff + (long) parentPc;
      if (parentPc < 0 || callOff >= funcs.endOff(i)) {
        throw error(i, "inline tree parentPc 0x" + Integer.toHexString(parentPc) + " outside the function");
      }
      int fileId = tab.fileIdAt(i, entryOff, callOff);
      int line = tab.values().valueAt(funcs.field(i, FuncTab.PCLN), entryOff, callOff);
      boolean known = fileId >= 0 && line >= 0;
      calls.add(new InlinedCall(tab.funcNames().at(nameOff), funcId, startLine,
          known ? tab.files().name(fileId) : "?", known ? line : 0, tab.textStart() + callOff));
      previous = index;
      index = tab.values().valueAt(indexTable, entryOff, callOff);
    }
    return List.copyOf(calls);
  }

  private int pcdataOffset(int i, int which) {
    FuncTab funcs = tab.funcs();
    long npcdata = funcs.field(i, FuncTab.NPCDATA) & 0xffff_ffffL;
    if (which >= npcdata) {
      return 0;
    }
    int at = funcs.funcOff(i) + funcs.funcSize() + 4 * which;
    if (at + 4 > tab.table().limit()) {
      throw error(i, "pcdata array runs past the end of the table");
    }
    return tab.table().getInt(at);
  }

  /** Returns the bytes of function {@code i}'s inline tree, from its first record on. */
  private ByteBuffer treeOf(int i) {
    FuncTab funcs = tab.funcs();
    long npcdata = funcs.field(i, FuncTab.NPCDATA) & 0xffff_ffffL;
    int nfuncdata = funcs.byteField(i, funcs.funcSize() - 1);
    if (nfuncdata <= FuncInfo.FUNCDATA_InlTree) {
      throw error(i, "inline tree index table without an inline tree");
    }
    long at = funcs.funcOff(i) + funcs.funcSize() + 4 * (npcdata + FuncInfo.FUNCDATA_InlTree);
    if (at + 4 > tab.table().limit()) {
      throw error(i, "funcdata array runs past the end of the table");
    }
    int off = tab.table().getInt((int) at);
    if (off == -1) {
      throw error(i, "inline tree index table without an inline tree");
    }
    if (memory == null) {
      throw new IllegalStateException("calls are inlined in " + tab.name(i)
          + " but the pclntab was parsed without the binary's image: inline trees are unavailable");
    }
    long address = gofunc + (off & 0xffff_ffffL);
    return memory.bytesAt(address)
        .orElseThrow(() -> error(i, "inline tree address 0x" + Long.toHexString(address) + " is in no section"))
        .slice()
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  private BinaryFormatException error(int i, String detail) {
    return tab.errors().error(detail + " (function #" + i + ")", tab.funcs().funcOff(i));
  }
}
