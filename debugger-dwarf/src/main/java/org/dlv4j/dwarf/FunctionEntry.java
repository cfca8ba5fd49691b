package org.dlv4j.dwarf;

import java.util.List;
import java.util.OptionalLong;
import org.dlv4j.dwarf.loc.AddressRange;

/**
 * A function found by the {@link DwarfIndex}.
 *
 * @param name the function's name, e.g. {@code main.main} or {@code main.Map[go.shape.int]}
 * @param dieOffset the {@code .debug_info} offset of its DW_TAG_subprogram: the concrete
 *     (out-of-line) instance when there is one, else the abstract instance
 * @param ranges the code addresses of the concrete instance; empty if the function exists only
 *     as inlined copies (see {@link #inlinedOnly()})
 */
public record FunctionEntry(String name, long dieOffset, List<AddressRange> ranges) {
  /**
   * Copies the range list.
   *
   * @param name the function's name
   * @param dieOffset the DIE offset
   * @param ranges the code ranges
   */
  public FunctionEntry {
    ranges = List.copyOf(ranges);
  }

  /**
   * Returns whether the function has no out-of-line code: it was only ever inlined.
   *
   * @return whether the function has no out-of-line code: it was only ever inlined
   */
  public boolean inlinedOnly() {
    return ranges.isEmpty();
  }

  /**
   * Returns the start of the first code range (DW_AT_low_pc for contiguous functions).
   *
   * @return the start of the first code range (DW_AT_low_pc for contiguous functions)
   */
  public OptionalLong lowPc() {
    return ranges.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ranges.get(0).start());
  }

  /**
   * Returns the end of the first code range (the resolved DW_AT_high_pc).
   *
   * @return the end of the first code range (the resolved DW_AT_high_pc)
   */
  public OptionalLong highPc() {
    return ranges.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ranges.get(0).end());
  }
}
