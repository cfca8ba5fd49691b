/**
 * DWARF expressions and location descriptions (DWARF 5 §2.5, §2.6): a resumable evaluator
 * that asks its caller for registers, memory and other target facts instead of reading them.
 * Entry point: {@link org.dlv4j.dwarf.expr.Evaluation}.
 *
 * <p>Threat model: expression bytes come from untrusted files. Operands are bounds-checked,
 * branches must stay inside the expression, and every evaluation is bounded by a step budget,
 * a stack-depth cap and a call-depth cap, so malformed input ends in an
 * {@link org.dlv4j.dwarf.expr.ExpressionException} naming the operation and its offset.
 */
package org.dlv4j.dwarf.expr;
