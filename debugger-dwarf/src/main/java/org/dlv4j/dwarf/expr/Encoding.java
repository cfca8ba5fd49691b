package org.dlv4j.dwarf.expr;

/**
 * The properties of the unit an expression comes from that change how its operands are
 * read: the size of a target address (the "generic type", DWARF 5 §2.5.1), the size of a
 * section offset (4 for 32-bit DWARF, 8 for 64-bit DWARF) and the DWARF version.
 *
 * @param addressSize 4 or 8
 * @param offsetSize 4 or 8
 * @param version the unit's DWARF version, 2 to 5
 */
public record Encoding(int addressSize, int offsetSize, int version) {
  /** 64-bit targets, 32-bit DWARF 5: what Go 1.25+ emits for amd64 and arm64. */
  public static final Encoding AMD64_DWARF5 = new Encoding(8, 4, 5);

  /**
   * Checks the sizes.
   *
   * @param addressSize 4 or 8
   * @param offsetSize 4 or 8
   * @param version the unit's DWARF version, 2 to 5
   * @throws IllegalArgumentException if a size is not 4 or 8, or the version not 2 to 5
   */
  public Encoding {
    if (addressSize != 4 && addressSize != 8) {
      throw new IllegalArgumentException("address size " + addressSize);
    }
    if (offsetSize != 4 && offsetSize != 8) {
      throw new IllegalArgumentException("offset size " + offsetSize);
    }
    if (version < 2 || version > 5) {
      throw new IllegalArgumentException("DWARF version " + version);
    }
  }
}
