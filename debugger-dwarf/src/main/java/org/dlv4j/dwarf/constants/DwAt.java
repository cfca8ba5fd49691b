package org.dlv4j.dwarf.constants;

/**
 * A DWARF attribute name (DWARF v5 §7.5.4, table 7.5), including the GNU split-DWARF
 * attributes and Go's extensions (Go's {@code cmd/internal/dwarf/dwarf.go}).
 * An open value type: codes not named here (vendor extensions, newer DWARF) are
 * representable and print as {@code DwAt(0x3fff)}. Constant names follow the spec.
 *
 * @param code the code as encoded in the debug sections
 */
public record DwAt(int code) {
  public static final DwAt DW_AT_sibling = new DwAt(0x01);
  public static final DwAt DW_AT_location = new DwAt(0x02);
  public static final DwAt DW_AT_name = new DwAt(0x03);
  public static final DwAt DW_AT_ordering = new DwAt(0x09);
  public static final DwAt DW_AT_byte_size = new DwAt(0x0b);
  public static final DwAt DW_AT_bit_offset = new DwAt(0x0c);
  public static final DwAt DW_AT_bit_size = new DwAt(0x0d);
  public static final DwAt DW_AT_stmt_list = new DwAt(0x10);
  public static final DwAt DW_AT_low_pc = new DwAt(0x11);
  public static final DwAt DW_AT_high_pc = new DwAt(0x12);
  public static final DwAt DW_AT_language = new DwAt(0x13);
  public static final DwAt DW_AT_discr = new DwAt(0x15);
  public static final DwAt DW_AT_discr_value = new DwAt(0x16);
  public static final DwAt DW_AT_visibility = new DwAt(0x17);
  public static final DwAt DW_AT_import = new DwAt(0x18);
  public static final DwAt DW_AT_string_length = new DwAt(0x19);
  public static final DwAt DW_AT_common_reference = new DwAt(0x1a);
  public static final DwAt DW_AT_comp_dir = new DwAt(0x1b);
  public static final DwAt DW_AT_const_value = new DwAt(0x1c);
  public static final DwAt DW_AT_containing_type = new DwAt(0x1d);
  public static final DwAt DW_AT_default_value = new DwAt(0x1e);
  public static final DwAt DW_AT_inline = new DwAt(0x20);
  public static final DwAt DW_AT_is_optional = new DwAt(0x21);
  public static final DwAt DW_AT_lower_bound = new DwAt(0x22);
  public static final DwAt DW_AT_producer = new DwAt(0x25);
  public static final DwAt DW_AT_prototyped = new DwAt(0x27);
  public static final DwAt DW_AT_return_addr = new DwAt(0x2a);
  public static final DwAt DW_AT_start_scope = new DwAt(0x2c);
  public static final DwAt DW_AT_bit_stride = new DwAt(0x2e);
  public static final DwAt DW_AT_upper_bound = new DwAt(0x2f);
  public static final DwAt DW_AT_abstract_origin = new DwAt(0x31);
  public static final DwAt DW_AT_accessibility = new DwAt(0x32);
  public static final DwAt DW_AT_address_class = new DwAt(0x33);
  public static final DwAt DW_AT_artificial = new DwAt(0x34);
  public static final DwAt DW_AT_base_types = new DwAt(0x35);
  public static final DwAt DW_AT_calling_convention = new DwAt(0x36);
  public static final DwAt DW_AT_count = new DwAt(0x37);
  public static final DwAt DW_AT_data_member_location = new DwAt(0x38);
  public static final DwAt DW_AT_decl_column = new DwAt(0x39);
  public static final DwAt DW_AT_decl_file = new DwAt(0x3a);
  public static final DwAt DW_AT_decl_line = new DwAt(0x3b);
  public static final DwAt DW_AT_declaration = new DwAt(0x3c);
  public static final DwAt DW_AT_discr_list = new DwAt(0x3d);
  public static final DwAt DW_AT_encoding = new DwAt(0x3e);
  public static final DwAt DW_AT_external = new DwAt(0x3f);
  public static final DwAt DW_AT_frame_base = new DwAt(0x40);
  public static final DwAt DW_AT_friend = new DwAt(0x41);
  public static final DwAt DW_AT_identifier_case = new DwAt(0x42);
  public static final DwAt DW_AT_macro_info = new DwAt(0x43);
  public static final DwAt DW_AT_namelist_item = new DwAt(0x44);
  public static final DwAt DW_AT_priority = new DwAt(0x45);
  public static final DwAt DW_AT_segment = new DwAt(0x46);
  public static final DwAt DW_AT_specification = new DwAt(0x47);
  public static final DwAt DW_AT_static_link = new DwAt(0x48);
  public static final DwAt DW_AT_type = new DwAt(0x49);
  public static final DwAt DW_AT_use_location = new DwAt(0x4a);
  public static final DwAt DW_AT_variable_parameter = new DwAt(0x4b);
  public static final DwAt DW_AT_virtuality = new DwAt(0x4c);
  public static final DwAt DW_AT_vtable_elem_location = new DwAt(0x4d);
  public static final DwAt DW_AT_allocated = new DwAt(0x4e);
  public static final DwAt DW_AT_associated = new DwAt(0x4f);
  public static final DwAt DW_AT_data_location = new DwAt(0x50);
  public static final DwAt DW_AT_byte_stride = new DwAt(0x51);
  public static final DwAt DW_AT_entry_pc = new DwAt(0x52);
  public static final DwAt DW_AT_use_UTF8 = new DwAt(0x53);
  public static final DwAt DW_AT_extension = new DwAt(0x54);
  public static final DwAt DW_AT_ranges = new DwAt(0x55);
  public static final DwAt DW_AT_trampoline = new DwAt(0x56);
  public static final DwAt DW_AT_call_column = new DwAt(0x57);
  public static final DwAt DW_AT_call_file = new DwAt(0x58);
  public static final DwAt DW_AT_call_line = new DwAt(0x59);
  public static final DwAt DW_AT_description = new DwAt(0x5a);
  public static final DwAt DW_AT_binary_scale = new DwAt(0x5b);
  public static final DwAt DW_AT_decimal_scale = new DwAt(0x5c);
  public static final DwAt DW_AT_small = new DwAt(0x5d);
  public static final DwAt DW_AT_decimal_sign = new DwAt(0x5e);
  public static final DwAt DW_AT_digit_count = new DwAt(0x5f);
  public static final DwAt DW_AT_picture_string = new DwAt(0x60);
  public static final DwAt DW_AT_mutable = new DwAt(0x61);
  public static final DwAt DW_AT_threads_scaled = new DwAt(0x62);
  public static final DwAt DW_AT_explicit = new DwAt(0x63);
  public static final DwAt DW_AT_object_pointer = new DwAt(0x64);
  public static final DwAt DW_AT_endianity = new DwAt(0x65);
  public static final DwAt DW_AT_elemental = new DwAt(0x66);
  public static final DwAt DW_AT_pure = new DwAt(0x67);
  public static final DwAt DW_AT_recursive = new DwAt(0x68);
  public static final DwAt DW_AT_signature = new DwAt(0x69);
  public static final DwAt DW_AT_main_subprogram = new DwAt(0x6a);
  public static final DwAt DW_AT_data_bit_offset = new DwAt(0x6b);
  public static final DwAt DW_AT_const_expr = new DwAt(0x6c);
  public static final DwAt DW_AT_enum_class = new DwAt(0x6d);
  public static final DwAt DW_AT_linkage_name = new DwAt(0x6e);
  public static final DwAt DW_AT_string_length_bit_size = new DwAt(0x6f);
  public static final DwAt DW_AT_string_length_byte_size = new DwAt(0x70);
  public static final DwAt DW_AT_rank = new DwAt(0x71);
  public static final DwAt DW_AT_str_offsets_base = new DwAt(0x72);
  public static final DwAt DW_AT_addr_base = new DwAt(0x73);
  public static final DwAt DW_AT_rnglists_base = new DwAt(0x74);
  public static final DwAt DW_AT_dwo_name = new DwAt(0x76);
  public static final DwAt DW_AT_reference = new DwAt(0x77);
  public static final DwAt DW_AT_rvalue_reference = new DwAt(0x78);
  public static final DwAt DW_AT_macros = new DwAt(0x79);
  public static final DwAt DW_AT_call_all_calls = new DwAt(0x7a);
  public static final DwAt DW_AT_call_all_source_calls = new DwAt(0x7b);
  public static final DwAt DW_AT_call_all_tail_calls = new DwAt(0x7c);
  public static final DwAt DW_AT_call_return_pc = new DwAt(0x7d);
  public static final DwAt DW_AT_call_value = new DwAt(0x7e);
  public static final DwAt DW_AT_call_origin = new DwAt(0x7f);
  public static final DwAt DW_AT_call_parameter = new DwAt(0x80);
  public static final DwAt DW_AT_call_pc = new DwAt(0x81);
  public static final DwAt DW_AT_call_tail_call = new DwAt(0x82);
  public static final DwAt DW_AT_call_target = new DwAt(0x83);
  public static final DwAt DW_AT_call_target_clobbered = new DwAt(0x84);
  public static final DwAt DW_AT_call_data_location = new DwAt(0x85);
  public static final DwAt DW_AT_call_data_value = new DwAt(0x86);
  public static final DwAt DW_AT_noreturn = new DwAt(0x87);
  public static final DwAt DW_AT_alignment = new DwAt(0x88);
  public static final DwAt DW_AT_export_symbols = new DwAt(0x89);
  public static final DwAt DW_AT_deleted = new DwAt(0x8a);
  public static final DwAt DW_AT_defaulted = new DwAt(0x8b);
  public static final DwAt DW_AT_loclists_base = new DwAt(0x8c);
  // Vendor extensions: MIPS/GNU.
  public static final DwAt DW_AT_MIPS_linkage_name = new DwAt(0x2007);
  public static final DwAt DW_AT_GNU_dwo_name = new DwAt(0x2130);
  public static final DwAt DW_AT_GNU_dwo_id = new DwAt(0x2131);
  public static final DwAt DW_AT_GNU_ranges_base = new DwAt(0x2132);
  public static final DwAt DW_AT_GNU_addr_base = new DwAt(0x2133);
  public static final DwAt DW_AT_GNU_pubnames = new DwAt(0x2134);
  // Go extensions (cmd/internal/dwarf/dwarf.go).
  public static final DwAt DW_AT_go_kind = new DwAt(0x2900);
  public static final DwAt DW_AT_go_key = new DwAt(0x2901);
  public static final DwAt DW_AT_go_elem = new DwAt(0x2902);
  public static final DwAt DW_AT_go_embedded_field = new DwAt(0x2903);
  public static final DwAt DW_AT_go_runtime_type = new DwAt(0x2904);
  public static final DwAt DW_AT_go_package_name = new DwAt(0x2905);
  public static final DwAt DW_AT_go_dict_index = new DwAt(0x2906);
  public static final DwAt DW_AT_go_closure_offset = new DwAt(0x2907);

  /**
   * Returns the spec name, e.g. {@code DW_AT_sibling}, or {@code DwAt(0x3fff)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwAt.class, DwAt::code);
  }
}
