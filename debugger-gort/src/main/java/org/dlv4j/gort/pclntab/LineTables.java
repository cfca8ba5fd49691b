package org.dlv4j.gort.pclntab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Decoded pc-to-(file, line) tables, one per function, made on the first lookup in that
 * function and kept, so that later lookups are a binary search instead of a walk of varints.
 * A function's pcfile and pcln tables are merged into one {@code long[]}:
 *
 * <pre>
 *   [0]          n &lt;&lt; 32 | file id   (file id MULTI_FILE: ids follow the ranges)
 *   [1 .. n]     end &lt;&lt; 32 | line     (end = offset from the entry just past the range)
 *   [n+1 .. 2n]  file id per range     (only if MULTI_FILE)
 * </pre>
 *
 * Lines and file ids of -1 mean unknown. Most functions have one file, so a table costs about
 * 8 bytes per line change: a few times the encoded tables it replaces, and bounded by them.
 *
 * <p>Thread-safe: tables are immutable once published (release/acquire), and two threads that
 * decode the same function at once make equal tables.
 */
final class LineTables {
  /** Returned by {@link #fileLine} when the pc has no known position. */
  static final long UNKNOWN = -1L;

  private static final int MULTI_FILE = -2;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[][].class);

  private final Pclntab tab;
  private final long[][] tables;

  LineTables(Pclntab tab) {
    this.tab = tab;
    this.tables = new long[tab.functionCount()][];
  }

  /**
   * Returns {@code line << 32 | fileId} for text offset {@code off} in function {@code i}, or
   * {@link #UNKNOWN}. Allocation-free once the function's table is decoded.
   */
  long fileLine(int i, long off) {
    long[] t = (long[]) SLOT.getAcquire(tables, i);
    if (t == null) {
      t = decode(i);
      SLOT.setRelease(tables, i, t);
    }
    int n = (int) (t[0] >>> 32);
    // First range whose end is above rel: the first element above (rel << 32 | 0xffffffff).
    long key = (off - tab.funcs().entryOff(i)) << 32 | 0xffff_ffffL;
    int lo = 1;
    int hi = n + 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo > n) {
      return UNKNOWN;
    }
    int line = (int) t[lo];
    int file = (int) t[0] == MULTI_FILE ? (int) t[n + lo] : (int) t[0];
    return line < 0 || file < 0 ? UNKNOWN : (long) line << 32 | file;
  }

  /** Merges function {@code i}'s pcfile and pcln tables into one range table. */
  private long[] decode(int i) {
    FuncTab funcs = tab.funcs();
    PcValueCursor files = tab.cursor(funcs.field(i, FuncTab.PCFILE), 0);
    PcValueCursor lines = tab.cursor(funcs.field(i, FuncTab.PCLN), 0);
    int cu = funcs.field(i, FuncTab.CU_OFFSET);
    long[] ranges = new long[16];
    int[] fileOf = new int[16];
    int n = 0;
    boolean multi = false;
    long pc = 0;
    while (FileLineIndex.advancePast(files, pc) && FileLineIndex.advancePast(lines, pc)) {
      long end = Math.min(files.endPc(), lines.endPc());
      if (end > Integer.MAX_VALUE) {
        break; // beyond any function: text offsets fit an int
      }
      if (n == ranges.length) {
        ranges = Arrays.copyOf(ranges, n * 2);
        fileOf = Arrays.copyOf(fileOf, n * 2);
      }
      ranges[n] = end << 32 | (lines.value() & 0xffff_ffffL);
      fileOf[n] = tab.files().idOf(cu, files.value());
      multi |= fileOf[n] != fileOf[0];
      n++;
      pc = end;
    }
    long[] t = new long[1 + n + (multi ? n : 0)];
    t[0] = (long) n << 32 | ((multi ? MULTI_FILE : n == 0 ? -1 : fileOf[0]) & 0xffff_ffffL);
    System.arraycopy(ranges, 0, t, 1, n);
    for (int k = 0; multi && k < n; k++) {
      t[1 + n + k] = fileOf[k];
    }
    return t;
  }
}
