package org.dlv4j.gort.internal.target;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.Die;
import org.dlv4j.dwarf.DieCursor;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.dwarf.Unit;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.loc.AddressRange;

/**
 * Tells which code was compiled with optimisations, from the flags the Go compiler appends to
 * each compilation unit's {@code DW_AT_producer} ("Go cmd/compile go1.26; -N -l regabi"):
 * optimised unless both {@code -N} and {@code -l} are there, as Delve decides. Reads only the
 * root DIE of each unit, once, on first use. Code without DWARF counts as optimised, which is
 * what a Go build without {@code -N -l} produces. Addresses are user-space addresses, below
 * 2^63, so signed comparisons order them.
 */
final class OptimizedCode {
  private static final System.Logger LOG = System.getLogger("debugger");

  private final Optional<Dwarf> dwarf;
  /** Starts and ends of the unoptimised ranges, sorted and disjoint; built on first use. */
  private long[] starts;
  private long[] ends;

  OptimizedCode(Optional<Dwarf> dwarf) {
    this.dwarf = dwarf;
  }

  /** Tells whether the code at {@code pc} was compiled with optimisations. */
  synchronized boolean at(long pc) {
    if (starts == null) {
      index(unoptimizedRanges());
    }
    int i = Arrays.binarySearch(starts, pc);
    int last = i >= 0 ? i : -i - 2; // the last range starting at or below pc
    return last < 0 || pc >= ends[last];
  }

  private void index(List<AddressRange> ranges) {
    ranges.sort((a, b) -> Long.compare(a.start(), b.start()));
    starts = ranges.stream().mapToLong(AddressRange::start).toArray();
    ends = ranges.stream().mapToLong(AddressRange::end).toArray();
  }

  private List<AddressRange> unoptimizedRanges() {
    List<AddressRange> ranges = new ArrayList<>();
    try {
      for (Unit unit : dwarf.map(Dwarf::units).orElse(List.of())) {
        DieCursor c = unit.cursor();
        if (!c.nextDfs()) {
          continue;
        }
        Die root = c.die();
        String producer = root.attrString(DwAt.DW_AT_producer).orElse("");
        int flags = producer.indexOf(';');
        if (flags >= 0 && producer.indexOf("-N", flags) > 0 && producer.indexOf("-l", flags) > 0) {
          ranges.addAll(root.ranges());
        }
      }
    } catch (BinaryFormatException e) {
      LOG.log(Level.WARNING, "cannot read compilation units: " + e.getMessage());
    }
    return ranges;
  }
}
