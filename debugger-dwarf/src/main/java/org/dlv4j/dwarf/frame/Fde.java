package org.dlv4j.dwarf.frame;

import java.util.Optional;

/**
 * A Frame Description Entry (DWARF 5 §6.4.1): the unwind rules for one range of code.
 * Immutable.
 *
 * @param offset the entry's offset in its section
 * @param cie the CIE it points to
 * @param initialLocation the first address it covers
 * @param addressRange the number of bytes it covers
 * @param lsda the language-specific data area, from {@code .eh_frame} augmentation data
 * @param instructionsOffset the section offset of its call frame instructions
 * @param instructionsLength the length of its call frame instructions
 */
public record Fde(long offset, Cie cie, long initialLocation, long addressRange,
    Optional<EncodedPointer> lsda, long instructionsOffset, int instructionsLength) {

  /**
   * Returns the first address after the range.
   *
   * @return the first address after the range
   */
  public long endLocation() {
    return initialLocation + addressRange;
  }

  /**
   * Returns whether {@code pc} is in {@code [initialLocation, endLocation)}.
   *
   * @param pc a code address
   * @return whether this FDE covers {@code pc}
   */
  public boolean contains(long pc) {
    return Long.compareUnsigned(pc - initialLocation, addressRange) < 0;
  }

  @Override
  public String toString() {
    return "Fde[" + cie.section().sectionName() + " 0x" + Long.toHexString(offset) + " pc=0x"
        + Long.toHexString(initialLocation) + "..0x" + Long.toHexString(endLocation()) + "]";
  }
}
