package org.dlv4j.dwarf.expr;

/**
 * The arithmetic, logical, relational and conversion operations on stack entries
 * (DWARF 5 §2.5.1.4, §2.5.1.6). Entries are bit patterns zero-extended from their type's size.
 * The generic type divides and compares as signed and takes the remainder as unsigned;
 * integral base types follow their signedness; floats support only +, -, *, /, abs, neg and
 * the comparisons. Results come back normalized to the type, except relational results,
 * which are 0 or 1 of the generic type.
 */
final class Arithmetic {
  private Arithmetic() {
  }

  /** Returns whether {@code op} is defined for floating-point entries. */
  static boolean definedForFloat(int op) {
    switch (op) {
      case 0x19: case 0x1b: case 0x1c: case 0x1e: case 0x1f: case 0x22:
      case 0x29: case 0x2a: case 0x2b: case 0x2c: case 0x2d: case 0x2e:
        return true;
      default:
        return false;
    }
  }

  /** Returns whether {@code op} is a comparison, whose result is of the generic type. */
  static boolean isRelational(int op) {
    return op >= 0x29 && op <= 0x2e;
  }

  /** DW_OP_abs, neg, not. */
  static long unary(int op, long v, BaseType t) {
    if (t.isFloat()) {
      double d = toDouble(v, t);
      return fromDouble(op == 0x19 ? Math.abs(d) : -d, t);
    }
    long s = signedView(v, t);
    switch (op) {
      case 0x19: return t.normalize(Math.abs(s));
      case 0x1f: return t.normalize(-s);
      case 0x20: return t.normalize(~v);
      default: throw new IllegalArgumentException("not a unary operation: " + op);
    }
  }

  /**
   * Applies binary operation {@code op} to {@code a} (second entry) and {@code b} (top), both
   * of type {@code t}; for shifts {@code b} is an unsigned count of any integral type.
   * The caller rejects integral division by zero.
   */
  static long binary(int op, long a, long b, BaseType t) {
    if (t.isFloat()) {
      return floatBinary(op, toDouble(a, t), toDouble(b, t), t);
    }
    boolean signed = t.isGeneric() || t.isSigned();
    long sa = signedView(a, t);
    long sb = signedView(b, t);
    int bits = 8 * t.byteSize();
    switch (op) {
      case 0x1a: return a & b;
      case 0x1b: return t.normalize(signed ? sa / sb : Long.divideUnsigned(a, b));
      case 0x1c: return t.normalize(a - b);
      case 0x1d: return t.isSigned() ? t.normalize(sa % sb) : Long.remainderUnsigned(a, b);
      case 0x1e: return t.normalize(a * b);
      case 0x21: return a | b;
      case 0x22: return t.normalize(a + b);
      case 0x24: return tooFar(b, bits) ? 0 : t.normalize(a << b);
      case 0x25: return tooFar(b, bits) ? 0 : a >>> b;
      case 0x26: return t.normalize(sa >> (tooFar(b, bits) ? 63 : b));
      case 0x27: return a ^ b;
      default: return compare(op, signed ? Long.compare(sa, sb) : Long.compareUnsigned(a, b));
    }
  }

  /** DW_OP_convert: the value of {@code v} (of type {@code from}) as type {@code to}. */
  static long convert(long v, BaseType from, BaseType to) {
    if (from.isFloat()) {
      double d = toDouble(v, from);
      if (to.isFloat()) {
        return fromDouble(d, to);
      }
      return to.normalize(to.isSigned() || to.isGeneric() ? (long) d : unsignedFromDouble(d));
    }
    if (to.isFloat()) {
      double d = from.isSigned() ? (double) from.signExtend(v) : unsignedToDouble(v);
      return fromDouble(d, to);
    }
    return to.normalize(from.isSigned() ? from.signExtend(v) : v);
  }

  private static long floatBinary(int op, double a, double b, BaseType t) {
    switch (op) {
      case 0x1b: return fromDouble(a / b, t);
      case 0x1c: return fromDouble(a - b, t);
      case 0x1e: return fromDouble(a * b, t);
      case 0x22: return fromDouble(a + b, t);
      case 0x29: return a == b ? 1 : 0;
      case 0x2e: return a != b ? 1 : 0;
      case 0x2a: return a >= b ? 1 : 0;
      case 0x2b: return a > b ? 1 : 0;
      case 0x2c: return a <= b ? 1 : 0;
      case 0x2d: return a < b ? 1 : 0;
      default: throw new IllegalArgumentException("not a floating-point operation: " + op);
    }
  }

  private static long compare(int op, int c) {
    switch (op) {
      case 0x29: return c == 0 ? 1 : 0;
      case 0x2a: return c >= 0 ? 1 : 0;
      case 0x2b: return c > 0 ? 1 : 0;
      case 0x2c: return c <= 0 ? 1 : 0;
      case 0x2d: return c < 0 ? 1 : 0;
      case 0x2e: return c != 0 ? 1 : 0;
      default: throw new IllegalArgumentException("not a binary operation: " + op);
    }
  }

  /** The generic type and signed types are sign-extended; unsigned ones are already right. */
  private static long signedView(long v, BaseType t) {
    return t.isGeneric() || t.isSigned() ? t.signExtend(v) : v;
  }

  private static double toDouble(long bits, BaseType t) {
    return t.byteSize() == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
  }

  private static long fromDouble(double d, BaseType t) {
    return t.byteSize() == 4 ? Float.floatToRawIntBits((float) d) & 0xffff_ffffL
        : Double.doubleToRawLongBits(d);
  }

  private static double unsignedToDouble(long v) {
    double d = (double) (v >>> 1) * 2.0;
    return d + (v & 1);
  }

  private static long unsignedFromDouble(double d) {
    if (d >= 0x1p63) {
      return (long) (d - 0x1p63) ^ Long.MIN_VALUE;
    }
    return (long) d;
  }

  private static boolean tooFar(long shift, int bits) {
    return Long.compareUnsigned(shift, bits) >= 0;
  }
}
