package org.dlv4j.gort.internal.disasm;

import static org.dlv4j.gort.internal.disasm.CsLayout.DETAIL_ARCH;
import static org.dlv4j.gort.internal.disasm.CsLayout.X86_OPERANDS;
import static org.dlv4j.gort.internal.disasm.CsLayout.X86_OP_SIZE;

/**
 * The facts of x86-64 instructions: the kind from Capstone's groups, the target of relative
 * branches from their immediate, and {@code [rip+disp]} operands resolved against the end of
 * the instruction (Intel SDM vol. 2, §2.2.1.6).
 */
final class Amd64Detail implements DetailDecoder {

  @Override
  public void decode(String mnemonic, Detail detail, long address, int size, Facts out) {
    boolean relative = detail.inGroup(CsLayout.GRP_BRANCH_RELATIVE);
    if (detail.inGroup(CsLayout.GRP_CALL)) {
      out.kind = Instruction.Kind.CALL;
    } else if (detail.inGroup(CsLayout.GRP_RET) || detail.inGroup(CsLayout.GRP_IRET)) {
      out.kind = Instruction.Kind.RET;
    } else if (detail.inGroup(CsLayout.GRP_JUMP) || relative) { // loop and jrcxz are only relative
      out.kind = mnemonic.startsWith("jmp") || mnemonic.startsWith("ljmp")
          ? Instruction.Kind.JUMP : Instruction.Kind.CONDITIONAL_JUMP;
    }
    int count = Math.min(detail.u8(DETAIL_ARCH + CsLayout.X86_OP_COUNT), 8);
    for (int i = 0; i < count; i++) {
      int op = DETAIL_ARCH + X86_OPERANDS + i * X86_OP_SIZE;
      int value = op + CsLayout.X86_OP_VALUE;
      int type = detail.i32(op + CsLayout.X86_OP_TYPE);
      if (type == CsLayout.X86_OP_IMM && relative) {
        out.branchTarget(detail.i64(value)); // Capstone has already added the next pc
      } else if (type == CsLayout.X86_OP_MEM
          && detail.i32(value + CsLayout.X86_MEM_BASE) == CsLayout.X86_REG_RIP) {
        out.pcRelative(address + size + detail.i64(value + CsLayout.X86_MEM_DISP));
      }
    }
  }
}
