package org.dlv4j.dwarf.frame;

/** How to compute the canonical frame address (CFA) of a frame (DWARF 5 §6.4.1). */
public sealed interface CfaRule {
  /**
   * The CFA is a register's value plus an offset.
   *
   * @param register the DWARF register number, e.g. 7 (rsp) on amd64
   * @param offset the signed byte offset
   */
  record RegisterOffset(int register, long offset) implements CfaRule {
  }

  /**
   * The CFA is the value the expression computes (DW_CFA_def_cfa_expression).
   *
   * @param expression the DWARF expression
   */
  record Expression(org.dlv4j.dwarf.expr.Expression expression) implements CfaRule {
  }
}
