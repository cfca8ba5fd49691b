package org.dlv4j.dwarf.constants;

/**
 * A DWARF debugging-information-entry tag (DWARF v5 §7.5.3, table 7.3).
 * An open value type: codes not named here (vendor extensions, newer DWARF) are
 * representable and print as {@code DwTag(0x4109)}. Constant names follow the spec.
 *
 * @param code the code as encoded in the debug sections
 */
public record DwTag(int code) {
  /** {@code DW_TAG_array_type}. */
  public static final DwTag DW_TAG_array_type = new DwTag(0x01);
  /** {@code DW_TAG_class_type}. */
  public static final DwTag DW_TAG_class_type = new DwTag(0x02);
  /** {@code DW_TAG_entry_point}. */
  public static final DwTag DW_TAG_entry_point = new DwTag(0x03);
  /** {@code DW_TAG_enumeration_type}. */
  public static final DwTag DW_TAG_enumeration_type = new DwTag(0x04);
  /** {@code DW_TAG_formal_parameter}. */
  public static final DwTag DW_TAG_formal_parameter = new DwTag(0x05);
  /** {@code DW_TAG_imported_declaration}. */
  public static final DwTag DW_TAG_imported_declaration = new DwTag(0x08);
  /** {@code DW_TAG_label}. */
  public static final DwTag DW_TAG_label = new DwTag(0x0a);
  /** {@code DW_TAG_lexical_block}. */
  public static final DwTag DW_TAG_lexical_block = new DwTag(0x0b);
  /** {@code DW_TAG_member}. */
  public static final DwTag DW_TAG_member = new DwTag(0x0d);
  /** {@code DW_TAG_pointer_type}. */
  public static final DwTag DW_TAG_pointer_type = new DwTag(0x0f);
  /** {@code DW_TAG_reference_type}. */
  public static final DwTag DW_TAG_reference_type = new DwTag(0x10);
  /** {@code DW_TAG_compile_unit}. */
  public static final DwTag DW_TAG_compile_unit = new DwTag(0x11);
  /** {@code DW_TAG_string_type}. */
  public static final DwTag DW_TAG_string_type = new DwTag(0x12);
  /** {@code DW_TAG_structure_type}. */
  public static final DwTag DW_TAG_structure_type = new DwTag(0x13);
  /** {@code DW_TAG_subroutine_type}. */
  public static final DwTag DW_TAG_subroutine_type = new DwTag(0x15);
  /** {@code DW_TAG_typedef}. */
  public static final DwTag DW_TAG_typedef = new DwTag(0x16);
  /** {@code DW_TAG_union_type}. */
  public static final DwTag DW_TAG_union_type = new DwTag(0x17);
  /** {@code DW_TAG_unspecified_parameters}. */
  public static final DwTag DW_TAG_unspecified_parameters = new DwTag(0x18);
  /** {@code DW_TAG_variant}. */
  public static final DwTag DW_TAG_variant = new DwTag(0x19);
  /** {@code DW_TAG_common_block}. */
  public static final DwTag DW_TAG_common_block = new DwTag(0x1a);
  /** {@code DW_TAG_common_inclusion}. */
  public static final DwTag DW_TAG_common_inclusion = new DwTag(0x1b);
  /** {@code DW_TAG_inheritance}. */
  public static final DwTag DW_TAG_inheritance = new DwTag(0x1c);
  /** {@code DW_TAG_inlined_subroutine}. */
  public static final DwTag DW_TAG_inlined_subroutine = new DwTag(0x1d);
  /** {@code DW_TAG_module}. */
  public static final DwTag DW_TAG_module = new DwTag(0x1e);
  /** {@code DW_TAG_ptr_to_member_type}. */
  public static final DwTag DW_TAG_ptr_to_member_type = new DwTag(0x1f);
  /** {@code DW_TAG_set_type}. */
  public static final DwTag DW_TAG_set_type = new DwTag(0x20);
  /** {@code DW_TAG_subrange_type}. */
  public static final DwTag DW_TAG_subrange_type = new DwTag(0x21);
  /** {@code DW_TAG_with_stmt}. */
  public static final DwTag DW_TAG_with_stmt = new DwTag(0x22);
  /** {@code DW_TAG_access_declaration}. */
  public static final DwTag DW_TAG_access_declaration = new DwTag(0x23);
  /** {@code DW_TAG_base_type}. */
  public static final DwTag DW_TAG_base_type = new DwTag(0x24);
  /** {@code DW_TAG_catch_block}. */
  public static final DwTag DW_TAG_catch_block = new DwTag(0x25);
  /** {@code DW_TAG_const_type}. */
  public static final DwTag DW_TAG_const_type = new DwTag(0x26);
  /** {@code DW_TAG_constant}. */
  public static final DwTag DW_TAG_constant = new DwTag(0x27);
  /** {@code DW_TAG_enumerator}. */
  public static final DwTag DW_TAG_enumerator = new DwTag(0x28);
  /** {@code DW_TAG_file_type}. */
  public static final DwTag DW_TAG_file_type = new DwTag(0x29);
  /** {@code DW_TAG_friend}. */
  public static final DwTag DW_TAG_friend = new DwTag(0x2a);
  /** {@code DW_TAG_namelist}. */
  public static final DwTag DW_TAG_namelist = new DwTag(0x2b);
  /** {@code DW_TAG_namelist_item}. */
  public static final DwTag DW_TAG_namelist_item = new DwTag(0x2c);
  /** {@code DW_TAG_packed_type}. */
  public static final DwTag DW_TAG_packed_type = new DwTag(0x2d);
  /** {@code DW_TAG_subprogram}. */
  public static final DwTag DW_TAG_subprogram = new DwTag(0x2e);
  /** {@code DW_TAG_template_type_parameter}. */
  public static final DwTag DW_TAG_template_type_parameter = new DwTag(0x2f);
  /** {@code DW_TAG_template_value_parameter}. */
  public static final DwTag DW_TAG_template_value_parameter = new DwTag(0x30);
  /** {@code DW_TAG_thrown_type}. */
  public static final DwTag DW_TAG_thrown_type = new DwTag(0x31);
  /** {@code DW_TAG_try_block}. */
  public static final DwTag DW_TAG_try_block = new DwTag(0x32);
  /** {@code DW_TAG_variant_part}. */
  public static final DwTag DW_TAG_variant_part = new DwTag(0x33);
  /** {@code DW_TAG_variable}. */
  public static final DwTag DW_TAG_variable = new DwTag(0x34);
  /** {@code DW_TAG_volatile_type}. */
  public static final DwTag DW_TAG_volatile_type = new DwTag(0x35);
  /** {@code DW_TAG_dwarf_procedure}. */
  public static final DwTag DW_TAG_dwarf_procedure = new DwTag(0x36);
  /** {@code DW_TAG_restrict_type}. */
  public static final DwTag DW_TAG_restrict_type = new DwTag(0x37);
  /** {@code DW_TAG_interface_type}. */
  public static final DwTag DW_TAG_interface_type = new DwTag(0x38);
  /** {@code DW_TAG_namespace}. */
  public static final DwTag DW_TAG_namespace = new DwTag(0x39);
  /** {@code DW_TAG_imported_module}. */
  public static final DwTag DW_TAG_imported_module = new DwTag(0x3a);
  /** {@code DW_TAG_unspecified_type}. */
  public static final DwTag DW_TAG_unspecified_type = new DwTag(0x3b);
  /** {@code DW_TAG_partial_unit}. */
  public static final DwTag DW_TAG_partial_unit = new DwTag(0x3c);
  /** {@code DW_TAG_imported_unit}. */
  public static final DwTag DW_TAG_imported_unit = new DwTag(0x3d);
  /** {@code DW_TAG_condition}. */
  public static final DwTag DW_TAG_condition = new DwTag(0x3f);
  /** {@code DW_TAG_shared_type}. */
  public static final DwTag DW_TAG_shared_type = new DwTag(0x40);
  /** {@code DW_TAG_type_unit}. */
  public static final DwTag DW_TAG_type_unit = new DwTag(0x41);
  /** {@code DW_TAG_rvalue_reference_type}. */
  public static final DwTag DW_TAG_rvalue_reference_type = new DwTag(0x42);
  /** {@code DW_TAG_template_alias}. */
  public static final DwTag DW_TAG_template_alias = new DwTag(0x43);
  /** {@code DW_TAG_coarray_type}. */
  public static final DwTag DW_TAG_coarray_type = new DwTag(0x44);
  /** {@code DW_TAG_generic_subrange}. */
  public static final DwTag DW_TAG_generic_subrange = new DwTag(0x45);
  /** {@code DW_TAG_dynamic_type}. */
  public static final DwTag DW_TAG_dynamic_type = new DwTag(0x46);
  /** {@code DW_TAG_atomic_type}. */
  public static final DwTag DW_TAG_atomic_type = new DwTag(0x47);
  /** {@code DW_TAG_call_site}. */
  public static final DwTag DW_TAG_call_site = new DwTag(0x48);
  /** {@code DW_TAG_call_site_parameter}. */
  public static final DwTag DW_TAG_call_site_parameter = new DwTag(0x49);
  /** {@code DW_TAG_skeleton_unit}. */
  public static final DwTag DW_TAG_skeleton_unit = new DwTag(0x4a);
  /** {@code DW_TAG_immutable_type}. */
  public static final DwTag DW_TAG_immutable_type = new DwTag(0x4b);

  /**
   * Returns the spec name, e.g. {@code DW_TAG_array_type}, or {@code DwTag(0x4109)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwTag.class, DwTag::code);
  }
}
