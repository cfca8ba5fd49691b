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
  /** {@code DW_FORM_addr}. */
  public static final DwForm DW_FORM_addr = new DwForm(0x01);
  /** {@code DW_FORM_block2}. */
  public static final DwForm DW_FORM_block2 = new DwForm(0x03);
  /** {@code DW_FORM_block4}. */
  public static final DwForm DW_FORM_block4 = new DwForm(0x04);
  /** {@code DW_FORM_data2}. */
  public static final DwForm DW_FORM_data2 = new DwForm(0x05);
  /** {@code DW_FORM_data4}. */
  public static final DwForm DW_FORM_data4 = new DwForm(0x06);
  /** {@code DW_FORM_data8}. */
  public static final DwForm DW_FORM_data8 = new DwForm(0x07);
  /** {@code DW_FORM_string}. */
  public static final DwForm DW_FORM_string = new DwForm(0x08);
  /** {@code DW_FORM_block}. */
  public static final DwForm DW_FORM_block = new DwForm(0x09);
  /** {@code DW_FORM_block1}. */
  public static final DwForm DW_FORM_block1 = new DwForm(0x0a);
  /** {@code DW_FORM_data1}. */
  public static final DwForm DW_FORM_data1 = new DwForm(0x0b);
  /** {@code DW_FORM_flag}. */
  public static final DwForm DW_FORM_flag = new DwForm(0x0c);
  /** {@code DW_FORM_sdata}. */
  public static final DwForm DW_FORM_sdata = new DwForm(0x0d);
  /** {@code DW_FORM_strp}. */
  public static final DwForm DW_FORM_strp = new DwForm(0x0e);
  /** {@code DW_FORM_udata}. */
  public static final DwForm DW_FORM_udata = new DwForm(0x0f);
  /** {@code DW_FORM_ref_addr}. */
  public static final DwForm DW_FORM_ref_addr = new DwForm(0x10);
  /** {@code DW_FORM_ref1}. */
  public static final DwForm DW_FORM_ref1 = new DwForm(0x11);
  /** {@code DW_FORM_ref2}. */
  public static final DwForm DW_FORM_ref2 = new DwForm(0x12);
  /** {@code DW_FORM_ref4}. */
  public static final DwForm DW_FORM_ref4 = new DwForm(0x13);
  /** {@code DW_FORM_ref8}. */
  public static final DwForm DW_FORM_ref8 = new DwForm(0x14);
  /** {@code DW_FORM_ref_udata}. */
  public static final DwForm DW_FORM_ref_udata = new DwForm(0x15);
  /** {@code DW_FORM_indirect}. */
  public static final DwForm DW_FORM_indirect = new DwForm(0x16);
  /** {@code DW_FORM_sec_offset}. */
  public static final DwForm DW_FORM_sec_offset = new DwForm(0x17);
  /** {@code DW_FORM_exprloc}. */
  public static final DwForm DW_FORM_exprloc = new DwForm(0x18);
  /** {@code DW_FORM_flag_present}. */
  public static final DwForm DW_FORM_flag_present = new DwForm(0x19);
  /** {@code DW_FORM_strx}. */
  public static final DwForm DW_FORM_strx = new DwForm(0x1a);
  /** {@code DW_FORM_addrx}. */
  public static final DwForm DW_FORM_addrx = new DwForm(0x1b);
  /** {@code DW_FORM_ref_sup4}. */
  public static final DwForm DW_FORM_ref_sup4 = new DwForm(0x1c);
  /** {@code DW_FORM_strp_sup}. */
  public static final DwForm DW_FORM_strp_sup = new DwForm(0x1d);
  /** {@code DW_FORM_data16}. */
  public static final DwForm DW_FORM_data16 = new DwForm(0x1e);
  /** {@code DW_FORM_line_strp}. */
  public static final DwForm DW_FORM_line_strp = new DwForm(0x1f);
  /** {@code DW_FORM_ref_sig8}. */
  public static final DwForm DW_FORM_ref_sig8 = new DwForm(0x20);
  /** {@code DW_FORM_implicit_const}. */
  public static final DwForm DW_FORM_implicit_const = new DwForm(0x21);
  /** {@code DW_FORM_loclistx}. */
  public static final DwForm DW_FORM_loclistx = new DwForm(0x22);
  /** {@code DW_FORM_rnglistx}. */
  public static final DwForm DW_FORM_rnglistx = new DwForm(0x23);
  /** {@code DW_FORM_ref_sup8}. */
  public static final DwForm DW_FORM_ref_sup8 = new DwForm(0x24);
  /** {@code DW_FORM_strx1}. */
  public static final DwForm DW_FORM_strx1 = new DwForm(0x25);
  /** {@code DW_FORM_strx2}. */
  public static final DwForm DW_FORM_strx2 = new DwForm(0x26);
  /** {@code DW_FORM_strx3}. */
  public static final DwForm DW_FORM_strx3 = new DwForm(0x27);
  /** {@code DW_FORM_strx4}. */
  public static final DwForm DW_FORM_strx4 = new DwForm(0x28);
  /** {@code DW_FORM_addrx1}. */
  public static final DwForm DW_FORM_addrx1 = new DwForm(0x29);
  /** {@code DW_FORM_addrx2}. */
  public static final DwForm DW_FORM_addrx2 = new DwForm(0x2a);
  /** {@code DW_FORM_addrx3}. */
  public static final DwForm DW_FORM_addrx3 = new DwForm(0x2b);
  /** {@code DW_FORM_addrx4}. */
  public static final DwForm DW_FORM_addrx4 = new DwForm(0x2c);
  // GNU extensions.
  /** {@code DW_FORM_GNU_addr_index}. */
  public static final DwForm DW_FORM_GNU_addr_index = new DwForm(0x1f01);
  /** {@code DW_FORM_GNU_str_index}. */
  public static final DwForm DW_FORM_GNU_str_index = new DwForm(0x1f02);
  /** {@code DW_FORM_GNU_ref_alt}. */
  public static final DwForm DW_FORM_GNU_ref_alt = new DwForm(0x1f20);
  /** {@code DW_FORM_GNU_strp_alt}. */
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
