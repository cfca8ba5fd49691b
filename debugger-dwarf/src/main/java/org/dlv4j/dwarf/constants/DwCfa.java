package org.dlv4j.dwarf.constants;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A call frame instruction opcode (DWARF 5 §6.4.2, §7.24), open to vendor codes.
 * Constants are spelled as in the specification; codes without a constant still have a value
 * and print as {@code DwCfa(0x..)}.
 *
 * @param code the opcode byte
 */
public record DwCfa(int code) {
  private static final Map<Integer, String> NAMES = new HashMap<>();

  /** {@code DW_CFA_advance_loc} (0x40). */
  public static final DwCfa DW_CFA_advance_loc = define(0x40, "DW_CFA_advance_loc");
  /** {@code DW_CFA_offset} (0x80). */
  public static final DwCfa DW_CFA_offset = define(0x80, "DW_CFA_offset");
  /** {@code DW_CFA_restore} (0xc0). */
  public static final DwCfa DW_CFA_restore = define(0xc0, "DW_CFA_restore");
  /** {@code DW_CFA_nop} (0x00). */
  public static final DwCfa DW_CFA_nop = define(0x00, "DW_CFA_nop");
  /** {@code DW_CFA_set_loc} (0x01). */
  public static final DwCfa DW_CFA_set_loc = define(0x01, "DW_CFA_set_loc");
  /** {@code DW_CFA_advance_loc1} (0x02). */
  public static final DwCfa DW_CFA_advance_loc1 = define(0x02, "DW_CFA_advance_loc1");
  /** {@code DW_CFA_advance_loc2} (0x03). */
  public static final DwCfa DW_CFA_advance_loc2 = define(0x03, "DW_CFA_advance_loc2");
  /** {@code DW_CFA_advance_loc4} (0x04). */
  public static final DwCfa DW_CFA_advance_loc4 = define(0x04, "DW_CFA_advance_loc4");
  /** {@code DW_CFA_offset_extended} (0x05). */
  public static final DwCfa DW_CFA_offset_extended = define(0x05, "DW_CFA_offset_extended");
  /** {@code DW_CFA_restore_extended} (0x06). */
  public static final DwCfa DW_CFA_restore_extended = define(0x06, "DW_CFA_restore_extended");
  /** {@code DW_CFA_undefined} (0x07). */
  public static final DwCfa DW_CFA_undefined = define(0x07, "DW_CFA_undefined");
  /** {@code DW_CFA_same_value} (0x08). */
  public static final DwCfa DW_CFA_same_value = define(0x08, "DW_CFA_same_value");
  /** {@code DW_CFA_register} (0x09). */
  public static final DwCfa DW_CFA_register = define(0x09, "DW_CFA_register");
  /** {@code DW_CFA_remember_state} (0x0a). */
  public static final DwCfa DW_CFA_remember_state = define(0x0a, "DW_CFA_remember_state");
  /** {@code DW_CFA_restore_state} (0x0b). */
  public static final DwCfa DW_CFA_restore_state = define(0x0b, "DW_CFA_restore_state");
  /** {@code DW_CFA_def_cfa} (0x0c). */
  public static final DwCfa DW_CFA_def_cfa = define(0x0c, "DW_CFA_def_cfa");
  /** {@code DW_CFA_def_cfa_register} (0x0d). */
  public static final DwCfa DW_CFA_def_cfa_register = define(0x0d, "DW_CFA_def_cfa_register");
  /** {@code DW_CFA_def_cfa_offset} (0x0e). */
  public static final DwCfa DW_CFA_def_cfa_offset = define(0x0e, "DW_CFA_def_cfa_offset");
  /** {@code DW_CFA_def_cfa_expression} (0x0f). */
  public static final DwCfa DW_CFA_def_cfa_expression = define(0x0f, "DW_CFA_def_cfa_expression");
  /** {@code DW_CFA_expression} (0x10). */
  public static final DwCfa DW_CFA_expression = define(0x10, "DW_CFA_expression");
  /** {@code DW_CFA_offset_extended_sf} (0x11). */
  public static final DwCfa DW_CFA_offset_extended_sf = define(0x11, "DW_CFA_offset_extended_sf");
  /** {@code DW_CFA_def_cfa_sf} (0x12). */
  public static final DwCfa DW_CFA_def_cfa_sf = define(0x12, "DW_CFA_def_cfa_sf");
  /** {@code DW_CFA_def_cfa_offset_sf} (0x13). */
  public static final DwCfa DW_CFA_def_cfa_offset_sf = define(0x13, "DW_CFA_def_cfa_offset_sf");
  /** {@code DW_CFA_val_offset} (0x14). */
  public static final DwCfa DW_CFA_val_offset = define(0x14, "DW_CFA_val_offset");
  /** {@code DW_CFA_val_offset_sf} (0x15). */
  public static final DwCfa DW_CFA_val_offset_sf = define(0x15, "DW_CFA_val_offset_sf");
  /** {@code DW_CFA_val_expression} (0x16). */
  public static final DwCfa DW_CFA_val_expression = define(0x16, "DW_CFA_val_expression");
  /** {@code DW_CFA_MIPS_advance_loc8} (0x1d). */
  public static final DwCfa DW_CFA_MIPS_advance_loc8 = define(0x1d, "DW_CFA_MIPS_advance_loc8");
  /** {@code DW_CFA_GNU_window_save} (0x2d). */
  public static final DwCfa DW_CFA_GNU_window_save = define(0x2d, "DW_CFA_GNU_window_save");
  /** {@code DW_CFA_GNU_args_size} (0x2e). */
  public static final DwCfa DW_CFA_GNU_args_size = define(0x2e, "DW_CFA_GNU_args_size");
  /** {@code DW_CFA_GNU_negative_offset_extended} (0x2f). */
  public static final DwCfa DW_CFA_GNU_negative_offset_extended =
      define(0x2f, "DW_CFA_GNU_negative_offset_extended");

  /**
   * Returns the name used in the specification, such as {@code "DW_CFA_def_cfa"}.
   *
   * @return the name, or empty for a code without a constant here
   */
  public Optional<String> name() {
    return Optional.ofNullable(NAMES.get(code));
  }

  /** Returns the specification name, or {@code DwCfa(0x..)} for a code without one. */
  @Override
  public String toString() {
    String name = NAMES.get(code);
    return name != null ? name : String.format("DwCfa(0x%02x)", code);
  }

  private static DwCfa define(int code, String name) {
    NAMES.put(code, name);
    return new DwCfa(code);
  }
}
