package org.dlv4j.gort.internal.disasm;

import static org.dlv4j.gort.internal.disasm.CsLayout.ARM64_OPERANDS;
import static org.dlv4j.gort.internal.disasm.CsLayout.ARM64_OP_SIZE;
import static org.dlv4j.gort.internal.disasm.CsLayout.DETAIL_ARCH;

/**
 * The facts of AArch64 instructions. Capstone 4.0 puts {@code bl} and {@code blr} in the jump
 * group, not the call group, so the kind comes from the mnemonic. Targets and PC-relative
 * addresses are the instruction's last immediate operand, which Capstone has already made
 * absolute (Arm ARM C6.2: B, BL, B.cond, CBZ, TBZ, ADR, ADRP, LDR (literal)).
 */
final class Arm64Detail {
  private Arm64Detail() {}

  /** Fills {@code out}'s kind and targets from Capstone's mnemonic and detail. */
  static void decode(String mnemonic, Detail detail, Facts out) {
    out.kind = kind(mnemonic);
    int count = Math.min(detail.u8(DETAIL_ARCH + CsLayout.ARM64_OP_COUNT), 8);
    if (count == 0) {
      return;
    }
    int last = DETAIL_ARCH + ARM64_OPERANDS + (count - 1) * ARM64_OP_SIZE;
    if (detail.i32(last + CsLayout.ARM64_OP_TYPE) != CsLayout.ARM64_OP_IMM) {
      return;
    }
    long imm = detail.i64(last + CsLayout.ARM64_OP_IMM_VALUE);
    if (hasDirectTarget(mnemonic)) {
      out.branchTarget(imm);
    } else if (mnemonic.equals("adr") || mnemonic.equals("adrp")
        || (count == 2 && (mnemonic.startsWith("ldr") || mnemonic.equals("prfm")))) {
      out.pcRelative(imm); // two operands ending in an immediate: the literal form
    }
  }

  private static Instruction.Kind kind(String mnemonic) {
    switch (mnemonic) {
      case "bl": case "blr": case "blraa": case "blraaz": case "blrab": case "blrabz":
        return Instruction.Kind.CALL;
      case "ret": case "retaa": case "retab":
        return Instruction.Kind.RET;
      case "b": case "br": case "braa": case "braaz": case "brab": case "brabz":
        return Instruction.Kind.JUMP;
      case "cbz": case "cbnz": case "tbz": case "tbnz":
        return Instruction.Kind.CONDITIONAL_JUMP;
      default:
        return mnemonic.startsWith("b.") ? Instruction.Kind.CONDITIONAL_JUMP
            : Instruction.Kind.OTHER;
    }
  }

  private static boolean hasDirectTarget(String mnemonic) {
    switch (mnemonic) {
      case "b": case "bl": case "cbz": case "cbnz": case "tbz": case "tbnz":
        return true;
      default:
        return mnemonic.startsWith("b.");
    }
  }
}
