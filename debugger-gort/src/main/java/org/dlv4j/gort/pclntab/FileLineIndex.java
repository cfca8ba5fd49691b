package org.dlv4j.gort.pclntab;

import java.util.Arrays;

/**
 * Which functions have code from which file, for file:line to pc queries: built once by
 * walking every function's pcfile table, stored as compressed rows (per file id, a slice of
 * function indexes).
 */
final class FileLineIndex {
  private final Pclntab tab;
  /** funcsOf[rowStart[f] .. rowStart[f + 1]) are the functions with code from file f. */
  private final int[] rowStart;
  private final int[] funcsOf;

  private FileLineIndex(Pclntab tab, int[] rowStart, int[] funcsOf) {
    this.tab = tab;
    this.rowStart = rowStart;
    this.funcsOf = funcsOf;
  }

  static FileLineIndex build(Pclntab tab) {
    int nfiles = tab.files().count();
    int nfuncs = tab.functionCount();
    // Pairs (file, function), each pair once; a function has few distinct files.
    int[] pairFile = new int[Math.max(16, nfuncs)];
    int[] pairFunc = new int[pairFile.length];
    int pairs = 0;
    int[] seenStamp = new int[nfiles];
    Arrays.fill(seenStamp, -1);
    FuncTab funcs = tab.funcs();
    for (int i = 0; i < nfuncs; i++) {
      PcValueCursor c = tab.cursor(funcs.field(i, FuncTab.PCFILE), 0);
      int cu = funcs.field(i, FuncTab.CU_OFFSET);
      while (c.next()) {
        int file = tab.files().idOf(cu, c.value());
        if (file < 0 || seenStamp[file] == i) {
          continue;
        }
        seenStamp[file] = i;
        if (pairs == pairFile.length) {
          pairFile = Arrays.copyOf(pairFile, pairs * 2);
          pairFunc = Arrays.copyOf(pairFunc, pairs * 2);
        }
        pairFile[pairs] = file;
        pairFunc[pairs] = i;
        pairs++;
      }
    }
    int[] rowStart = new int[nfiles + 1];
    for (int p = 0; p < pairs; p++) {
      rowStart[pairFile[p] + 1]++;
    }
    for (int f = 0; f < nfiles; f++) {
      rowStart[f + 1] += rowStart[f];
    }
    int[] fill = Arrays.copyOf(rowStart, nfiles);
    int[] funcsOf = new int[pairs];
    for (int p = 0; p < pairs; p++) { // functions stay in ascending order within a row
      funcsOf[fill[pairFile[p]]++] = pairFunc[p];
    }
    return new FileLineIndex(tab, rowStart, funcsOf);
  }

  /**
   * Returns the first pc of each maximal range of code at file {@code file}, line {@code line},
   * ascending: walks the pcfile and pcln tables of each candidate function side by side.
   */
  long[] pcsOf(int file, int line) {
    long[] out = new long[8];
    int n = 0;
    FuncTab funcs = tab.funcs();
    for (int r = rowStart[file]; r < rowStart[file + 1]; r++) {
      int i = funcsOf[r];
      int cu = funcs.field(i, FuncTab.CU_OFFSET);
      long entry = tab.entry(i);
      PcValueCursor files = tab.cursor(funcs.field(i, FuncTab.PCFILE), entry);
      PcValueCursor lines = tab.cursor(funcs.field(i, FuncTab.PCLN), entry);
      boolean inRun = false;
      long pc = entry;
      while (advancePast(files, pc) && advancePast(lines, pc)) {
        long rangeEnd = Math.min(files.endPc(), lines.endPc());
        boolean match = lines.value() == line && tab.files().idOf(cu, files.value()) == file;
        if (match && !inRun) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = pc;
        }
        inRun = match;
        pc = rangeEnd;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Moves {@code c} until its current range ends after {@code pc}; false if the table ends first. */
  static boolean advancePast(PcValueCursor c, long pc) {
    while (c.endPc() <= pc) {
      if (!c.next()) {
        return false;
      }
    }
    return true;
  }
}
