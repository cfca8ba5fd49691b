package org.dlv4j.gort.pclntab;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/** Reads a {@code _func} record (runtime/runtime2.go) into a {@link FuncInfo}. */
final class FuncRecord {
  private FuncRecord() {
  }

  static FuncInfo read(Pclntab tab, int i) {
    FuncTab funcs = tab.funcs();
    ByteBuffer table = tab.table();
    ByteCursor errors = tab.errors();
    int off = funcs.funcOff(i);
    boolean go120 = tab.format() == PclntabFormat.GO120;
    int entryOff = funcs.field(i, FuncTab.ENTRY_OFF);
    if (entryOff != funcs.entryOff(i)) {
      throw errors.error("_func entry offset 0x" + Integer.toHexString(entryOff)
          + " disagrees with the function table's 0x" + Integer.toHexString(funcs.entryOff(i)), off);
    }
    int tail = off + funcs.funcSize(); // after the fixed part: npcdata + nfuncdata uint32s
    long npcdata = funcs.field(i, FuncTab.NPCDATA) & 0xffff_ffffL;
    int nfuncdata = funcs.byteField(i, funcs.funcSize() - 1);
    if (npcdata > (table.limit() - tail) / 4 - nfuncdata) {
      throw errors.error("pcdata/funcdata arrays (" + npcdata + "+" + nfuncdata
          + " entries) run past the end of the table", off + FuncTab.NPCDATA);
    }
    List<Integer> pcdata = new ArrayList<>((int) npcdata);
    for (int k = 0; k < npcdata; k++) {
      pcdata.add(table.getInt(tail + 4 * k));
    }
    List<Long> funcdata = new ArrayList<>(nfuncdata);
    for (int k = 0; k < nfuncdata; k++) {
      int v = table.getInt(tail + 4 * ((int) npcdata + k));
      funcdata.add(v == -1 ? -1L : v & 0xffff_ffffL);
    }
    int idField = go120 ? FuncTab.START_LINE + 4 : FuncTab.START_LINE;
    return new FuncInfo(
        i,
        tab.entry(i),
        tab.end(i),
        tab.name(i),
        funcs.field(i, FuncTab.ARGS),
        funcs.field(i, FuncTab.DEFER_RETURN),
        go120 ? funcs.field(i, FuncTab.START_LINE) : 0,
        funcs.byteField(i, idField),
        funcs.byteField(i, idField + 1),
        funcs.field(i, FuncTab.PCSP),
        funcs.field(i, FuncTab.PCFILE),
        funcs.field(i, FuncTab.PCLN),
        funcs.field(i, FuncTab.CU_OFFSET),
        pcdata,
        funcdata);
  }
}
