package org.dlv4j.dwarf.constants;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A DWARF expression operation code (DWARF 5 §2.5, §2.6, §7.7.1), open to vendor codes.
 * Constants are spelled as in the specification; codes without a constant still have a value
 * and print as {@code DwOp(0x..)}.
 *
 * @param code the opcode byte
 */
public record DwOp(int code) {
  private static final Map<Integer, String> NAMES = new HashMap<>();

  /** {@code DW_OP_addr} (0x03). */
  public static final DwOp DW_OP_addr = define(0x03, "DW_OP_addr");
  /** {@code DW_OP_deref} (0x06). */
  public static final DwOp DW_OP_deref = define(0x06, "DW_OP_deref");
  /** {@code DW_OP_const1u} (0x08). */
  public static final DwOp DW_OP_const1u = define(0x08, "DW_OP_const1u");
  /** {@code DW_OP_const1s} (0x09). */
  public static final DwOp DW_OP_const1s = define(0x09, "DW_OP_const1s");
  /** {@code DW_OP_const2u} (0x0a). */
  public static final DwOp DW_OP_const2u = define(0x0a, "DW_OP_const2u");
  /** {@code DW_OP_const2s} (0x0b). */
  public static final DwOp DW_OP_const2s = define(0x0b, "DW_OP_const2s");
  /** {@code DW_OP_const4u} (0x0c). */
  public static final DwOp DW_OP_const4u = define(0x0c, "DW_OP_const4u");
  /** {@code DW_OP_const4s} (0x0d). */
  public static final DwOp DW_OP_const4s = define(0x0d, "DW_OP_const4s");
  /** {@code DW_OP_const8u} (0x0e). */
  public static final DwOp DW_OP_const8u = define(0x0e, "DW_OP_const8u");
  /** {@code DW_OP_const8s} (0x0f). */
  public static final DwOp DW_OP_const8s = define(0x0f, "DW_OP_const8s");
  /** {@code DW_OP_constu} (0x10). */
  public static final DwOp DW_OP_constu = define(0x10, "DW_OP_constu");
  /** {@code DW_OP_consts} (0x11). */
  public static final DwOp DW_OP_consts = define(0x11, "DW_OP_consts");
  /** {@code DW_OP_dup} (0x12). */
  public static final DwOp DW_OP_dup = define(0x12, "DW_OP_dup");
  /** {@code DW_OP_drop} (0x13). */
  public static final DwOp DW_OP_drop = define(0x13, "DW_OP_drop");
  /** {@code DW_OP_over} (0x14). */
  public static final DwOp DW_OP_over = define(0x14, "DW_OP_over");
  /** {@code DW_OP_pick} (0x15). */
  public static final DwOp DW_OP_pick = define(0x15, "DW_OP_pick");
  /** {@code DW_OP_swap} (0x16). */
  public static final DwOp DW_OP_swap = define(0x16, "DW_OP_swap");
  /** {@code DW_OP_rot} (0x17). */
  public static final DwOp DW_OP_rot = define(0x17, "DW_OP_rot");
  /** {@code DW_OP_xderef} (0x18). */
  public static final DwOp DW_OP_xderef = define(0x18, "DW_OP_xderef");
  /** {@code DW_OP_abs} (0x19). */
  public static final DwOp DW_OP_abs = define(0x19, "DW_OP_abs");
  /** {@code DW_OP_and} (0x1a). */
  public static final DwOp DW_OP_and = define(0x1a, "DW_OP_and");
  /** {@code DW_OP_div} (0x1b). */
  public static final DwOp DW_OP_div = define(0x1b, "DW_OP_div");
  /** {@code DW_OP_minus} (0x1c). */
  public static final DwOp DW_OP_minus = define(0x1c, "DW_OP_minus");
  /** {@code DW_OP_mod} (0x1d). */
  public static final DwOp DW_OP_mod = define(0x1d, "DW_OP_mod");
  /** {@code DW_OP_mul} (0x1e). */
  public static final DwOp DW_OP_mul = define(0x1e, "DW_OP_mul");
  /** {@code DW_OP_neg} (0x1f). */
  public static final DwOp DW_OP_neg = define(0x1f, "DW_OP_neg");
  /** {@code DW_OP_not} (0x20). */
  public static final DwOp DW_OP_not = define(0x20, "DW_OP_not");
  /** {@code DW_OP_or} (0x21). */
  public static final DwOp DW_OP_or = define(0x21, "DW_OP_or");
  /** {@code DW_OP_plus} (0x22). */
  public static final DwOp DW_OP_plus = define(0x22, "DW_OP_plus");
  /** {@code DW_OP_plus_uconst} (0x23). */
  public static final DwOp DW_OP_plus_uconst = define(0x23, "DW_OP_plus_uconst");
  /** {@code DW_OP_shl} (0x24). */
  public static final DwOp DW_OP_shl = define(0x24, "DW_OP_shl");
  /** {@code DW_OP_shr} (0x25). */
  public static final DwOp DW_OP_shr = define(0x25, "DW_OP_shr");
  /** {@code DW_OP_shra} (0x26). */
  public static final DwOp DW_OP_shra = define(0x26, "DW_OP_shra");
  /** {@code DW_OP_xor} (0x27). */
  public static final DwOp DW_OP_xor = define(0x27, "DW_OP_xor");
  /** {@code DW_OP_bra} (0x28). */
  public static final DwOp DW_OP_bra = define(0x28, "DW_OP_bra");
  /** {@code DW_OP_eq} (0x29). */
  public static final DwOp DW_OP_eq = define(0x29, "DW_OP_eq");
  /** {@code DW_OP_ge} (0x2a). */
  public static final DwOp DW_OP_ge = define(0x2a, "DW_OP_ge");
  /** {@code DW_OP_gt} (0x2b). */
  public static final DwOp DW_OP_gt = define(0x2b, "DW_OP_gt");
  /** {@code DW_OP_le} (0x2c). */
  public static final DwOp DW_OP_le = define(0x2c, "DW_OP_le");
  /** {@code DW_OP_lt} (0x2d). */
  public static final DwOp DW_OP_lt = define(0x2d, "DW_OP_lt");
  /** {@code DW_OP_ne} (0x2e). */
  public static final DwOp DW_OP_ne = define(0x2e, "DW_OP_ne");
  /** {@code DW_OP_skip} (0x2f). */
  public static final DwOp DW_OP_skip = define(0x2f, "DW_OP_skip");
  /** {@code DW_OP_lit0} (0x30). */
  public static final DwOp DW_OP_lit0 = define(0x30, "DW_OP_lit0");
  /** {@code DW_OP_lit1} (0x31). */
  public static final DwOp DW_OP_lit1 = define(0x31, "DW_OP_lit1");
  /** {@code DW_OP_lit2} (0x32). */
  public static final DwOp DW_OP_lit2 = define(0x32, "DW_OP_lit2");
  /** {@code DW_OP_lit3} (0x33). */
  public static final DwOp DW_OP_lit3 = define(0x33, "DW_OP_lit3");
  /** {@code DW_OP_lit4} (0x34). */
  public static final DwOp DW_OP_lit4 = define(0x34, "DW_OP_lit4");
  /** {@code DW_OP_lit5} (0x35). */
  public static final DwOp DW_OP_lit5 = define(0x35, "DW_OP_lit5");
  /** {@code DW_OP_lit6} (0x36). */
  public static final DwOp DW_OP_lit6 = define(0x36, "DW_OP_lit6");
  /** {@code DW_OP_lit7} (0x37). */
  public static final DwOp DW_OP_lit7 = define(0x37, "DW_OP_lit7");
  /** {@code DW_OP_lit8} (0x38). */
  public static final DwOp DW_OP_lit8 = define(0x38, "DW_OP_lit8");
  /** {@code DW_OP_lit9} (0x39). */
  public static final DwOp DW_OP_lit9 = define(0x39, "DW_OP_lit9");
  /** {@code DW_OP_lit10} (0x3a). */
  public static final DwOp DW_OP_lit10 = define(0x3a, "DW_OP_lit10");
  /** {@code DW_OP_lit11} (0x3b). */
  public static final DwOp DW_OP_lit11 = define(0x3b, "DW_OP_lit11");
  /** {@code DW_OP_lit12} (0x3c). */
  public static final DwOp DW_OP_lit12 = define(0x3c, "DW_OP_lit12");
  /** {@code DW_OP_lit13} (0x3d). */
  public static final DwOp DW_OP_lit13 = define(0x3d, "DW_OP_lit13");
  /** {@code DW_OP_lit14} (0x3e). */
  public static final DwOp DW_OP_lit14 = define(0x3e, "DW_OP_lit14");
  /** {@code DW_OP_lit15} (0x3f). */
  public static final DwOp DW_OP_lit15 = define(0x3f, "DW_OP_lit15");
  /** {@code DW_OP_lit16} (0x40). */
  public static final DwOp DW_OP_lit16 = define(0x40, "DW_OP_lit16");
  /** {@code DW_OP_lit17} (0x41). */
  public static final DwOp DW_OP_lit17 = define(0x41, "DW_OP_lit17");
  /** {@code DW_OP_lit18} (0x42). */
  public static final DwOp DW_OP_lit18 = define(0x42, "DW_OP_lit18");
  /** {@code DW_OP_lit19} (0x43). */
  public static final DwOp DW_OP_lit19 = define(0x43, "DW_OP_lit19");
  /** {@code DW_OP_lit20} (0x44). */
  public static final DwOp DW_OP_lit20 = define(0x44, "DW_OP_lit20");
  /** {@code DW_OP_lit21} (0x45). */
  public static final DwOp DW_OP_lit21 = define(0x45, "DW_OP_lit21");
  /** {@code DW_OP_lit22} (0x46). */
  public static final DwOp DW_OP_lit22 = define(0x46, "DW_OP_lit22");
  /** {@code DW_OP_lit23} (0x47). */
  public static final DwOp DW_OP_lit23 = define(0x47, "DW_OP_lit23");
  /** {@code DW_OP_lit24} (0x48). */
  public static final DwOp DW_OP_lit24 = define(0x48, "DW_OP_lit24");
  /** {@code DW_OP_lit25} (0x49). */
  public static final DwOp DW_OP_lit25 = define(0x49, "DW_OP_lit25");
  /** {@code DW_OP_lit26} (0x4a). */
  public static final DwOp DW_OP_lit26 = define(0x4a, "DW_OP_lit26");
  /** {@code DW_OP_lit27} (0x4b). */
  public static final DwOp DW_OP_lit27 = define(0x4b, "DW_OP_lit27");
  /** {@code DW_OP_lit28} (0x4c). */
  public static final DwOp DW_OP_lit28 = define(0x4c, "DW_OP_lit28");
  /** {@code DW_OP_lit29} (0x4d). */
  public static final DwOp DW_OP_lit29 = define(0x4d, "DW_OP_lit29");
  /** {@code DW_OP_lit30} (0x4e). */
  public static final DwOp DW_OP_lit30 = define(0x4e, "DW_OP_lit30");
  /** {@code DW_OP_lit31} (0x4f). */
  public static final DwOp DW_OP_lit31 = define(0x4f, "DW_OP_lit31");
  /** {@code DW_OP_reg0} (0x50). */
  public static final DwOp DW_OP_reg0 = define(0x50, "DW_OP_reg0");
  /** {@code DW_OP_reg1} (0x51). */
  public static final DwOp DW_OP_reg1 = define(0x51, "DW_OP_reg1");
  /** {@code DW_OP_reg2} (0x52). */
  public static final DwOp DW_OP_reg2 = define(0x52, "DW_OP_reg2");
  /** {@code DW_OP_reg3} (0x53). */
  public static final DwOp DW_OP_reg3 = define(0x53, "DW_OP_reg3");
  /** {@code DW_OP_reg4} (0x54). */
  public static final DwOp DW_OP_reg4 = define(0x54, "DW_OP_reg4");
  /** {@code DW_OP_reg5} (0x55). */
  public static final DwOp DW_OP_reg5 = define(0x55, "DW_OP_reg5");
  /** {@code DW_OP_reg6} (0x56). */
  public static final DwOp DW_OP_reg6 = define(0x56, "DW_OP_reg6");
  /** {@code DW_OP_reg7} (0x57). */
  public static final DwOp DW_OP_reg7 = define(0x57, "DW_OP_reg7");
  /** {@code DW_OP_reg8} (0x58). */
  public static final DwOp DW_OP_reg8 = define(0x58, "DW_OP_reg8");
  /** {@code DW_OP_reg9} (0x59). */
  public static final DwOp DW_OP_reg9 = define(0x59, "DW_OP_reg9");
  /** {@code DW_OP_reg10} (0x5a). */
  public static final DwOp DW_OP_reg10 = define(0x5a, "DW_OP_reg10");
  /** {@code DW_OP_reg11} (0x5b). */
  public static final DwOp DW_OP_reg11 = define(0x5b, "DW_OP_reg11");
  /** {@code DW_OP_reg12} (0x5c). */
  public static final DwOp DW_OP_reg12 = define(0x5c, "DW_OP_reg12");
  /** {@code DW_OP_reg13} (0x5d). */
  public static final DwOp DW_OP_reg13 = define(0x5d, "DW_OP_reg13");
  /** {@code DW_OP_reg14} (0x5e). */
  public static final DwOp DW_OP_reg14 = define(0x5e, "DW_OP_reg14");
  /** {@code DW_OP_reg15} (0x5f). */
  public static final DwOp DW_OP_reg15 = define(0x5f, "DW_OP_reg15");
  /** {@code DW_OP_reg16} (0x60). */
  public static final DwOp DW_OP_reg16 = define(0x60, "DW_OP_reg16");
  /** {@code DW_OP_reg17} (0x61). */
  public static final DwOp DW_OP_reg17 = define(0x61, "DW_OP_reg17");
  /** {@code DW_OP_reg18} (0x62). */
  public static final DwOp DW_OP_reg18 = define(0x62, "DW_OP_reg18");
  /** {@code DW_OP_reg19} (0x63). */
  public static final DwOp DW_OP_reg19 = define(0x63, "DW_OP_reg19");
  /** {@code DW_OP_reg20} (0x64). */
  public static final DwOp DW_OP_reg20 = define(0x64, "DW_OP_reg20");
  /** {@code DW_OP_reg21} (0x65). */
  public static final DwOp DW_OP_reg21 = define(0x65, "DW_OP_reg21");
  /** {@code DW_OP_reg22} (0x66). */
  public static final DwOp DW_OP_reg22 = define(0x66, "DW_OP_reg22");
  /** {@code DW_OP_reg23} (0x67). */
  public static final DwOp DW_OP_reg23 = define(0x67, "DW_OP_reg23");
  /** {@code DW_OP_reg24} (0x68). */
  public static final DwOp DW_OP_reg24 = define(0x68, "DW_OP_reg24");
  /** {@code DW_OP_reg25} (0x69). */
  public static final DwOp DW_OP_reg25 = define(0x69, "DW_OP_reg25");
  /** {@code DW_OP_reg26} (0x6a). */
  public static final DwOp DW_OP_reg26 = define(0x6a, "DW_OP_reg26");
  /** {@code DW_OP_reg27} (0x6b). */
  public static final DwOp DW_OP_reg27 = define(0x6b, "DW_OP_reg27");
  /** {@code DW_OP_reg28} (0x6c). */
  public static final DwOp DW_OP_reg28 = define(0x6c, "DW_OP_reg28");
  /** {@code DW_OP_reg29} (0x6d). */
  public static final DwOp DW_OP_reg29 = define(0x6d, "DW_OP_reg29");
  /** {@code DW_OP_reg30} (0x6e). */
  public static final DwOp DW_OP_reg30 = define(0x6e, "DW_OP_reg30");
  /** {@code DW_OP_reg31} (0x6f). */
  public static final DwOp DW_OP_reg31 = define(0x6f, "DW_OP_reg31");
  /** {@code DW_OP_breg0} (0x70). */
  public static final DwOp DW_OP_breg0 = define(0x70, "DW_OP_breg0");
  /** {@code DW_OP_breg1} (0x71). */
  public static final DwOp DW_OP_breg1 = define(0x71, "DW_OP_breg1");
  /** {@code DW_OP_breg2} (0x72). */
  public static final DwOp DW_OP_breg2 = define(0x72, "DW_OP_breg2");
  /** {@code DW_OP_breg3} (0x73). */
  public static final DwOp DW_OP_breg3 = define(0x73, "DW_OP_breg3");
  /** {@code DW_OP_breg4} (0x74). */
  public static final DwOp DW_OP_breg4 = define(0x74, "DW_OP_breg4");
  /** {@code DW_OP_breg5} (0x75). */
  public static final DwOp DW_OP_breg5 = define(0x75, "DW_OP_breg5");
  /** {@code DW_OP_breg6} (0x76). */
  public static final DwOp DW_OP_breg6 = define(0x76, "DW_OP_breg6");
  /** {@code DW_OP_breg7} (0x77). */
  public static final DwOp DW_OP_breg7 = define(0x77, "DW_OP_breg7");
  /** {@code DW_OP_breg8} (0x78). */
  public static final DwOp DW_OP_breg8 = define(0x78, "DW_OP_breg8");
  /** {@code DW_OP_breg9} (0x79). */
  public static final DwOp DW_OP_breg9 = define(0x79, "DW_OP_breg9");
  /** {@code DW_OP_breg10} (0x7a). */
  public static final DwOp DW_OP_breg10 = define(0x7a, "DW_OP_breg10");
  /** {@code DW_OP_breg11} (0x7b). */
  public static final DwOp DW_OP_breg11 = define(0x7b, "DW_OP_breg11");
  /** {@code DW_OP_breg12} (0x7c). */
  public static final DwOp DW_OP_breg12 = define(0x7c, "DW_OP_breg12");
  /** {@code DW_OP_breg13} (0x7d). */
  public static final DwOp DW_OP_breg13 = define(0x7d, "DW_OP_breg13");
  /** {@code DW_OP_breg14} (0x7e). */
  public static final DwOp DW_OP_breg14 = define(0x7e, "DW_OP_breg14");
  /** {@code DW_OP_breg15} (0x7f). */
  public static final DwOp DW_OP_breg15 = define(0x7f, "DW_OP_breg15");
  /** {@code DW_OP_breg16} (0x80). */
  public static final DwOp DW_OP_breg16 = define(0x80, "DW_OP_breg16");
  /** {@code DW_OP_breg17} (0x81). */
  public static final DwOp DW_OP_breg17 = define(0x81, "DW_OP_breg17");
  /** {@code DW_OP_breg18} (0x82). */
  public static final DwOp DW_OP_breg18 = define(0x82, "DW_OP_breg18");
  /** {@code DW_OP_breg19} (0x83). */
  public static final DwOp DW_OP_breg19 = define(0x83, "DW_OP_breg19");
  /** {@code DW_OP_breg20} (0x84). */
  public static final DwOp DW_OP_breg20 = define(0x84, "DW_OP_breg20");
  /** {@code DW_OP_breg21} (0x85). */
  public static final DwOp DW_OP_breg21 = define(0x85, "DW_OP_breg21");
  /** {@code DW_OP_breg22} (0x86). */
  public static final DwOp DW_OP_breg22 = define(0x86, "DW_OP_breg22");
  /** {@code DW_OP_breg23} (0x87). */
  public static final DwOp DW_OP_breg23 = define(0x87, "DW_OP_breg23");
  /** {@code DW_OP_breg24} (0x88). */
  public static final DwOp DW_OP_breg24 = define(0x88, "DW_OP_breg24");
  /** {@code DW_OP_breg25} (0x89). */
  public static final DwOp DW_OP_breg25 = define(0x89, "DW_OP_breg25");
  /** {@code DW_OP_breg26} (0x8a). */
  public static final DwOp DW_OP_breg26 = define(0x8a, "DW_OP_breg26");
  /** {@code DW_OP_breg27} (0x8b). */
  public static final DwOp DW_OP_breg27 = define(0x8b, "DW_OP_breg27");
  /** {@code DW_OP_breg28} (0x8c). */
  public static final DwOp DW_OP_breg28 = define(0x8c, "DW_OP_breg28");
  /** {@code DW_OP_breg29} (0x8d). */
  public static final DwOp DW_OP_breg29 = define(0x8d, "DW_OP_breg29");
  /** {@code DW_OP_breg30} (0x8e). */
  public static final DwOp DW_OP_breg30 = define(0x8e, "DW_OP_breg30");
  /** {@code DW_OP_breg31} (0x8f). */
  public static final DwOp DW_OP_breg31 = define(0x8f, "DW_OP_breg31");
  /** {@code DW_OP_regx} (0x90). */
  public static final DwOp DW_OP_regx = define(0x90, "DW_OP_regx");
  /** {@code DW_OP_fbreg} (0x91). */
  public static final DwOp DW_OP_fbreg = define(0x91, "DW_OP_fbreg");
  /** {@code DW_OP_bregx} (0x92). */
  public static final DwOp DW_OP_bregx = define(0x92, "DW_OP_bregx");
  /** {@code DW_OP_piece} (0x93). */
  public static final DwOp DW_OP_piece = define(0x93, "DW_OP_piece");
  /** {@code DW_OP_deref_size} (0x94). */
  public static final DwOp DW_OP_deref_size = define(0x94, "DW_OP_deref_size");
  /** {@code DW_OP_xderef_size} (0x95). */
  public static final DwOp DW_OP_xderef_size = define(0x95, "DW_OP_xderef_size");
  /** {@code DW_OP_nop} (0x96). */
  public static final DwOp DW_OP_nop = define(0x96, "DW_OP_nop");
  /** {@code DW_OP_push_object_address} (0x97). */
  public static final DwOp DW_OP_push_object_address = define(0x97, "DW_OP_push_object_address");
  /** {@code DW_OP_call2} (0x98). */
  public static final DwOp DW_OP_call2 = define(0x98, "DW_OP_call2");
  /** {@code DW_OP_call4} (0x99). */
  public static final DwOp DW_OP_call4 = define(0x99, "DW_OP_call4");
  /** {@code DW_OP_call_ref} (0x9a). */
  public static final DwOp DW_OP_call_ref = define(0x9a, "DW_OP_call_ref");
  /** {@code DW_OP_form_tls_address} (0x9b). */
  public static final DwOp DW_OP_form_tls_address = define(0x9b, "DW_OP_form_tls_address");
  /** {@code DW_OP_call_frame_cfa} (0x9c). */
  public static final DwOp DW_OP_call_frame_cfa = define(0x9c, "DW_OP_call_frame_cfa");
  /** {@code DW_OP_bit_piece} (0x9d). */
  public static final DwOp DW_OP_bit_piece = define(0x9d, "DW_OP_bit_piece");
  /** {@code DW_OP_implicit_value} (0x9e). */
  public static final DwOp DW_OP_implicit_value = define(0x9e, "DW_OP_implicit_value");
  /** {@code DW_OP_stack_value} (0x9f). */
  public static final DwOp DW_OP_stack_value = define(0x9f, "DW_OP_stack_value");
  /** {@code DW_OP_implicit_pointer} (0xa0). */
  public static final DwOp DW_OP_implicit_pointer = define(0xa0, "DW_OP_implicit_pointer");
  /** {@code DW_OP_addrx} (0xa1). */
  public static final DwOp DW_OP_addrx = define(0xa1, "DW_OP_addrx");
  /** {@code DW_OP_constx} (0xa2). */
  public static final DwOp DW_OP_constx = define(0xa2, "DW_OP_constx");
  /** {@code DW_OP_entry_value} (0xa3). */
  public static final DwOp DW_OP_entry_value = define(0xa3, "DW_OP_entry_value");
  /** {@code DW_OP_const_type} (0xa4). */
  public static final DwOp DW_OP_const_type = define(0xa4, "DW_OP_const_type");
  /** {@code DW_OP_regval_type} (0xa5). */
  public static final DwOp DW_OP_regval_type = define(0xa5, "DW_OP_regval_type");
  /** {@code DW_OP_deref_type} (0xa6). */
  public static final DwOp DW_OP_deref_type = define(0xa6, "DW_OP_deref_type");
  /** {@code DW_OP_xderef_type} (0xa7). */
  public static final DwOp DW_OP_xderef_type = define(0xa7, "DW_OP_xderef_type");
  /** {@code DW_OP_convert} (0xa8). */
  public static final DwOp DW_OP_convert = define(0xa8, "DW_OP_convert");
  /** {@code DW_OP_reinterpret} (0xa9). */
  public static final DwOp DW_OP_reinterpret = define(0xa9, "DW_OP_reinterpret");
  /** {@code DW_OP_GNU_push_tls_address} (0xe0). */
  public static final DwOp DW_OP_GNU_push_tls_address = define(0xe0, "DW_OP_GNU_push_tls_address");
  /** {@code DW_OP_GNU_uninit} (0xf0). */
  public static final DwOp DW_OP_GNU_uninit = define(0xf0, "DW_OP_GNU_uninit");
  /** {@code DW_OP_GNU_encoded_addr} (0xf1). */
  public static final DwOp DW_OP_GNU_encoded_addr = define(0xf1, "DW_OP_GNU_encoded_addr");
  /** {@code DW_OP_GNU_implicit_pointer} (0xf2). */
  public static final DwOp DW_OP_GNU_implicit_pointer = define(0xf2, "DW_OP_GNU_implicit_pointer");
  /** {@code DW_OP_GNU_entry_value} (0xf3). */
  public static final DwOp DW_OP_GNU_entry_value = define(0xf3, "DW_OP_GNU_entry_value");
  /** {@code DW_OP_GNU_const_type} (0xf4). */
  public static final DwOp DW_OP_GNU_const_type = define(0xf4, "DW_OP_GNU_const_type");
  /** {@code DW_OP_GNU_regval_type} (0xf5). */
  public static final DwOp DW_OP_GNU_regval_type = define(0xf5, "DW_OP_GNU_regval_type");
  /** {@code DW_OP_GNU_deref_type} (0xf6). */
  public static final DwOp DW_OP_GNU_deref_type = define(0xf6, "DW_OP_GNU_deref_type");
  /** {@code DW_OP_GNU_convert} (0xf7). */
  public static final DwOp DW_OP_GNU_convert = define(0xf7, "DW_OP_GNU_convert");
  /** {@code DW_OP_GNU_reinterpret} (0xf9). */
  public static final DwOp DW_OP_GNU_reinterpret = define(0xf9, "DW_OP_GNU_reinterpret");
  /** {@code DW_OP_GNU_parameter_ref} (0xfa). */
  public static final DwOp DW_OP_GNU_parameter_ref = define(0xfa, "DW_OP_GNU_parameter_ref");
  /** {@code DW_OP_GNU_addr_index} (0xfb). */
  public static final DwOp DW_OP_GNU_addr_index = define(0xfb, "DW_OP_GNU_addr_index");
  /** {@code DW_OP_GNU_const_index} (0xfc). */
  public static final DwOp DW_OP_GNU_const_index = define(0xfc, "DW_OP_GNU_const_index");
  /** {@code DW_OP_GNU_variable_value} (0xfd). */
  public static final DwOp DW_OP_GNU_variable_value = define(0xfd, "DW_OP_GNU_variable_value");

  /**
   * Returns the name used in the specification, such as {@code "DW_OP_addr"}.
   *
   * @return the name, or empty for a code without a constant here
   */
  public Optional<String> name() {
    return Optional.ofNullable(NAMES.get(code));
  }

  /** Returns the specification name, or {@code DwOp(0x..)} for a code without one. */
  @Override
  public String toString() {
    String name = NAMES.get(code);
    return name != null ? name : String.format("DwOp(0x%02x)", code);
  }

  private static DwOp define(int code, String name) {
    NAMES.put(code, name);
    return new DwOp(code);
  }
}
