package org.dlv4j.dwarf.constants;

/**
 * A location-list entry kind in {@code .debug_loclists} (DWARF v5 §7.29, table 7.10), plus
 * GCC's view-pair extension.
 * An open value type: codes not named here (vendor extensions, newer DWARF) are
 * representable and print as {@code DwLle(0x0a)}. Constant names follow the spec.
 *
 * @param code the code as encoded in the debug sections
 */
public record DwLle(int code) {
  /** {@code DW_LLE_end_of_list}. */
  public static final DwLle DW_LLE_end_of_list = new DwLle(0x00);
  /** {@code DW_LLE_base_addressx}. */
  public static final DwLle DW_LLE_base_addressx = new DwLle(0x01);
  /** {@code DW_LLE_startx_endx}. */
  public static final DwLle DW_LLE_startx_endx = new DwLle(0x02);
  /** {@code DW_LLE_startx_length}. */
  public static final DwLle DW_LLE_startx_length = new DwLle(0x03);
  /** {@code DW_LLE_offset_pair}. */
  public static final DwLle DW_LLE_offset_pair = new DwLle(0x04);
  /** {@code DW_LLE_default_location}. */
  public static final DwLle DW_LLE_default_location = new DwLle(0x05);
  /** {@code DW_LLE_base_address}. */
  public static final DwLle DW_LLE_base_address = new DwLle(0x06);
  /** {@code DW_LLE_start_end}. */
  public static final DwLle DW_LLE_start_end = new DwLle(0x07);
  /** {@code DW_LLE_start_length}. */
  public static final DwLle DW_LLE_start_length = new DwLle(0x08);
  // GNU extension: location views (GCC -gvariable-location-views).
  /** {@code DW_LLE_GNU_view_pair}. */
  public static final DwLle DW_LLE_GNU_view_pair = new DwLle(0x09);

  /**
   * Returns the spec name, e.g. {@code DW_LLE_end_of_list}, or {@code DwLle(0x0a)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwLle.class, DwLle::code);
  }
}
