package org.dlv4j.dwarf.expr;

import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwOp;

/**
 * A DWARF expression is malformed or cannot be evaluated: an unknown or unsupported
 * operation, a truncated operand, a stack underflow, a division by zero, a branch outside
 * the expression or an exhausted step budget. The message names the operation and its byte
 * offset inside the expression, e.g. {@code "DW_OP_div: division by zero in DWARF expression
 * at 0x3"}.
 */
public final class ExpressionException extends BinaryFormatException {
  private static final long serialVersionUID = 1L;

  /** Where the message says the data is. */
  static final String WHERE = "DWARF expression";

  private final transient DwOp op;

  ExpressionException(DwOp op, String detail, long offset) {
    super(op + ": " + detail, WHERE, offset);
    this.op = op;
  }

  ExpressionException(DwOp op, String detail, long offset, Throwable cause) {
    super(op + ": " + detail, WHERE, offset, cause);
    this.op = op;
  }

  /**
   * Returns the operation that failed.
   *
   * @return the operation, possibly one without a name such as {@code DwOp(0xe5)}
   */
  public DwOp op() {
    return op;
  }
}
