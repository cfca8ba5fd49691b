package org.dlv4j.dwarf.constants;

/**
 * A source language, the value of {@code DW_AT_language} (DWARF v5 §7.12, table 7.17).
 * An open value type: codes not named here (vendor extensions, newer DWARF) are
 * representable and print as {@code DwLang(0x8e57)}. Constant names follow the spec.
 *
 * @param code the code as encoded in the debug sections
 */
public record DwLang(int code) {
  /** {@code DW_LANG_C89}. */
  public static final DwLang DW_LANG_C89 = new DwLang(0x01);
  /** {@code DW_LANG_C}. */
  public static final DwLang DW_LANG_C = new DwLang(0x02);
  /** {@code DW_LANG_Ada83}. */
  public static final DwLang DW_LANG_Ada83 = new DwLang(0x03);
  /** {@code DW_LANG_C_plus_plus}. */
  public static final DwLang DW_LANG_C_plus_plus = new DwLang(0x04);
  /** {@code DW_LANG_Cobol74}. */
  public static final DwLang DW_LANG_Cobol74 = new DwLang(0x05);
  /** {@code DW_LANG_Cobol85}. */
  public static final DwLang DW_LANG_Cobol85 = new DwLang(0x06);
  /** {@code DW_LANG_Fortran77}. */
  public static final DwLang DW_LANG_Fortran77 = new DwLang(0x07);
  /** {@code DW_LANG_Fortran90}. */
  public static final DwLang DW_LANG_Fortran90 = new DwLang(0x08);
  /** {@code DW_LANG_Pascal83}. */
  public static final DwLang DW_LANG_Pascal83 = new DwLang(0x09);
  /** {@code DW_LANG_Modula2}. */
  public static final DwLang DW_LANG_Modula2 = new DwLang(0x0a);
  /** {@code DW_LANG_Java}. */
  public static final DwLang DW_LANG_Java = new DwLang(0x0b);
  /** {@code DW_LANG_C99}. */
  public static final DwLang DW_LANG_C99 = new DwLang(0x0c);
  /** {@code DW_LANG_Ada95}. */
  public static final DwLang DW_LANG_Ada95 = new DwLang(0x0d);
  /** {@code DW_LANG_Fortran95}. */
  public static final DwLang DW_LANG_Fortran95 = new DwLang(0x0e);
  /** {@code DW_LANG_PLI}. */
  public static final DwLang DW_LANG_PLI = new DwLang(0x0f);
  /** {@code DW_LANG_ObjC}. */
  public static final DwLang DW_LANG_ObjC = new DwLang(0x10);
  /** {@code DW_LANG_ObjC_plus_plus}. */
  public static final DwLang DW_LANG_ObjC_plus_plus = new DwLang(0x11);
  /** {@code DW_LANG_UPC}. */
  public static final DwLang DW_LANG_UPC = new DwLang(0x12);
  /** {@code DW_LANG_D}. */
  public static final DwLang DW_LANG_D = new DwLang(0x13);
  /** {@code DW_LANG_Python}. */
  public static final DwLang DW_LANG_Python = new DwLang(0x14);
  /** {@code DW_LANG_OpenCL}. */
  public static final DwLang DW_LANG_OpenCL = new DwLang(0x15);
  /** {@code DW_LANG_Go}. */
  public static final DwLang DW_LANG_Go = new DwLang(0x16);
  /** {@code DW_LANG_Modula3}. */
  public static final DwLang DW_LANG_Modula3 = new DwLang(0x17);
  /** {@code DW_LANG_Haskell}. */
  public static final DwLang DW_LANG_Haskell = new DwLang(0x18);
  /** {@code DW_LANG_C_plus_plus_03}. */
  public static final DwLang DW_LANG_C_plus_plus_03 = new DwLang(0x19);
  /** {@code DW_LANG_C_plus_plus_11}. */
  public static final DwLang DW_LANG_C_plus_plus_11 = new DwLang(0x1a);
  /** {@code DW_LANG_OCaml}. */
  public static final DwLang DW_LANG_OCaml = new DwLang(0x1b);
  /** {@code DW_LANG_Rust}. */
  public static final DwLang DW_LANG_Rust = new DwLang(0x1c);
  /** {@code DW_LANG_C11}. */
  public static final DwLang DW_LANG_C11 = new DwLang(0x1d);
  /** {@code DW_LANG_Swift}. */
  public static final DwLang DW_LANG_Swift = new DwLang(0x1e);
  /** {@code DW_LANG_Julia}. */
  public static final DwLang DW_LANG_Julia = new DwLang(0x1f);
  /** {@code DW_LANG_Dylan}. */
  public static final DwLang DW_LANG_Dylan = new DwLang(0x20);
  /** {@code DW_LANG_C_plus_plus_14}. */
  public static final DwLang DW_LANG_C_plus_plus_14 = new DwLang(0x21);
  /** {@code DW_LANG_Fortran03}. */
  public static final DwLang DW_LANG_Fortran03 = new DwLang(0x22);
  /** {@code DW_LANG_Fortran08}. */
  public static final DwLang DW_LANG_Fortran08 = new DwLang(0x23);
  /** {@code DW_LANG_RenderScript}. */
  public static final DwLang DW_LANG_RenderScript = new DwLang(0x24);
  /** {@code DW_LANG_BLISS}. */
  public static final DwLang DW_LANG_BLISS = new DwLang(0x25);
  // Vendor extension.
  /** {@code DW_LANG_Mips_Assembler}. */
  public static final DwLang DW_LANG_Mips_Assembler = new DwLang(0x8001);

  /**
   * Returns the spec name, e.g. {@code DW_LANG_C89}, or {@code DwLang(0x8e57)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwLang.class, DwLang::code);
  }
}
