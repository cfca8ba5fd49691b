package org.dlv4j.gort.internal.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.dwarf.line.LineIndex;
import org.dlv4j.dwarf.line.LineLocation;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.PcValueCursor;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * The source rows of one function's code, in address order, as a stepping debugger walks them:
 * with DWARF, the line table's rows inside the function (a row's {@code isStmt} marks where a
 * statement starts, the places Delve's {@code next} stops at); without DWARF, one row per
 * maximal run of instructions on one file and line in the pclntab, each marked as a statement.
 */
public final class LineRows {
  private LineRows() {
  }

  /**
   * Returns the rows of {@code fn}, clipped to {@code [fn.entry(), fn.end())}.
   *
   * @param fn a function of {@code tab}
   * @param tab the pclntab
   * @param lines the DWARF line index, if the binary has DWARF
   * @return the rows, ascending by address, none overlapping
   */
  public static List<LineLocation> of(FuncInfo fn, Pclntab tab, Optional<LineIndex> lines) {
    if (lines.isPresent()) {
      List<LineLocation> rows = fromLineTable(fn, lines.get());
      if (!rows.isEmpty()) {
        return rows;
      }
    }
    return fromPclntab(fn, tab);
  }

  private static List<LineLocation> fromLineTable(FuncInfo fn, LineIndex lines) {
    List<LineLocation> out = new ArrayList<>();
    long pc = fn.entry();
    while (Long.compareUnsigned(pc, fn.end()) < 0) {
      Optional<LineLocation> found = lines.find(pc);
      if (found.isEmpty()) {
        break; // no sequence covers pc: the table does not describe the rest
      }
      LineLocation r = found.get();
      long end = Long.compareUnsigned(r.end(), fn.end()) < 0 ? r.end() : fn.end();
      if (Long.compareUnsigned(end, pc) <= 0) {
        break;
      }
      // a row that starts before the entry (or where the walk entered it) is not a start here
      boolean starts = r.address() == pc;
      out.add(new LineLocation(pc, end, r.file(), r.line(), r.column(), starts && r.isStmt()));
      pc = end;
    }
    return out;
  }

  private static List<LineLocation> fromPclntab(FuncInfo fn, Pclntab tab) {
    List<LineLocation> out = new ArrayList<>();
    PcValueCursor lines = tab.pcValues(fn, fn.pcln());
    PcValueCursor files = tab.pcValues(fn, fn.pcfile());
    boolean haveFile = files.next();
    int fileId = Integer.MIN_VALUE;
    String file = "?";
    while (lines.next()) {
      long start = lines.startPc();
      while (haveFile && Long.compareUnsigned(files.endPc(), start) <= 0) {
        haveFile = files.next();
      }
      if (haveFile && files.value() != fileId) {
        fileId = files.value();
        file = tab.file(fn, start).orElse("?");
      }
      long end = Long.compareUnsigned(lines.endPc(), fn.end()) < 0 ? lines.endPc() : fn.end();
      LineLocation last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.line() == lines.value() && last.file().equals(file)) {
        out.set(out.size() - 1, new LineLocation(last.address(), end, file, last.line(), 0, true));
      } else if (Long.compareUnsigned(start, end) < 0) {
        out.add(new LineLocation(start, end, file, lines.value(), 0, true));
      }
    }
    return out;
  }
}
