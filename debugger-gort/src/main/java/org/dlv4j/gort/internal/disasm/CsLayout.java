package org.dlv4j.gort.internal.disasm;

/**
 * Offsets into Capstone 4.0's {@code cs_insn} and {@code cs_detail} on LP64 hosts, taken from
 * its headers with {@code offsetof} (capstone.h, x86.h, arm64.h of 4.0.2). Other major or minor
 * API versions lay these out differently, so {@link CapstoneLoader} accepts 4.0 only.
 */
final class CsLayout {
  private CsLayout() {}

  /** {@code sizeof(cs_insn)}. */
  static final int INSN_SIZE = 240;
  /** {@code cs_insn.size}: {@code uint16_t}. */
  static final int INSN_LENGTH = 16;
  /** {@code cs_insn.bytes}: {@code uint8_t[16]}. */
  static final int INSN_BYTES = 18;
  /** {@code cs_insn.mnemonic}: {@code char[32]}. */
  static final int INSN_MNEMONIC = 34;
  /** Length of {@code cs_insn.mnemonic}. */
  static final int MNEMONIC_LENGTH = 32;
  /** {@code cs_insn.op_str}: {@code char[160]}. */
  static final int INSN_OP_STR = 66;
  /** Length of {@code cs_insn.op_str}. */
  static final int OP_STR_LENGTH = 160;
  /** {@code cs_insn.detail}: {@code cs_detail *}. */
  static final int INSN_DETAIL = 232;

  /** {@code cs_detail.groups}: {@code uint8_t[8]}. */
  static final int DETAIL_GROUPS = 67;
  /** {@code cs_detail.groups_count}. */
  static final int DETAIL_GROUPS_COUNT = 75;
  /** {@code cs_detail.x86} and {@code cs_detail.arm64}: the architecture union. */
  static final int DETAIL_ARCH = 80;
  /** How much of {@code cs_detail} is read: up to the end of the eighth operand of either arch. */
  static final int DETAIL_READ = 536;

  /** {@code CS_GRP_JUMP}. */
  static final int GRP_JUMP = 1;
  /** {@code CS_GRP_CALL}. */
  static final int GRP_CALL = 2;
  /** {@code CS_GRP_RET}. */
  static final int GRP_RET = 3;
  /** {@code CS_GRP_IRET}. */
  static final int GRP_IRET = 5;
  /** {@code CS_GRP_BRANCH_RELATIVE}: the instruction's immediate is a PC-relative target. */
  static final int GRP_BRANCH_RELATIVE = 7;

  /** {@code cs_x86.op_count}, from {@link #DETAIL_ARCH}. */
  static final int X86_OP_COUNT = 64;
  /** {@code cs_x86.operands}, from {@link #DETAIL_ARCH}. */
  static final int X86_OPERANDS = 72;
  /** {@code sizeof(cs_x86_op)}. */
  static final int X86_OP_SIZE = 48;
  /** {@code cs_x86_op.type}. */
  static final int X86_OP_TYPE = 0;
  /** {@code cs_x86_op.imm}, and {@code cs_x86_op.mem}. */
  static final int X86_OP_VALUE = 8;
  /** {@code x86_op_mem.base}, from {@link #X86_OP_VALUE}. */
  static final int X86_MEM_BASE = 4;
  /** {@code x86_op_mem.disp}, from {@link #X86_OP_VALUE}. */
  static final int X86_MEM_DISP = 16;
  /** {@code X86_OP_IMM}. */
  static final int X86_OP_IMM = 2;
  /** {@code X86_OP_MEM}. */
  static final int X86_OP_MEM = 3;
  /** {@code X86_REG_RIP}. */
  static final int X86_REG_RIP = 41;

  /** {@code cs_arm64.op_count}, from {@link #DETAIL_ARCH}. */
  static final int ARM64_OP_COUNT = 6;
  /** {@code cs_arm64.operands}, from {@link #DETAIL_ARCH}. */
  static final int ARM64_OPERANDS = 8;
  /** {@code sizeof(cs_arm64_op)}. */
  static final int ARM64_OP_SIZE = 56;
  /** {@code cs_arm64_op.type}. */
  static final int ARM64_OP_TYPE = 24;
  /** {@code cs_arm64_op.imm}. */
  static final int ARM64_OP_IMM_VALUE = 32;
  /** {@code ARM64_OP_IMM}. */
  static final int ARM64_OP_IMM = 2;
}
