package org.dlv4j.dwarf.constants;

/**
 * A range-list entry kind in {@code .debug_rnglists} (DWARF v5 §7.25, table 7.30).
 * An open value type: codes not named here (vendor extensions, newer DWARF) are
 * representable and print as {@code DwRle(0x08)}. Constant names follow the spec.
 *
 * @param code the code as encoded in the debug sections
 */
public record DwRle(int code) {
  /** {@code DW_RLE_end_of_list}. */
  public static final DwRle DW_RLE_end_of_list = new DwRle(0x00);
  /** {@code DW_RLE_base_addressx}. */
  public static final DwRle DW_RLE_base_addressx = new DwRle(0x01);
  /** {@code DW_RLE_startx_endx}. */
  public static final DwRle DW_RLE_startx_endx = new DwRle(0x02);
  /** {@code DW_RLE_startx_length}. */
  public static final DwRle DW_RLE_startx_length = new DwRle(0x03);
  /** {@code DW_RLE_offset_pair}. */
  public static final DwRle DW_RLE_offset_pair = new DwRle(0x04);
  /** {@code DW_RLE_base_address}. */
  public static final DwRle DW_RLE_base_address = new DwRle(0x05);
  /** {@code DW_RLE_start_end}. */
  public static final DwRle DW_RLE_start_end = new DwRle(0x06);
  /** {@code DW_RLE_start_length}. */
  public static final DwRle DW_RLE_start_length = new DwRle(0x07);

  /**
   * Returns the spec name, e.g. {@code DW_RLE_end_of_list}, or {@code DwRle(0x08)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwRle.class, DwRle::code);
  }
}
