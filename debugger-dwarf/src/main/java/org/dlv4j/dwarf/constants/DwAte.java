package org.dlv4j.dwarf.constants;

/**
 * A DWARF base-type encoding, the value of {@code DW_AT_encoding} (DWARF v5 §7.8, table 7.11).
 * An open value type: codes not named here (vendor extensions, newer DWARF) are
 * representable and print as {@code DwAte(0x80)}. Constant names follow the spec.
 *
 * @param code the code as encoded in the debug sections
 */
public record DwAte(int code) {
  /** {@code DW_ATE_address}. */
  public static final DwAte DW_ATE_address = new DwAte(0x01);
  /** {@code DW_ATE_boolean}. */
  public static final DwAte DW_ATE_boolean = new DwAte(0x02);
  /** {@code DW_ATE_complex_float}. */
  public static final DwAte DW_ATE_complex_float = new DwAte(0x03);
  /** {@code DW_ATE_float}. */
  public static final DwAte DW_ATE_float = new DwAte(0x04);
  /** {@code DW_ATE_signed}. */
  public static final DwAte DW_ATE_signed = new DwAte(0x05);
  /** {@code DW_ATE_signed_char}. */
  public static final DwAte DW_ATE_signed_char = new DwAte(0x06);
  /** {@code DW_ATE_unsigned}. */
  public static final DwAte DW_ATE_unsigned = new DwAte(0x07);
  /** {@code DW_ATE_unsigned_char}. */
  public static final DwAte DW_ATE_unsigned_char = new DwAte(0x08);
  /** {@code DW_ATE_imaginary_float}. */
  public static final DwAte DW_ATE_imaginary_float = new DwAte(0x09);
  /** {@code DW_ATE_packed_decimal}. */
  public static final DwAte DW_ATE_packed_decimal = new DwAte(0x0a);
  /** {@code DW_ATE_numeric_string}. */
  public static final DwAte DW_ATE_numeric_string = new DwAte(0x0b);
  /** {@code DW_ATE_edited}. */
  public static final DwAte DW_ATE_edited = new DwAte(0x0c);
  /** {@code DW_ATE_signed_fixed}. */
  public static final DwAte DW_ATE_signed_fixed = new DwAte(0x0d);
  /** {@code DW_ATE_unsigned_fixed}. */
  public static final DwAte DW_ATE_unsigned_fixed = new DwAte(0x0e);
  /** {@code DW_ATE_decimal_float}. */
  public static final DwAte DW_ATE_decimal_float = new DwAte(0x0f);
  /** {@code DW_ATE_UTF}. */
  public static final DwAte DW_ATE_UTF = new DwAte(0x10);
  /** {@code DW_ATE_UCS}. */
  public static final DwAte DW_ATE_UCS = new DwAte(0x11);
  /** {@code DW_ATE_ASCII}. */
  public static final DwAte DW_ATE_ASCII = new DwAte(0x12);

  /**
   * Returns the spec name, e.g. {@code DW_ATE_address}, or {@code DwAte(0x80)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwAte.class, DwAte::code);
  }
}
