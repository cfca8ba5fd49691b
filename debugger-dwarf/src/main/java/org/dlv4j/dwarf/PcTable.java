package org.dlv4j.dwarf;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Address ranges mapped to int values, sorted by start for binary search. Built once, then
 * immutable. Ranges are expected not to overlap, as compilers emit them for units and
 * functions; where they do, a lookup may miss all but the last range starting before the pc.
 */
final class PcTable {
  private final long[] starts;
  private final long[] ends;
  private final int[] values;

  private PcTable(long[] starts, long[] ends, int[] values) {
    this.starts = starts;
    this.ends = ends;
    this.values = values;
  }

  /** Returns the value of the range containing {@code pc}, or -1. */
  int find(long pc) {
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) { // the last range whose start is <= pc, comparing unsigned
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(starts[mid], pc) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && Long.compareUnsigned(pc, ends[found]) < 0 ? values[found] : -1;
  }

  /** Collects ranges in any order. */
  static final class Builder {
    private long[] starts = new long[256];
    private long[] ends = new long[256];
    private int[] values = new int[256];
    private int size;

    void add(long start, long end, int value) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      starts[size] = start;
      ends[size] = end;
      values[size] = value;
      size++;
    }

    PcTable build() {
      int[] order = IntStream.range(0, size).boxed()
          .sorted(Comparator.comparing(i -> starts[i], Long::compareUnsigned))
          .mapToInt(Integer::intValue).toArray();
      long[] s = new long[size];
      long[] e = new long[size];
      int[] v = new int[size];
      for (int i = 0; i < size; i++) {
        s[i] = starts[order[i]];
        e[i] = ends[order[i]];
        v[i] = values[order[i]];
      }
      return new PcTable(s, e, v);
    }
  }
}
