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
  /** {@code DW_AT_sibling}. */
  public static final DwAt DW_AT_sibling = new DwAt(0x01);
  /** {@code DW_AT_location}. */
  public static final DwAt DW_AT_location = new DwAt(0x02);
  /** {@code DW_AT_name}. */
  public static final DwAt DW_AT_name = new DwAt(0x03);
  /** {@code DW_AT_ordering}. */
  public static final DwAt DW_AT_ordering = new DwAt(0x09);
  /** {@code DW_AT_byte_size}. */
  public static final DwAt DW_AT_byte_size = new DwAt(0x0b);
  /** {@code DW_AT_bit_offset}. */
  public static final DwAt DW_AT_bit_offset = new DwAt(0x0c);
  /** {@code DW_AT_bit_size}. */
  public static final DwAt DW_AT_bit_size = new DwAt(0x0d);
  /** {@code DW_AT_stmt_list}. */
  public static final DwAt DW_AT_stmt_list = new DwAt(0x10);
  /** {@code DW_AT_low_pc}. */
  public static final DwAt DW_AT_low_pc = new DwAt(0x11);
  /** {@code DW_AT_high_pc}. */
  public static final DwAt DW_AT_high_pc = new DwAt(0x12);
  /** {@code DW_AT_language}. */
  public static final DwAt DW_AT_language = new DwAt(0x13);
  /** {@code DW_AT_discr}. */
  public static final DwAt DW_AT_discr = new DwAt(0x15);
  /** {@code DW_AT_discr_value}. */
  public static final DwAt DW_AT_discr_value = new DwAt(0x16);
  /** {@code DW_AT_visibility}. */
  public static final DwAt DW_AT_visibility = new DwAt(0x17);
  /** {@code DW_AT_import}. */
  public static final DwAt DW_AT_import = new DwAt(0x18);
  /** {@code DW_AT_string_length}. */
  public static final DwAt DW_AT_string_length = new DwAt(0x19);
  /** {@code DW_AT_common_reference}. */
  public static final DwAt DW_AT_common_reference = new DwAt(0x1a);
  /** {@code DW_AT_comp_dir}. */
  public static final DwAt DW_AT_comp_dir = new DwAt(0x1b);
  /** {@code DW_AT_const_value}. */
  public static final DwAt DW_AT_const_value = new DwAt(0x1c);
  /** {@code DW_AT_containing_type}. */
  public static final DwAt DW_AT_containing_type = new DwAt(0x1d);
  /** {@code DW_AT_default_value}. */
  public static final DwAt DW_AT_default_value = new DwAt(0x1e);
  /** {@code DW_AT_inline}. */
  public static final DwAt DW_AT_inline = new DwAt(0x20);
  /** {@code DW_AT_is_optional}. */
  public static final DwAt DW_AT_is_optional = new DwAt(0x21);
  /** {@code DW_AT_lower_bound}. */
  public static final DwAt DW_AT_lower_bound = new DwAt(0x22);
  /** {@code DW_AT_producer}. */
  public static final DwAt DW_AT_producer = new DwAt(0x25);
  /** {@code DW_AT_prototyped}. */
  public static final DwAt DW_AT_prototyped = new DwAt(0x27);
  /** {@code DW_AT_return_addr}. */
  public static final DwAt DW_AT_return_addr = new DwAt(0x2a);
  /** {@code DW_AT_start_scope}. */
  public static final DwAt DW_AT_start_scope = new DwAt(0x2c);
  /** {@code DW_AT_bit_stride}. */
  public static final DwAt DW_AT_bit_stride = new DwAt(0x2e);
  /** {@code DW_AT_upper_bound}. */
  public static final DwAt DW_AT_upper_bound = new DwAt(0x2f);
  /** {@code DW_AT_abstract_origin}. */
  public static final DwAt DW_AT_abstract_origin = new DwAt(0x31);
  /** {@code DW_AT_accessibility}. */
  public static final DwAt DW_AT_accessibility = new DwAt(0x32);
  /** {@code DW_AT_address_class}. */
  public static final DwAt DW_AT_address_class = new DwAt(0x33);
  /** {@code DW_AT_artificial}. */
  public static final DwAt DW_AT_artificial = new DwAt(0x34);
  /** {@code DW_AT_base_types}. */
  public static final DwAt DW_AT_base_types = new DwAt(0x35);
  /** {@code DW_AT_calling_convention}. */
  public static final DwAt DW_AT_calling_convention = new DwAt(0x36);
  /** {@code DW_AT_count}. */
  public static final DwAt DW_AT_count = new DwAt(0x37);
  /** {@code DW_AT_data_member_location}. */
  public static final DwAt DW_AT_data_member_location = new DwAt(0x38);
  /** {@code DW_AT_decl_column}. */
  public static final DwAt DW_AT_decl_column = new DwAt(0x39);
  /** {@code DW_AT_decl_file}. */
  public static final DwAt DW_AT_decl_file = new DwAt(0x3a);
  /** {@code DW_AT_decl_line}. */
  public static final DwAt DW_AT_decl_line = new DwAt(0x3b);
  /** {@code DW_AT_declaration}. */
  public static final DwAt DW_AT_declaration = new DwAt(0x3c);
  /** {@code DW_AT_discr_list}. */
  public static final DwAt DW_AT_discr_list = new DwAt(0x3d);
  /** {@code DW_AT_encoding}. */
  public static final DwAt DW_AT_encoding = new DwAt(0x3e);
  /** {@code DW_AT_external}. */
  public static final DwAt DW_AT_external = new DwAt(0x3f);
  /** {@code DW_AT_frame_base}. */
  public static final DwAt DW_AT_frame_base = new DwAt(0x40);
  /** {@code DW_AT_friend}. */
  public static final DwAt DW_AT_friend = new DwAt(0x41);
  /** {@code DW_AT_identifier_case}. */
  public static final DwAt DW_AT_identifier_case = new DwAt(0x42);
  /** {@code DW_AT_macro_info}. */
  public static final DwAt DW_AT_macro_info = new DwAt(0x43);
  /** {@code DW_AT_namelist_item}. */
  public static final DwAt DW_AT_namelist_item = new DwAt(0x44);
  /** {@code DW_AT_priority}. */
  public static final DwAt DW_AT_priority = new DwAt(0x45);
  /** {@code DW_AT_segment}. */
  public static final DwAt DW_AT_segment = new DwAt(0x46);
  /** {@code DW_AT_specification}. */
  public static final DwAt DW_AT_specification = new DwAt(0x47);
  /** {@code DW_AT_static_link}. */
  public static final DwAt DW_AT_static_link = new DwAt(0x48);
  /** {@code DW_AT_type}. */
  public static final DwAt DW_AT_type = new DwAt(0x49);
  /** {@code DW_AT_use_location}. */
  public static final DwAt DW_AT_use_location = new DwAt(0x4a);
  /** {@code DW_AT_variable_parameter}. */
  public static final DwAt DW_AT_variable_parameter = new DwAt(0x4b);
  /** {@code DW_AT_virtuality}. */
  public static final DwAt DW_AT_virtuality = new DwAt(0x4c);
  /** {@code DW_AT_vtable_elem_location}. */
  public static final DwAt DW_AT_vtable_elem_location = new DwAt(0x4d);
  /** {@code DW_AT_allocated}. */
  public static final DwAt DW_AT_allocated = new DwAt(0x4e);
  /** {@code DW_AT_associated}. */
  public static final DwAt DW_AT_associated = new DwAt(0x4f);
  /** {@code DW_AT_data_location}. */
  public static final DwAt DW_AT_data_location = new DwAt(0x50);
  /** {@code DW_AT_byte_stride}. */
  public static final DwAt DW_AT_byte_stride = new DwAt(0x51);
  /** {@code DW_AT_entry_pc}. */
  public static final DwAt DW_AT_entry_pc = new DwAt(0x52);
  /** {@code DW_AT_use_UTF8}. */
  public static final DwAt DW_AT_use_UTF8 = new DwAt(0x53);
  /** {@code DW_AT_extension}. */
  public static final DwAt DW_AT_extension = new DwAt(0x54);
  /** {@code DW_AT_ranges}. */
  public static final DwAt DW_AT_ranges = new DwAt(0x55);
  /** {@code DW_AT_trampoline}. */
  public static final DwAt DW_AT_trampoline = new DwAt(0x56);
  /** {@code DW_AT_call_column}. */
  public static final DwAt DW_AT_call_column = new DwAt(0x57);
  /** {@code DW_AT_call_file}. */
  public static final DwAt DW_AT_call_file = new DwAt(0x58);
  /** {@code DW_AT_call_line}. */
  public static final DwAt DW_AT_call_line = new DwAt(0x59);
  /** {@code DW_AT_description}. */
  public static final DwAt DW_AT_description = new DwAt(0x5a);
  /** {@code DW_AT_binary_scale}. */
  public static final DwAt DW_AT_binary_scale = new DwAt(0x5b);
  /** {@code DW_AT_decimal_scale}. */
  public static final DwAt DW_AT_decimal_scale = new DwAt(0x5c);
  /** {@code DW_AT_small}. */
  public static final DwAt DW_AT_small = new DwAt(0x5d);
  /** {@code DW_AT_decimal_sign}. */
  public static final DwAt DW_AT_decimal_sign = new DwAt(0x5e);
  /** {@code DW_AT_digit_count}. */
  public static final DwAt DW_AT_digit_count = new DwAt(0x5f);
  /** {@code DW_AT_picture_string}. */
  public static final DwAt DW_AT_picture_string = new DwAt(0x60);
  /** {@code DW_AT_mutable}. */
  public static final DwAt DW_AT_mutable = new DwAt(0x61);
  /** {@code DW_AT_threads_scaled}. */
  public static final DwAt DW_AT_threads_scaled = new DwAt(0x62);
  /** {@code DW_AT_explicit}. */
  public static final DwAt DW_AT_explicit = new DwAt(0x63);
  /** {@code DW_AT_object_pointer}. */
  public static final DwAt DW_AT_object_pointer = new DwAt(0x64);
  /** {@code DW_AT_endianity}. */
  public static final DwAt DW_AT_endianity = new DwAt(0x65);
  /** {@code DW_AT_elemental}. */
  public static final DwAt DW_AT_elemental = new DwAt(0x66);
  /** {@code DW_AT_pure}. */
  public static final DwAt DW_AT_pure = new DwAt(0x67);
  /** {@code DW_AT_recursive}. */
  public static final DwAt DW_AT_recursive = new DwAt(0x68);
  /** {@code DW_AT_signature}. */
  public static final DwAt DW_AT_signature = new DwAt(0x69);
  /** {@code DW_AT_main_subprogram}. */
  public static final DwAt DW_AT_main_subprogram = new DwAt(0x6a);
  /** {@code DW_AT_data_bit_offset}. */
  public static final DwAt DW_AT_data_bit_offset = new DwAt(0x6b);
  /** {@code DW_AT_const_expr}. */
  public static final DwAt DW_AT_const_expr = new DwAt(0x6c);
  /** {@code DW_AT_enum_class}. */
  public static final DwAt DW_AT_enum_class = new DwAt(0x6d);
  /** {@code DW_AT_linkage_name}. */
  public static final DwAt DW_AT_linkage_name = new DwAt(0x6e);
  /** {@code DW_AT_string_length_bit_size}. */
  public static final DwAt DW_AT_string_length_bit_size = new DwAt(0x6f);
  /** {@code DW_AT_string_length_byte_size}. */
  public static final DwAt DW_AT_string_length_byte_size = new DwAt(0x70);
  /** {@code DW_AT_rank}. */
  public static final DwAt DW_AT_rank = new DwAt(0x71);
  /** {@code DW_AT_str_offsets_base}. */
  public static final DwAt DW_AT_str_offsets_base = new DwAt(0x72);
  /** {@code DW_AT_addr_base}. */
  public static final DwAt DW_AT_addr_base = new DwAt(0x73);
  /** {@code DW_AT_rnglists_base}. */
  public static final DwAt DW_AT_rnglists_base = new DwAt(0x74);
  /** {@code DW_AT_dwo_name}. */
  public static final DwAt DW_AT_dwo_name = new DwAt(0x76);
  /** {@code DW_AT_reference}. */
  public static final DwAt DW_AT_reference = new DwAt(0x77);
  /** {@code DW_AT_rvalue_reference}. */
  public static final DwAt DW_AT_rvalue_reference = new DwAt(0x78);
  /** {@code DW_AT_macros}. */
  public static final DwAt DW_AT_macros = new DwAt(0x79);
  /** {@code DW_AT_call_all_calls}. */
  public static final DwAt DW_AT_call_all_calls = new DwAt(0x7a);
  /** {@code DW_AT_call_all_source_calls}. */
  public static final DwAt DW_AT_call_all_source_calls = new DwAt(0x7b);
  /** {@code DW_AT_call_all_tail_calls}. */
  public static final DwAt DW_AT_call_all_tail_calls = new DwAt(0x7c);
  /** {@code DW_AT_call_return_pc}. */
  public static final DwAt DW_AT_call_return_pc = new DwAt(0x7d);
  /** {@code DW_AT_call_value}. */
  public static final DwAt DW_AT_call_value = new DwAt(0x7e);
  /** {@code DW_AT_call_origin}. */
  public static final DwAt DW_AT_call_origin = new DwAt(0x7f);
  /** {@code DW_AT_call_parameter}. */
  public static final DwAt DW_AT_call_parameter = new DwAt(0x80);
  /** {@code DW_AT_call_pc}. */
  public static final DwAt DW_AT_call_pc = new DwAt(0x81);
  /** {@code DW_AT_call_tail_call}. */
  public static final DwAt DW_AT_call_tail_call = new DwAt(0x82);
  /** {@code DW_AT_call_target}. */
  public static final DwAt DW_AT_call_target = new DwAt(0x83);
  /** {@code DW_AT_call_target_clobbered}. */
  public static final DwAt DW_AT_call_target_clobbered = new DwAt(0x84);
  /** {@code DW_AT_call_data_location}. */
  public static final DwAt DW_AT_call_data_location = new DwAt(0x85);
  /** {@code DW_AT_call_data_value}. */
  public static final DwAt DW_AT_call_data_value = new DwAt(0x86);
  /** {@code DW_AT_noreturn}. */
  public static final DwAt DW_AT_noreturn = new DwAt(0x87);
  /** {@code DW_AT_alignment}. */
  public static final DwAt DW_AT_alignment = new DwAt(0x88);
  /** {@code DW_AT_export_symbols}. */
  public static final DwAt DW_AT_export_symbols = new DwAt(0x89);
  /** {@code DW_AT_deleted}. */
  public static final DwAt DW_AT_deleted = new DwAt(0x8a);
  /** {@code DW_AT_defaulted}. */
  public static final DwAt DW_AT_defaulted = new DwAt(0x8b);
  /** {@code DW_AT_loclists_base}. */
  public static final DwAt DW_AT_loclists_base = new DwAt(0x8c);
  // Vendor extensions: MIPS/GNU.
  /** {@code DW_AT_MIPS_linkage_name}. */
  public static final DwAt DW_AT_MIPS_linkage_name = new DwAt(0x2007);
  /** {@code DW_AT_GNU_dwo_name}. */
  public static final DwAt DW_AT_GNU_dwo_name = new DwAt(0x2130);
  /** {@code DW_AT_GNU_dwo_id}. */
  public static final DwAt DW_AT_GNU_dwo_id = new DwAt(0x2131);
  /** {@code DW_AT_GNU_ranges_base}. */
  public static final DwAt DW_AT_GNU_ranges_base = new DwAt(0x2132);
  /** {@code DW_AT_GNU_addr_base}. */
  public static final DwAt DW_AT_GNU_addr_base = new DwAt(0x2133);
  /** {@code DW_AT_GNU_pubnames}. */
  public static final DwAt DW_AT_GNU_pubnames = new DwAt(0x2134);
  // Go extensions (cmd/internal/dwarf/dwarf.go).
  /** Go: the {@code reflect.Kind} of a type (constant). */
  public static final DwAt DW_AT_go_kind = new DwAt(0x2900);
  /** Go: the key type of a map type (reference). */
  public static final DwAt DW_AT_go_key = new DwAt(0x2901);
  /** Go: the element type of a map, chan or slice type (reference). */
  public static final DwAt DW_AT_go_elem = new DwAt(0x2902);
  /** Go: whether a struct member is an embedded field (flag). */
  public static final DwAt DW_AT_go_embedded_field = new DwAt(0x2903);
  /** Go: the address of a type's runtime type descriptor (address). */
  public static final DwAt DW_AT_go_runtime_type = new DwAt(0x2904);
  /** Go: the package name of a compile unit (string). */
  public static final DwAt DW_AT_go_package_name = new DwAt(0x2905);
  /** Go: the dictionary index of a type parameter's typedef (constant). */
  public static final DwAt DW_AT_go_dict_index = new DwAt(0x2906);
  /** Go: the offset of a captured variable in its closure context (constant). */
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
