package org.dlv4j.dwarf.constants;

/**
 * A DWARF attribute form (DWARF v5 §7.5.6, table 7.6), including the GNU split-DWARF and
 * alternate-file (dwz) forms.
 * An open value type: codes not named here (vendor extensions, newer DWARF) are
 * representable and print as {@code DwForm(0x7f)}. Constant names follow the spec.
 *
 * @param code the code as encoded in the debug sections
 */
public record DwForm(int code) {
  public static final DwForm DW_FORM_addr = new DwForm(0x01);
  public static final DwForm DW_FORM_block2 = new DwForm(0x03);
  public static final DwForm DW_FORM_block4 = new DwForm(0x04);
  public static final DwForm DW_FORM_data2 = new DwForm(0x05);
  public static final DwForm DW_FORM_data4 = new DwForm(0x06);
  public static final DwForm DW_FORM_data8 = new DwForm(0x07);
  public static final DwForm DW_FORM_string = new DwForm(0x08);
  public static final DwForm DW_FORM_block = new DwForm(0x09);
  public static final DwForm DW_FORM_block1 = new DwForm(0x0a);
  public static final DwForm DW_FORM_data1 = new DwForm(0x0b);
  public static final DwForm DW_FORM_flag = new DwForm(0x0c);
  public static final DwForm DW_FORM_sdata = new DwForm(0x0d);
  public static final DwForm DW_FORM_strp = new DwForm(0x0e);
  public static final DwForm DW_FORM_udata = new DwForm(0x0f);
  public static final DwForm DW_FORM_ref_addr = new DwForm(0x10);
  public static final DwForm DW_FORM_ref1 = new DwForm(0x11);
  public static final DwForm DW_FORM_ref2 = new DwForm(0x12);
  public static final DwForm DW_FORM_ref4 = new DwForm(0x13);
  public static final DwForm DW_FORM_ref8 = new DwForm(0x14);
  public static final DwForm DW_FORM_ref_udata = new DwForm(0x15);
  public static final DwForm DW_FORM_indirect = new DwForm(0x16);
  public static final DwForm DW_FORM_sec_offset = new DwForm(0x17);
  public static final DwForm DW_FORM_exprloc = new DwForm(0x18);
  public static final DwForm DW_FORM_flag_present = new DwForm(0x19);
  public static final DwForm DW_FORM_strx = new DwForm(0x1a);
  public static final DwForm DW_FORM_addrx = new DwForm(0x1b);
  public static final DwForm DW_FORM_ref_sup4 = new DwForm(0x1c);
  public static final DwForm DW_FORM_strp_sup = new DwForm(0x1d);
  public static final DwForm DW_FORM_data16 = new DwForm(0x1e);
  public static final DwForm DW_FORM_line_strp = new DwForm(0x1f);
  public static final DwForm DW_FORM_ref_sig8 = new DwForm(0x20);
  public static final DwForm DW_FORM_implicit_const = new DwForm(0x21);
  public static final DwForm DW_FORM_loclistx = new DwForm(0x22);
  public static final DwForm DW_FORM_rnglistx = new DwForm(0x23);
  public static final DwForm DW_FORM_ref_sup8 = new DwForm(0x24);
  public static final DwForm DW_FORM_strx1 = new DwForm(0x25);
  public static final DwForm DW_FORM_strx2 = new DwForm(0x26);
  public static final DwForm DW_FORM_strx3 = new DwForm(0x27);
  public static final DwForm DW_FORM_strx4 = new DwForm(0x28);
  public static final DwForm DW_FORM_addrx1 = new DwForm(0x29);
  public static final DwForm DW_FORM_addrx2 = new DwForm(0x2a);
  public static final DwForm DW_FORM_addrx3 = new DwForm(0x2b);
  public static final DwForm DW_FORM_addrx4 = new DwForm(0x2c);
  // GNU extensions.
  public static final DwForm DW_FORM_GNU_addr_index = new DwForm(0x1f01);
  public static final DwForm DW_FORM_GNU_str_index = new DwForm(0x1f02);
  public static final DwForm DW_FORM_GNU_ref_alt = new DwForm(0x1f20);
  public static final DwForm DW_FORM_GNU_strp_alt = new DwForm(0x1f21);

  /**
   * Returns the spec name, e.g. {@code DW_FORM_addr}, or {@code DwForm(0x7f)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwForm.class, DwForm::code);
  }
}
