package org.dlv4j.dwarf.loc;

/**
 * A half-open range of target addresses, [start, end), compared as unsigned 64-bit values.
 *
 * @param start the first address in the range
 * @param end the first address after the range
 */
public record AddressRange(long start, long end) {
  /**
   * Returns whether {@code pc} is in the range.
   *
   * @param pc a target address
   * @return whether {@code pc} is in the range
   */
  public boolean contains(long pc) {
    return Long.compareUnsigned(pc, start) >= 0 && Long.compareUnsigned(pc, end) < 0;
  }

  @Override
  public String toString() {
    return "[0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end) + ")";
  }
}
