package org.dlv4j.dwarf;

/** The 32- or 64-bit DWARF format of a unit or table, which sets the size of section offsets. */
public enum DwarfFormat {
  /** Initial length below 0xfffffff0; section offsets are 4 bytes. */
  DWARF32(4),
  /** Initial length 0xffffffff followed by an 8-byte length; section offsets are 8 bytes. */
  DWARF64(8);

  private final int offsetSize;

  DwarfFormat(int offsetSize) {
    this.offsetSize = offsetSize;
  }

  /**
   * Returns the size of a section offset in this format.
   *
   * @return 4 or 8
   */
  public int offsetSize() {
    return offsetSize;
  }

  /**
   * Returns the size of an initial length field in this format.
   *
   * @return 4 or 12
   */
  public int initialLengthSize() {
    return this == DWARF32 ? 4 : 12;
  }
}
