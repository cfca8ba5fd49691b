package org.dlv4j.dwarf.expr;

/**
 * The arithmetic, logical and relational DWARF operations on generic-type values
 * (DWARF 5 §2.5.1.4). Callers mask results to the address size.
 */
final class Arithmetic {
  private Arithmetic() {
  }

  /** DW_OP_abs, neg, not on a sign-extended operand. */
  static long unary(int op, long v) {
    switch (op) {
      case 0x19: return Math.abs(v);
      case 0x1f: return -v;
      case 0x20: return ~v;
      default: throw new IllegalArgumentException("not a unary operation: " + op);
    }
  }

  /**
   * Applies binary operation {@code op} to {@code a} (second entry) and {@code b} (top).
   *
   * @param bits the width of the generic type
   * @param sa {@code a} sign-extended from {@code bits}
   * @param sb {@code b} sign-extended from {@code bits}
   */
  static long binary(int op, long a, long b, int bits, long sa, long sb) {
    switch (op) {
      case 0x1a: return a & b;
      case 0x1b: return sa / sb; // div is signed (DWARF 5 §2.5.1.4)
      case 0x1c: return a - b;
      case 0x1d: return Long.remainderUnsigned(a, b); // mod is unsigned for the generic type
      case 0x1e: return a * b;
      case 0x21: return a | b;
      case 0x22: return a + b;
      case 0x24: return tooFar(b, bits) ? 0 : a << b;
      case 0x25: return tooFar(b, bits) ? 0 : a >>> b;
      case 0x26: return sa >> (tooFar(b, bits) ? 63 : b);
      case 0x27: return a ^ b;
      case 0x29: return sa == sb ? 1 : 0;
      case 0x2a: return sa >= sb ? 1 : 0;
      case 0x2b: return sa > sb ? 1 : 0;
      case 0x2c: return sa <= sb ? 1 : 0;
      case 0x2d: return sa < sb ? 1 : 0;
      case 0x2e: return sa != sb ? 1 : 0;
      default: throw new IllegalArgumentException("not a binary operation: " + op);
    }
  }

  private static boolean tooFar(long shift, int bits) {
    return Long.compareUnsigned(shift, bits) >= 0;
  }
}
