package org.dlv4j.dwarf.constants;

/**
 * A call frame instruction opcode (DWARF 5 §6.4.2, §7.24), open to vendor codes.
 * Constants are spelled as in the specification; codes without a constant still have a value
 * and print as {@code DwCfa(0x..)}.
 *
 * @param code the opcode byte
 */
public record DwCfa(int code) {
  /** {@code DW_CFA_advance_loc} (0x40). */
  public static final DwCfa DW_CFA_advance_loc = new DwCfa(0x40);
  /** {@code DW_CFA_offset} (0x80). */
  public static final DwCfa DW_CFA_offset = new DwCfa(0x80);
  /** {@code DW_CFA_restore} (0xc0). */
  public static final DwCfa DW_CFA_restore = new DwCfa(0xc0);
  /** {@code DW_CFA_nop} (0x00). */
  public static final DwCfa DW_CFA_nop = new DwCfa(0x00);
  /** {@code DW_CFA_set_loc} (0x01). */
  public static final DwCfa DW_CFA_set_loc = new DwCfa(0x01);
  /** {@code DW_CFA_advance_loc1} (0x02). */
  public static final DwCfa DW_CFA_advance_loc1 = new DwCfa(0x02);
  /** {@code DW_CFA_advance_loc2} (0x03). */
  public static final DwCfa DW_CFA_advance_loc2 = new DwCfa(0x03);
  /** {@code DW_CFA_advance_loc4} (0x04). */
  public static final DwCfa DW_CFA_advance_loc4 = new DwCfa(0x04);
  /** {@code DW_CFA_offset_extended} (0x05). */
  public static final DwCfa DW_CFA_offset_extended = new DwCfa(0x05);
  /** {@code DW_CFA_restore_extended} (0x06). */
  public static final DwCfa DW_CFA_restore_extended = new DwCfa(0x06);
  /** {@code DW_CFA_undefined} (0x07). */
  public static final DwCfa DW_CFA_undefined = new DwCfa(0x07);
  /** {@code DW_CFA_same_value} (0x08). */
  public static final DwCfa DW_CFA_same_value = new DwCfa(0x08);
  /** {@code DW_CFA_register} (0x09). */
  public static final DwCfa DW_CFA_register = new DwCfa(0x09);
  /** {@code DW_CFA_remember_state} (0x0a). */
  public static final DwCfa DW_CFA_remember_state = new DwCfa(0x0a);
  /** {@code DW_CFA_restore_state} (0x0b). */
  public static final DwCfa DW_CFA_restore_state = new DwCfa(0x0b);
  /** {@code DW_CFA_def_cfa} (0x0c). */
  public static final DwCfa DW_CFA_def_cfa = new DwCfa(0x0c);
  /** {@code DW_CFA_def_cfa_register} (0x0d). */
  public static final DwCfa DW_CFA_def_cfa_register = new DwCfa(0x0d);
  /** {@code DW_CFA_def_cfa_offset} (0x0e). */
  public static final DwCfa DW_CFA_def_cfa_offset = new DwCfa(0x0e);
  /** {@code DW_CFA_def_cfa_expression} (0x0f). */
  public static final DwCfa DW_CFA_def_cfa_expression = new DwCfa(0x0f);
  /** {@code DW_CFA_expression} (0x10). */
  public static final DwCfa DW_CFA_expression = new DwCfa(0x10);
  /** {@code DW_CFA_offset_extended_sf} (0x11). */
  public static final DwCfa DW_CFA_offset_extended_sf = new DwCfa(0x11);
  /** {@code DW_CFA_def_cfa_sf} (0x12). */
  public static final DwCfa DW_CFA_def_cfa_sf = new DwCfa(0x12);
  /** {@code DW_CFA_def_cfa_offset_sf} (0x13). */
  public static final DwCfa DW_CFA_def_cfa_offset_sf = new DwCfa(0x13);
  /** {@code DW_CFA_val_offset} (0x14). */
  public static final DwCfa DW_CFA_val_offset = new DwCfa(0x14);
  /** {@code DW_CFA_val_offset_sf} (0x15). */
  public static final DwCfa DW_CFA_val_offset_sf = new DwCfa(0x15);
  /** {@code DW_CFA_val_expression} (0x16). */
  public static final DwCfa DW_CFA_val_expression = new DwCfa(0x16);
  /** {@code DW_CFA_MIPS_advance_loc8} (0x1d). */
  public static final DwCfa DW_CFA_MIPS_advance_loc8 = new DwCfa(0x1d);
  /** {@code DW_CFA_GNU_window_save} (0x2d). */
  public static final DwCfa DW_CFA_GNU_window_save = new DwCfa(0x2d);
  /** {@code DW_CFA_GNU_args_size} (0x2e). */
  public static final DwCfa DW_CFA_GNU_args_size = new DwCfa(0x2e);
  /** {@code DW_CFA_GNU_negative_offset_extended} (0x2f). */
  public static final DwCfa DW_CFA_GNU_negative_offset_extended = new DwCfa(0x2f);

  /**
   * Returns the spec name, e.g. {@code DW_CFA_def_cfa}, or {@code DwCfa(0x..)} for a code without a
   * constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwCfa.class, DwCfa::code);
  }
}
