package org.dlv4j.gort.pclntab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * What the pc lookup needs of each function, decoded on first use and kept: its name and its
 * line table. The two sit side by side in one array, so that a lookup finds both in one cache
 * line. The line table merges the function's pcfile and pcln tables into one {@code long[]}, so
 * that a lookup is a search instead of a walk of varints:
 *
 * <pre>
 *   [0]          n &lt;&lt; 32 | file id   (file id MULTI_FILE: ids follow the ranges)
 *   [1]          end &lt;&lt; 32 | start: the text offsets where the last range ends and the
 *                first starts (the entry), so that a lookup needs no other header line
 *   [2 .. n+1]   end &lt;&lt; 32 | line     (end = text offset just past the range)
 *   [n+2 .. 2n+1] file id per range    (only if MULTI_FILE)
 * </pre>
 *
 * Line changes are spread fairly evenly over a function's code, so the search starts where
 * the pc's share of the function says its range should be and gallops from there: in large
 * functions, which random pcs hit most, it touches one or two cache lines instead of the
 * log2(n) a bisection touches, and it never takes more than about 2 log2(n) steps.
 *
 * Lines and file ids of -1 mean unknown. Most functions have one file, so a table costs about
 * 8 bytes per line change: a few times the encoded tables it replaces, and bounded by them.
 *
 * <p>Thread-safe: names are immutable Strings and tables are published with release/acquire;
 * two threads that decode the same function at once make equal values.
 */
final class FuncCache {
  /** Returned by {@link #fileLine} when the pc has no known position. */
  static final long UNKNOWN = -1L;

  private static final int MULTI_FILE = -2;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  private final Pclntab tab;
  /** Function i's name at 2i, its line table at 2i + 1. */
  private final Object[] slots;

  FuncCache(Pclntab tab) {
    this.tab = tab;
    this.slots = new Object[2 * tab.functionCount()];
  }

  /** Returns the name of function {@code i}, decoding it the first time. */
  String name(int i) {
    String s = (String) slots[2 * i]; // racy but safe: Strings are immutable
    if (s == null) {
      s = tab.funcNames().at(tab.funcs().field(i, FuncTab.NAME_OFF) & 0xffff_ffffL);
      slots[2 * i] = s;
    }
    return s;
  }

  /**
   * Returns {@code line << 32 | fileId} for text offset {@code off} in function {@code i}, or
   * {@link #UNKNOWN}. Allocation-free once the function's table is decoded.
   */
  long fileLine(int i, long off) {
    long[] t = (long[]) SLOT.getAcquire(slots, 2 * i + 1);
    if (t == null) {
      t = decode(i);
      SLOT.setRelease(slots, 2 * i + 1, t);
    }
    int n = (int) (t[0] >>> 32);
    int k = find(t, n, off);
    if (k < 0) {
      return UNKNOWN;
    }
    int line = (int) t[k];
    int file = (int) t[0] == MULTI_FILE ? (int) t[n + k] : (int) t[0];
    return line < 0 || file < 0 ? UNKNOWN : (long) line << 32 | file;
  }

  /** Returns the index in {@code t} of the range containing {@code off}, or -1. */
  private static int find(long[] t, int n, long off) {
    long start = t[1] & 0xffff_ffffL;
    long end = t[1] >>> 32;
    if (n == 0 || off < start || off >= end) {
      return -1;
    }
    // A range contains off iff its end is above off and the previous end is not; in the long
    // encoding, "end above off" is "element above (off << 32 | 0xffffffff)".
    long key = off << 32 | 0xffff_ffffL;
    long span = end - start;
    int guess = 2 + (int) ((off - start) * n / span);
    int lo;
    int hi;
    if (t[guess] <= key) { // the range is after the guess: gallop right
      lo = guess + 1;
      int step = 1;
      while (lo + step <= n + 1 && t[lo + step - 1] <= key) {
        lo += step;
        step <<= 1;
      }
      hi = Math.min(lo + step - 1, n + 1);
    } else { // the range is the guess or before it: gallop left
      hi = guess;
      int step = 1;
      while (hi - step >= 2 && t[hi - step] > key) {
        hi -= step;
        step <<= 1;
      }
      lo = Math.max(hi - step, 2);
    }
    while (lo < hi) { // the first element above key in [lo, hi]
      int mid = (lo + hi) >>> 1;
      if (t[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Merges function {@code i}'s pcfile and pcln tables into one range table. */
  private long[] decode(int i) {
    FuncTab funcs = tab.funcs();
    long entry = funcs.entryOff(i);
    PcValueCursor files = tab.cursor(funcs.field(i, FuncTab.PCFILE), entry);
    PcValueCursor lines = tab.cursor(funcs.field(i, FuncTab.PCLN), entry);
    int cu = funcs.field(i, FuncTab.CU_OFFSET);
    long[] ranges = new long[16];
    int[] fileOf = new int[16];
    int n = 0;
    boolean multi = false;
    long pc = entry;
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
    long[] t = new long[2 + n + (multi ? n : 0)];
    t[0] = (long) n << 32 | ((multi ? MULTI_FILE : n == 0 ? -1 : fileOf[0]) & 0xffff_ffffL);
    t[1] = (n == 0 ? entry : ranges[n - 1] >>> 32) << 32 | entry;
    System.arraycopy(ranges, 0, t, 2, n);
    for (int k = 0; multi && k < n; k++) {
      t[2 + n + k] = fileOf[k];
    }
    return t;
  }
}
