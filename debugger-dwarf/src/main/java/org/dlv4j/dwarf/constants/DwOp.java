package org.dlv4j.dwarf.constants;

/**
 * A DWARF expression operation code (DWARF 5 §2.5, §2.6, §7.7.1), open to vendor codes.
 * Constants are spelled as in the specification; codes without a constant still have a value
 * and print as {@code DwOp(0x..)}.
 *
 * @param code the opcode byte
 */
public record DwOp(int code) {
  /** {@code DW_OP_addr} (0x03). */
  public static final DwOp DW_OP_addr = new DwOp(0x03);
  /** {@code DW_OP_deref} (0x06). */
  public static final DwOp DW_OP_deref = new DwOp(0x06);
  /** {@code DW_OP_const1u} (0x08). */
  public static final DwOp DW_OP_const1u = new DwOp(0x08);
  /** {@code DW_OP_const1s} (0x09). */
  public static final DwOp DW_OP_const1s = new DwOp(0x09);
  /** {@code DW_OP_const2u} (0x0a). */
  public static final DwOp DW_OP_const2u = new DwOp(0x0a);
  /** {@code DW_OP_const2s} (0x0b). */
  public static final DwOp DW_OP_const2s = new DwOp(0x0b);
  /** {@code DW_OP_const4u} (0x0c). */
  public static final DwOp DW_OP_const4u = new DwOp(0x0c);
  /** {@code DW_OP_const4s} (0x0d). */
  public static final DwOp DW_OP_const4s = new DwOp(0x0d);
  /** {@code DW_OP_const8u} (0x0e). */
  public static final DwOp DW_OP_const8u = new DwOp(0x0e);
  /** {@code DW_OP_const8s} (0x0f). */
  public static final DwOp DW_OP_const8s = new DwOp(0x0f);
  /** {@code DW_OP_constu} (0x10). */
  public static final DwOp DW_OP_constu = new DwOp(0x10);
  /** {@code DW_OP_consts} (0x11). */
  public static final DwOp DW_OP_consts = new DwOp(0x11);
  /** {@code DW_OP_dup} (0x12). */
  public static final DwOp DW_OP_dup = new DwOp(0x12);
  /** {@code DW_OP_drop} (0x13). */
  public static final DwOp DW_OP_drop = new DwOp(0x13);
  /** {@code DW_OP_over} (0x14). */
  public static final DwOp DW_OP_over = new DwOp(0x14);
  /** {@code DW_OP_pick} (0x15). */
  public static final DwOp DW_OP_pick = new DwOp(0x15);
  /** {@code DW_OP_swap} (0x16). */
  public static final DwOp DW_OP_swap = new DwOp(0x16);
  /** {@code DW_OP_rot} (0x17). */
  public static final DwOp DW_OP_rot = new DwOp(0x17);
  /** {@code DW_OP_xderef} (0x18). */
  public static final DwOp DW_OP_xderef = new DwOp(0x18);
  /** {@code DW_OP_abs} (0x19). */
  public static final DwOp DW_OP_abs = new DwOp(0x19);
  /** {@code DW_OP_and} (0x1a). */
  public static final DwOp DW_OP_and = new DwOp(0x1a);
  /** {@code DW_OP_div} (0x1b). */
  public static final DwOp DW_OP_div = new DwOp(0x1b);
  /** {@code DW_OP_minus} (0x1c). */
  public static final DwOp DW_OP_minus = new DwOp(0x1c);
  /** {@code DW_OP_mod} (0x1d). */
  public static final DwOp DW_OP_mod = new DwOp(0x1d);
  /** {@code DW_OP_mul} (0x1e). */
  public static final DwOp DW_OP_mul = new DwOp(0x1e);
  /** {@code DW_OP_neg} (0x1f). */
  public static final DwOp DW_OP_neg = new DwOp(0x1f);
  /** {@code DW_OP_not} (0x20). */
  public static final DwOp DW_OP_not = new DwOp(0x20);
  /** {@code DW_OP_or} (0x21). */
  public static final DwOp DW_OP_or = new DwOp(0x21);
  /** {@code DW_OP_plus} (0x22). */
  public static final DwOp DW_OP_plus = new DwOp(0x22);
  /** {@code DW_OP_plus_uconst} (0x23). */
  public static final DwOp DW_OP_plus_uconst = new DwOp(0x23);
  /** {@code DW_OP_shl} (0x24). */
  public static final DwOp DW_OP_shl = new DwOp(0x24);
  /** {@code DW_OP_shr} (0x25). */
  public static final DwOp DW_OP_shr = new DwOp(0x25);
  /** {@code DW_OP_shra} (0x26). */
  public static final DwOp DW_OP_shra = new DwOp(0x26);
  /** {@code DW_OP_xor} (0x27). */
  public static final DwOp DW_OP_xor = new DwOp(0x27);
  /** {@code DW_OP_bra} (0x28). */
  public static final DwOp DW_OP_bra = new DwOp(0x28);
  /** {@code DW_OP_eq} (0x29). */
  public static final DwOp DW_OP_eq = new DwOp(0x29);
  /** {@code DW_OP_ge} (0x2a). */
  public static final DwOp DW_OP_ge = new DwOp(0x2a);
  /** {@code DW_OP_gt} (0x2b). */
  public static final DwOp DW_OP_gt = new DwOp(0x2b);
  /** {@code DW_OP_le} (0x2c). */
  public static final DwOp DW_OP_le = new DwOp(0x2c);
  /** {@code DW_OP_lt} (0x2d). */
  public static final DwOp DW_OP_lt = new DwOp(0x2d);
  /** {@code DW_OP_ne} (0x2e). */
  public static final DwOp DW_OP_ne = new DwOp(0x2e);
  /** {@code DW_OP_skip} (0x2f). */
  public static final DwOp DW_OP_skip = new DwOp(0x2f);
  /** {@code DW_OP_lit0} (0x30). */
  public static final DwOp DW_OP_lit0 = new DwOp(0x30);
  /** {@code DW_OP_lit1} (0x31). */
  public static final DwOp DW_OP_lit1 = new DwOp(0x31);
  /** {@code DW_OP_lit2} (0x32). */
  public static final DwOp DW_OP_lit2 = new DwOp(0x32);
  /** {@code DW_OP_lit3} (0x33). */
  public static final DwOp DW_OP_lit3 = new DwOp(0x33);
  /** {@code DW_OP_lit4} (0x34). */
  public static final DwOp DW_OP_lit4 = new DwOp(0x34);
  /** {@code DW_OP_lit5} (0x35). */
  public static final DwOp DW_OP_lit5 = new DwOp(0x35);
  /** {@code DW_OP_lit6} (0x36). */
  public static final DwOp DW_OP_lit6 = new DwOp(0x36);
  /** {@code DW_OP_lit7} (0x37). */
  public static final DwOp DW_OP_lit7 = new DwOp(0x37);
  /** {@code DW_OP_lit8} (0x38). */
  public static final DwOp DW_OP_lit8 = new DwOp(0x38);
  /** {@code DW_OP_lit9} (0x39). */
  public static final DwOp DW_OP_lit9 = new DwOp(0x39);
  /** {@code DW_OP_lit10} (0x3a). */
  public static final DwOp DW_OP_lit10 = new DwOp(0x3a);
  /** {@code DW_OP_lit11} (0x3b). */
  public static final DwOp DW_OP_lit11 = new DwOp(0x3b);
  /** {@code DW_OP_lit12} (0x3c). */
  public static final DwOp DW_OP_lit12 = new DwOp(0x3c);
  /** {@code DW_OP_lit13} (0x3d). */
  public static final DwOp DW_OP_lit13 = new DwOp(0x3d);
  /** {@code DW_OP_lit14} (0x3e). */
  public static final DwOp DW_OP_lit14 = new DwOp(0x3e);
  /** {@code DW_OP_lit15} (0x3f). */
  public static final DwOp DW_OP_lit15 = new DwOp(0x3f);
  /** {@code DW_OP_lit16} (0x40). */
  public static final DwOp DW_OP_lit16 = new DwOp(0x40);
  /** {@code DW_OP_lit17} (0x41). */
  public static final DwOp DW_OP_lit17 = new DwOp(0x41);
  /** {@code DW_OP_lit18} (0x42). */
  public static final DwOp DW_OP_lit18 = new DwOp(0x42);
  /** {@code DW_OP_lit19} (0x43). */
  public static final DwOp DW_OP_lit19 = new DwOp(0x43);
  /** {@code DW_OP_lit20} (0x44). */
  public static final DwOp DW_OP_lit20 = new DwOp(0x44);
  /** {@code DW_OP_lit21} (0x45). */
  public static final DwOp DW_OP_lit21 = new DwOp(0x45);
  /** {@code DW_OP_lit22} (0x46). */
  public static final DwOp DW_OP_lit22 = new DwOp(0x46);
  /** {@code DW_OP_lit23} (0x47). */
  public static final DwOp DW_OP_lit23 = new DwOp(0x47);
  /** {@code DW_OP_lit24} (0x48). */
  public static final DwOp DW_OP_lit24 = new DwOp(0x48);
  /** {@code DW_OP_lit25} (0x49). */
  public static final DwOp DW_OP_lit25 = new DwOp(0x49);
  /** {@code DW_OP_lit26} (0x4a). */
  public static final DwOp DW_OP_lit26 = new DwOp(0x4a);
  /** {@code DW_OP_lit27} (0x4b). */
  public static final DwOp DW_OP_lit27 = new DwOp(0x4b);
  /** {@code DW_OP_lit28} (0x4c). */
  public static final DwOp DW_OP_lit28 = new DwOp(0x4c);
  /** {@code DW_OP_lit29} (0x4d). */
  public static final DwOp DW_OP_lit29 = new DwOp(0x4d);
  /** {@code DW_OP_lit30} (0x4e). */
  public static final DwOp DW_OP_lit30 = new DwOp(0x4e);
  /** {@code DW_OP_lit31} (0x4f). */
  public static final DwOp DW_OP_lit31 = new DwOp(0x4f);
  /** {@code DW_OP_reg0} (0x50). */
  public static final DwOp DW_OP_reg0 = new DwOp(0x50);
  /** {@code DW_OP_reg1} (0x51). */
  public static final DwOp DW_OP_reg1 = new DwOp(0x51);
  /** {@code DW_OP_reg2} (0x52). */
  public static final DwOp DW_OP_reg2 = new DwOp(0x52);
  /** {@code DW_OP_reg3} (0x53). */
  public static final DwOp DW_OP_reg3 = new DwOp(0x53);
  /** {@code DW_OP_reg4} (0x54). */
  public static final DwOp DW_OP_reg4 = new DwOp(0x54);
  /** {@code DW_OP_reg5} (0x55). */
  public static final DwOp DW_OP_reg5 = new DwOp(0x55);
  /** {@code DW_OP_reg6} (0x56). */
  public static final DwOp DW_OP_reg6 = new DwOp(0x56);
  /** {@code DW_OP_reg7} (0x57). */
  public static final DwOp DW_OP_reg7 = new DwOp(0x57);
  /** {@code DW_OP_reg8} (0x58). */
  public static final DwOp DW_OP_reg8 = new DwOp(0x58);
  /** {@code DW_OP_reg9} (0x59). */
  public static final DwOp DW_OP_reg9 = new DwOp(0x59);
  /** {@code DW_OP_reg10} (0x5a). */
  public static final DwOp DW_OP_reg10 = new DwOp(0x5a);
  /** {@code DW_OP_reg11} (0x5b). */
  public static final DwOp DW_OP_reg11 = new DwOp(0x5b);
  /** {@code DW_OP_reg12} (0x5c). */
  public static final DwOp DW_OP_reg12 = new DwOp(0x5c);
  /** {@code DW_OP_reg13} (0x5d). */
  public static final DwOp DW_OP_reg13 = new DwOp(0x5d);
  /** {@code DW_OP_reg14} (0x5e). */
  public static final DwOp DW_OP_reg14 = new DwOp(0x5e);
  /** {@code DW_OP_reg15} (0x5f). */
  public static final DwOp DW_OP_reg15 = new DwOp(0x5f);
  /** {@code DW_OP_reg16} (0x60). */
  public static final DwOp DW_OP_reg16 = new DwOp(0x60);
  /** {@code DW_OP_reg17} (0x61). */
  public static final DwOp DW_OP_reg17 = new DwOp(0x61);
  /** {@code DW_OP_reg18} (0x62). */
  public static final DwOp DW_OP_reg18 = new DwOp(0x62);
  /** {@code DW_OP_reg19} (0x63). */
  public static final DwOp DW_OP_reg19 = new DwOp(0x63);
  /** {@code DW_OP_reg20} (0x64). */
  public static final DwOp DW_OP_reg20 = new DwOp(0x64);
  /** {@code DW_OP_reg21} (0x65). */
  public static final DwOp DW_OP_reg21 = new DwOp(0x65);
  /** {@code DW_OP_reg22} (0x66). */
  public static final DwOp DW_OP_reg22 = new DwOp(0x66);
  /** {@code DW_OP_reg23} (0x67). */
  public static final DwOp DW_OP_reg23 = new DwOp(0x67);
  /** {@code DW_OP_reg24} (0x68). */
  public static final DwOp DW_OP_reg24 = new DwOp(0x68);
  /** {@code DW_OP_reg25} (0x69). */
  public static final DwOp DW_OP_reg25 = new DwOp(0x69);
  /** {@code DW_OP_reg26} (0x6a). */
  public static final DwOp DW_OP_reg26 = new DwOp(0x6a);
  /** {@code DW_OP_reg27} (0x6b). */
  public static final DwOp DW_OP_reg27 = new DwOp(0x6b);
  /** {@code DW_OP_reg28} (0x6c). */
  public static final DwOp DW_OP_reg28 = new DwOp(0x6c);
  /** {@code DW_OP_reg29} (0x6d). */
  public static final DwOp DW_OP_reg29 = new DwOp(0x6d);
  /** {@code DW_OP_reg30} (0x6e). */
  public static final DwOp DW_OP_reg30 = new DwOp(0x6e);
  /** {@code DW_OP_reg31} (0x6f). */
  public static final DwOp DW_OP_reg31 = new DwOp(0x6f);
  /** {@code DW_OP_breg0} (0x70). */
  public static final DwOp DW_OP_breg0 = new DwOp(0x70);
  /** {@code DW_OP_breg1} (0x71). */
  public static final DwOp DW_OP_breg1 = new DwOp(0x71);
  /** {@code DW_OP_breg2} (0x72). */
  public static final DwOp DW_OP_breg2 = new DwOp(0x72);
  /** {@code DW_OP_breg3} (0x73). */
  public static final DwOp DW_OP_breg3 = new DwOp(0x73);
  /** {@code DW_OP_breg4} (0x74). */
  public static final DwOp DW_OP_breg4 = new DwOp(0x74);
  /** {@code DW_OP_breg5} (0x75). */
  public static final DwOp DW_OP_breg5 = new DwOp(0x75);
  /** {@code DW_OP_breg6} (0x76). */
  public static final DwOp DW_OP_breg6 = new DwOp(0x76);
  /** {@code DW_OP_breg7} (0x77). */
  public static final DwOp DW_OP_breg7 = new DwOp(0x77);
  /** {@code DW_OP_breg8} (0x78). */
  public static final DwOp DW_OP_breg8 = new DwOp(0x78);
  /** {@code DW_OP_breg9} (0x79). */
  public static final DwOp DW_OP_breg9 = new DwOp(0x79);
  /** {@code DW_OP_breg10} (0x7a). */
  public static final DwOp DW_OP_breg10 = new DwOp(0x7a);
  /** {@code DW_OP_breg11} (0x7b). */
  public static final DwOp DW_OP_breg11 = new DwOp(0x7b);
  /** {@code DW_OP_breg12} (0x7c). */
  public static final DwOp DW_OP_breg12 = new DwOp(0x7c);
  /** {@code DW_OP_breg13} (0x7d). */
  public static final DwOp DW_OP_breg13 = new DwOp(0x7d);
  /** {@code DW_OP_breg14} (0x7e). */
  public static final DwOp DW_OP_breg14 = new DwOp(0x7e);
  /** {@code DW_OP_breg15} (0x7f). */
  public static final DwOp DW_OP_breg15 = new DwOp(0x7f);
  /** {@code DW_OP_breg16} (0x80). */
  public static final DwOp DW_OP_breg16 = new DwOp(0x80);
  /** {@code DW_OP_breg17} (0x81). */
  public static final DwOp DW_OP_breg17 = new DwOp(0x81);
  /** {@code DW_OP_breg18} (0x82). */
  public static final DwOp DW_OP_breg18 = new DwOp(0x82);
  /** {@code DW_OP_breg19} (0x83). */
  public static final DwOp DW_OP_breg19 = new DwOp(0x83);
  /** {@code DW_OP_breg20} (0x84). */
  public static final DwOp DW_OP_breg20 = new DwOp(0x84);
  /** {@code DW_OP_breg21} (0x85). */
  public static final DwOp DW_OP_breg21 = new DwOp(0x85);
  /** {@code DW_OP_breg22} (0x86). */
  public static final DwOp DW_OP_breg22 = new DwOp(0x86);
  /** {@code DW_OP_breg23} (0x87). */
  public static final DwOp DW_OP_breg23 = new DwOp(0x87);
  /** {@code DW_OP_breg24} (0x88). */
  public static final DwOp DW_OP_breg24 = new DwOp(0x88);
  /** {@code DW_OP_breg25} (0x89). */
  public static final DwOp DW_OP_breg25 = new DwOp(0x89);
  /** {@code DW_OP_breg26} (0x8a). */
  public static final DwOp DW_OP_breg26 = new DwOp(0x8a);
  /** {@code DW_OP_breg27} (0x8b). */
  public static final DwOp DW_OP_breg27 = new DwOp(0x8b);
  /** {@code DW_OP_breg28} (0x8c). */
  public static final DwOp DW_OP_breg28 = new DwOp(0x8c);
  /** {@code DW_OP_breg29} (0x8d). */
  public static final DwOp DW_OP_breg29 = new DwOp(0x8d);
  /** {@code DW_OP_breg30} (0x8e). */
  public static final DwOp DW_OP_breg30 = new DwOp(0x8e);
  /** {@code DW_OP_breg31} (0x8f). */
  public static final DwOp DW_OP_breg31 = new DwOp(0x8f);
  /** {@code DW_OP_regx} (0x90). */
  public static final DwOp DW_OP_regx = new DwOp(0x90);
  /** {@code DW_OP_fbreg} (0x91). */
  public static final DwOp DW_OP_fbreg = new DwOp(0x91);
  /** {@code DW_OP_bregx} (0x92). */
  public static final DwOp DW_OP_bregx = new DwOp(0x92);
  /** {@code DW_OP_piece} (0x93). */
  public static final DwOp DW_OP_piece = new DwOp(0x93);
  /** {@code DW_OP_deref_size} (0x94). */
  public static final DwOp DW_OP_deref_size = new DwOp(0x94);
  /** {@code DW_OP_xderef_size} (0x95). */
  public static final DwOp DW_OP_xderef_size = new DwOp(0x95);
  /** {@code DW_OP_nop} (0x96). */
  public static final DwOp DW_OP_nop = new DwOp(0x96);
  /** {@code DW_OP_push_object_address} (0x97). */
  public static final DwOp DW_OP_push_object_address = new DwOp(0x97);
  /** {@code DW_OP_call2} (0x98). */
  public static final DwOp DW_OP_call2 = new DwOp(0x98);
  /** {@code DW_OP_call4} (0x99). */
  public static final DwOp DW_OP_call4 = new DwOp(0x99);
  /** {@code DW_OP_call_ref} (0x9a). */
  public static final DwOp DW_OP_call_ref = new DwOp(0x9a);
  /** {@code DW_OP_form_tls_address} (0x9b). */
  public static final DwOp DW_OP_form_tls_address = new DwOp(0x9b);
  /** {@code DW_OP_call_frame_cfa} (0x9c). */
  public static final DwOp DW_OP_call_frame_cfa = new DwOp(0x9c);
  /** {@code DW_OP_bit_piece} (0x9d). */
  public static final DwOp DW_OP_bit_piece = new DwOp(0x9d);
  /** {@code DW_OP_implicit_value} (0x9e). */
  public static final DwOp DW_OP_implicit_value = new DwOp(0x9e);
  /** {@code DW_OP_stack_value} (0x9f). */
  public static final DwOp DW_OP_stack_value = new DwOp(0x9f);
  /** {@code DW_OP_implicit_pointer} (0xa0). */
  public static final DwOp DW_OP_implicit_pointer = new DwOp(0xa0);
  /** {@code DW_OP_addrx} (0xa1). */
  public static final DwOp DW_OP_addrx = new DwOp(0xa1);
  /** {@code DW_OP_constx} (0xa2). */
  public static final DwOp DW_OP_constx = new DwOp(0xa2);
  /** {@code DW_OP_entry_value} (0xa3). */
  public static final DwOp DW_OP_entry_value = new DwOp(0xa3);
  /** {@code DW_OP_const_type} (0xa4). */
  public static final DwOp DW_OP_const_type = new DwOp(0xa4);
  /** {@code DW_OP_regval_type} (0xa5). */
  public static final DwOp DW_OP_regval_type = new DwOp(0xa5);
  /** {@code DW_OP_deref_type} (0xa6). */
  public static final DwOp DW_OP_deref_type = new DwOp(0xa6);
  /** {@code DW_OP_xderef_type} (0xa7). */
  public static final DwOp DW_OP_xderef_type = new DwOp(0xa7);
  /** {@code DW_OP_convert} (0xa8). */
  public static final DwOp DW_OP_convert = new DwOp(0xa8);
  /** {@code DW_OP_reinterpret} (0xa9). */
  public static final DwOp DW_OP_reinterpret = new DwOp(0xa9);
  /** {@code DW_OP_GNU_push_tls_address} (0xe0). */
  public static final DwOp DW_OP_GNU_push_tls_address = new DwOp(0xe0);
  /** {@code DW_OP_GNU_uninit} (0xf0). */
  public static final DwOp DW_OP_GNU_uninit = new DwOp(0xf0);
  /** {@code DW_OP_GNU_encoded_addr} (0xf1). */
  public static final DwOp DW_OP_GNU_encoded_addr = new DwOp(0xf1);
  /** {@code DW_OP_GNU_implicit_pointer} (0xf2). */
  public static final DwOp DW_OP_GNU_implicit_pointer = new DwOp(0xf2);
  /** {@code DW_OP_GNU_entry_value} (0xf3). */
  public static final DwOp DW_OP_GNU_entry_value = new DwOp(0xf3);
  /** {@code DW_OP_GNU_const_type} (0xf4). */
  public static final DwOp DW_OP_GNU_const_type = new DwOp(0xf4);
  /** {@code DW_OP_GNU_regval_type} (0xf5). */
  public static final DwOp DW_OP_GNU_regval_type = new DwOp(0xf5);
  /** {@code DW_OP_GNU_deref_type} (0xf6). */
  public static final DwOp DW_OP_GNU_deref_type = new DwOp(0xf6);
  /** {@code DW_OP_GNU_convert} (0xf7). */
  public static final DwOp DW_OP_GNU_convert = new DwOp(0xf7);
  /** {@code DW_OP_GNU_reinterpret} (0xf9). */
  public static final DwOp DW_OP_GNU_reinterpret = new DwOp(0xf9);
  /** {@code DW_OP_GNU_parameter_ref} (0xfa). */
  public static final DwOp DW_OP_GNU_parameter_ref = new DwOp(0xfa);
  /** {@code DW_OP_GNU_addr_index} (0xfb). */
  public static final DwOp DW_OP_GNU_addr_index = new DwOp(0xfb);
  /** {@code DW_OP_GNU_const_index} (0xfc). */
  public static final DwOp DW_OP_GNU_const_index = new DwOp(0xfc);
  /** {@code DW_OP_GNU_variable_value} (0xfd). */
  public static final DwOp DW_OP_GNU_variable_value = new DwOp(0xfd);

  /**
   * Returns the spec name, e.g. {@code DW_OP_call_frame_cfa}, or {@code DwOp(0x..)} for a code
   * without a constant here.
   */
  @Override
  public String toString() {
    return Names.TABLE.nameOf(code);
  }

  /** The code-to-name table, in a holder so that every constant exists before it is built. */
  private static final class Names {
    static final CodeNames TABLE = CodeNames.of(DwOp.class, DwOp::code);
  }
}
