package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.PcValueCursor;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * The pc ranges (link-time addresses) of a function where calls are inlined: where its
 * {@code PCDATA_InlTreeIndex} table is set. Immutable.
 */
final class InlinedRanges {
  private final long[] starts;
  private final long[] ends;

  /**
   * Reads the ranges of one function.
   *
   * @param pclntab the binary's function table
   * @param fn the function
   */
  InlinedRanges(Pclntab pclntab, FuncInfo fn) {
    List<long[]> ranges = new ArrayList<>();
    PcValueCursor c = pclntab.pcValues(fn, fn.pcdataOffset(FuncInfo.PCDATA_InlTreeIndex));
    while (c.next()) {
      if (c.value() >= 0) {
        ranges.add(new long[] {c.startPc(), c.endPc()});
      }
    }
    starts = new long[ranges.size()];
    ends = new long[ranges.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = ranges.get(i)[0];
      ends[i] = ranges.get(i)[1];
    }
  }

  /** {@return whether the function has no inlined code} */
  boolean isEmpty() {
    return starts.length == 0;
  }

  /** Tells whether a link-time pc lies inside an inlined call. */
  boolean contains(long pc) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= pc) {
        lo = mid + 1;
      } else if (starts[mid] > pc) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the first pc at or after {@code from} that lies in inlined code.
   *
   * @param from a link-time pc
   * @return the pc, or empty if no inlined code is at or after {@code from}
   */
  OptionalLong firstFrom(long from) {
    for (int i = 0; i < starts.length; i++) {
      if (ends[i] > from) {
        return OptionalLong.of(Math.max(starts[i], from));
      }
    }
    return OptionalLong.empty();
  }
}
