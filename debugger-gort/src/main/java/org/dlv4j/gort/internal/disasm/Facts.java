package org.dlv4j.gort.internal.disasm;

import java.util.OptionalLong;

/** The text and control-flow facts of one decoded instruction, filled by a decoder; reused. */
final class Facts {
  String mnemonic;
  String operands;
  Instruction.Kind kind;
  private long branchTarget;
  private boolean hasBranchTarget;
  private long pcRelative;
  private boolean hasPcRelative;

  /** Forgets the previous instruction's facts. */
  void clear() {
    mnemonic = "";
    operands = "";
    kind = Instruction.Kind.OTHER;
    hasBranchTarget = false;
    hasPcRelative = false;
  }

  void branchTarget(long target) {
    branchTarget = target;
    hasBranchTarget = true;
  }

  void pcRelative(long address) {
    pcRelative = address;
    hasPcRelative = true;
  }

  OptionalLong branchTarget() {
    return hasBranchTarget ? OptionalLong.of(branchTarget) : OptionalLong.empty();
  }

  OptionalLong pcRelative() {
    return hasPcRelative ? OptionalLong.of(pcRelative) : OptionalLong.empty();
  }
}
