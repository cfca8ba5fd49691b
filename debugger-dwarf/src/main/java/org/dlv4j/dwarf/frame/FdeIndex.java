package org.dlv4j.dwarf.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * The FDEs of all sections sorted by initial location, for binary search (STYLE §7.9).
 * Addresses compare as unsigned numbers.
 * Empty ranges are dropped; of FDEs with the same initial location the one from the earlier
 * section wins. Partly overlapping ranges are found through a running maximum of range ends.
 * Immutable once built.
 */
final class FdeIndex {
  private final long[] starts;
  /** {@code maxEnds[i]} is the largest end of FDEs 0..i: no FDE before i+1 reaches past it. */
  private final long[] maxEnds;
  private final Fde[] fdes;

  private FdeIndex(List<Fde> sorted) {
    int n = sorted.size();
    starts = new long[n];
    maxEnds = new long[n];
    fdes = sorted.toArray(new Fde[0]);
    long maxEnd = 0;
    for (int i = 0; i < n; i++) {
      starts[i] = fdes[i].initialLocation();
      if (Long.compareUnsigned(fdes[i].endLocation(), maxEnd) > 0) {
        maxEnd = fdes[i].endLocation();
      }
      maxEnds[i] = maxEnd;
    }
  }

  /** Indexes the FDEs of {@code sections}, earlier sections first in priority. */
  static FdeIndex build(List<SectionReader> sections) {
    List<Fde> all = new ArrayList<>();
    for (SectionReader s : sections) {
      for (Fde fde : new EntryParser(s).fdes()) {
        if (fde.addressRange() != 0) {
          all.add(fde);
        }
      }
    }
    // List.sort is stable, so FDEs with equal starts keep section order.
    all.sort((a, b) -> Long.compareUnsigned(a.initialLocation(), b.initialLocation()));
    List<Fde> unique = new ArrayList<>(all.size());
    for (Fde fde : all) {
      if (unique.isEmpty()
          || unique.get(unique.size() - 1).initialLocation() != fde.initialLocation()) {
        unique.add(fde);
      }
    }
    return new FdeIndex(unique);
  }

  int size() {
    return fdes.length;
  }

  Fde get(int i) {
    return fdes[i];
  }

  /** Returns the index of the FDE containing {@code pc}, or -1. */
  int find(long pc) {
    int i = upperBound(pc) - 1;
    while (i >= 0 && Long.compareUnsigned(maxEnds[i], pc) > 0) {
      if (fdes[i].contains(pc)) {
        return i;
      }
      i--;
    }
    return -1;
  }

  /** The number of FDEs starting at or before {@code pc}. */
  private int upperBound(long pc) {
    int lo = 0;
    int hi = starts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(starts[mid], pc) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
