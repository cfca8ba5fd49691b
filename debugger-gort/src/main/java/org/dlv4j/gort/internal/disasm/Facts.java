package org.dlv4j.gort.internal.disasm;

import java.util.OptionalLong;

/** The control-flow facts of one instruction, filled by a {@link DetailDecoder}; reused. */
final class Facts {
  Instruction.Kind kind;
  private long branchTarget;
  private boolean hasBranchTarget;
  private long pcRelative;
  private boolean hasPcRelative;

  /** Forgets the previous instruction's facts. */
  void clear() {
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
