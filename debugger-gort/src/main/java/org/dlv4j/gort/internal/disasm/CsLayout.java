package org.dlv4j.gort.internal.disasm;

/**
 * Offsets into Capstone 4.0's {@code cs_insn} and {@code cs_detail} on LP64 hosts, taken from
 * its headers with {@code offsetof} (capstone.h and arm64.h of 4.0.2). Other major or minor
 * API versions lay these out differently, so {@link CapstoneLoader} accepts 4.0 only.
 */
final class CsLayout {
  private CsLayout() {}

  /** {@code sizeof(cs_insn)}. */
  static final int INSN_SIZE = 240;
  /** {@code cs_insn.size}: {@code uint16_t}. */
  static final int INSN_LENGTH = 16;
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

  /** {@code cs_detail.arm64}: the architecture union. */
  static final int DETAIL_ARCH = 80;
  /** How much of {@code cs_detail} is read: up to the end of the eighth arm64 operand. */
  static final int DETAIL_READ = 536;

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
