package org.dlv4j.dwarf.constants;

/**
 * A unit type in a DWARF 5 unit header (DWARF v5 §7.5.1, table 7.2).
 * An open value type: codes not named here (vendor extensions, newer DWARF) are
 * representable and print as {@code DwUt(0x80)}. Constant names follow the spec.
 *
 * @param code the code as encoded in the debug sections
 */
public record DwUt(int code) {
  /** {@code DW_UT_compile}. */
  public static final DwUt DW_UT_compile = new DwUt(0x01);
  /** {@code DW_UT_type}. */
  public static final DwUt DW_UT_type = new DwUt(0x02);
  /** {@code DW_UT_partial}. */
  public static final DwUt DW_UT_partial = new DwUt(0x03);
  /** {@code DW_UT_skeleton}. */
  public static final DwUt DW_UT_skeleton = new DwUt(0x04);
  /** {@code DW_UT_split_compile}. */
  public static final DwUt DW_UT_split_compile = new DwUt(0x05);
  /** {@code DW_UT_split_type}. */
  public static final DwUt DW_UT_split_type = new DwUt(0x06);

  /**
   * Returns the spec name, e.g. {@code DW_UT_compile}, or {@code DwUt(0x80)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwUt.class, DwUt::code);
  }
}
