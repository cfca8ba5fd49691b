package org.dlv4j.dwarf.frame;

/**
 * How to recover a register of the caller's frame (DWARF 5 §6.4.1), relative to the
 * canonical frame address (CFA) of the current frame.
 */
public sealed interface RegisterRule {
  /** The register has no recoverable value (also the default for unmentioned registers). */
  record Undefined() implements RegisterRule {
  }

  /** The register has not been modified: the caller's value is the current value. */
  record SameValue() implements RegisterRule {
  }

  /**
   * The caller's value is saved at address {@code CFA + offset}.
   *
   * @param offset the signed offset, already multiplied by the data alignment factor
   */
  record Offset(long offset) implements RegisterRule {
  }

  /**
   * The caller's value is {@code CFA + offset} itself.
   *
   * @param offset the signed offset, already multiplied by the data alignment factor
   */
  record ValOffset(long offset) implements RegisterRule {
  }

  /**
   * The caller's value is in another register of the current frame.
   *
   * @param register the DWARF number of that register
   */
  record Register(int register) implements RegisterRule {
  }

  /**
   * The caller's value is saved at the address the expression computes, with the CFA pushed
   * on the stack first.
   *
   * @param expression the DWARF expression
   */
  record Expression(org.dlv4j.dwarf.expr.Expression expression) implements RegisterRule {
  }

  /**
   * The caller's value is the value the expression computes, with the CFA pushed first.
   *
   * @param expression the DWARF expression
   */
  record ValExpression(org.dlv4j.dwarf.expr.Expression expression) implements RegisterRule {
  }

  /**
   * The rule is defined outside DWARF, by an augmentation. No standard instruction produces
   * it; it exists so that callers switching over rules cover the whole DWARF rule set.
   */
  record Architectural() implements RegisterRule {
  }
}
