package org.dlv4j.gort.internal.binary;

import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.dwarf.line.LineIndex;
import org.dlv4j.dwarf.line.LineLocation;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.PcValueCursor;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * Where a function's prologue ends, i.e. where a debugger stops for a breakpoint on the
 * function. With DWARF this follows Delve's {@code FirstPCAfterPrologue} without its
 * disassembly step (runtime-internals §4.10):
 * <ol>
 *   <li>the first line-table row in {@code [entry, end)} marked {@code prologue_end}: the Go
 *       compiler marks the instruction after the frame set-up, which follows the stack-bound
 *       check, when the function has a frame;
 *   <li>else the first {@code is_stmt} row in {@code [entry, end)} on the entry's file and
 *       line, usually the entry itself (frameless functions, assembly);
 * </ol>
 * Without line rows for the function (no DWARF), from the pclntab:
 * <ol start="3">
 *   <li>the first pc whose line differs from the entry's (the first instruction of the body's
 *       first line; it lies after the prologue, which is all on the entry line), else the entry.
 * </ol>
 */
public final class Prologue {
  private Prologue() {
  }

  /**
   * Returns the first pc after {@code fn}'s prologue.
   *
   * @param fn a function of {@code tab}
   * @param tab the pclntab
   * @param lines the DWARF line index, if the binary has DWARF
   * @return the pc, in {@code [fn.entry(), fn.end())}
   */
  public static long end(FuncInfo fn, Pclntab tab, Optional<LineIndex> lines) {
    if (lines.isPresent()) {
      OptionalLong pc = fromLineTable(fn, lines.get());
      if (pc.isPresent()) {
        return pc.getAsLong();
      }
    }
    return fromPclntab(fn, tab);
  }

  private static OptionalLong fromLineTable(FuncInfo fn, LineIndex lines) {
    Optional<LineLocation> first = lines.find(fn.entry());
    if (first.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong marked = lines.prologueEnd(fn.entry(), fn.end());
    // prologueEnd answers a prologue_end row, or else the first statement row after its start
    // address. Asked again from the answer, it answers the answer itself only if that row is
    // marked prologue_end: the fallback never returns the start address.
    if (marked.isPresent() && lines.prologueEnd(marked.getAsLong(), fn.end()).equals(marked)) {
      return marked;
    }
    LineLocation entryRow = first.get();
    for (long pc = fn.entry(); Long.compareUnsigned(pc, fn.end()) < 0; ) {
      Optional<LineLocation> row = lines.find(pc);
      if (row.isEmpty()) {
        break;
      }
      LineLocation r = row.get();
      if (r.isStmt() && r.line() == entryRow.line() && r.file().equals(entryRow.file())) {
        return OptionalLong.of(Math.max(r.address(), fn.entry()));
      }
      pc = r.end();
    }
    return OptionalLong.of(fn.entry());
  }

  private static long fromPclntab(FuncInfo fn, Pclntab tab) {
    PcValueCursor lines = tab.pcValues(fn, fn.pcln());
    if (!lines.next()) {
      return fn.entry();
    }
    int entryLine = lines.value();
    while (lines.next()) {
      if (lines.value() != entryLine) {
        return lines.startPc() < fn.end() ? lines.startPc() : fn.entry();
      }
    }
    return fn.entry();
  }
}
