package org.dlv4j.dwarf.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dlv4j.dwarf.ByteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Typed stack entries (DWARF 5 §2.5.1): DW_OP_const_type, regval_type, deref_type, convert and
 * reinterpret with FakeTarget's base types (0x10 int, 0x20 unsigned int, 0x30 double, 0x40
 * float, 0x50 signed char, 0x60 unsigned long).
 */
class TypedStackTest {
  private static final long INT = 0x10;
  private static final long UINT = 0x20;
  private static final long DOUBLE = 0x30;
  private static final long FLOAT = 0x40;
  private static final long CHAR = 0x50;

  private final FakeTarget target = new FakeTarget();

  private static ByteBuilder constType(ByteBuilder b, long type, int size, long value) {
    return b.u8(0xa4).uleb(type).u8(size).fixed(value, size);
  }

  private static ByteBuilder intConst(ByteBuilder b, long type, long value) {
    return constType(b, type, 4, value);
  }

  private static ByteBuilder doubleConst(ByteBuilder b, double value) {
    return constType(b, DOUBLE, 8, Double.doubleToRawLongBits(value));
  }

  /** Evaluates {@code b} plus DW_OP_stack_value and returns the value's bits. */
  private long value(ByteBuilder b) {
    Evaluation ev = new Evaluation(Encoding.AMD64_DWARF5);
    EvalStep.Done done = target.run(ev, ev.evaluate(Expression.of(b.u8(0x9f).toArray())));
    return ((ValueLocation.Value) done.pieces().get(0).location()).value();
  }

  private ExpressionException fails(String message, ByteBuilder b) {
    Evaluation ev = new Evaluation(Encoding.AMD64_DWARF5);
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> target.run(ev, ev.evaluate(Expression.of(b.toArray()))));
    String where = " in DWARF expression at 0x" + Long.toHexString(e.offset());
    assertEquals(message + where, e.getMessage());
    return e;
  }

  @Test
  void constTypeAndConvertToGeneric() {
    assertEquals(0xfffffffeL, value(intConst(new ByteBuilder(), INT, -2)));
    assertEquals(List.of(new EvalStep.NeedsBaseType(INT)), target.requests);
    // convert to the generic type sign-extends a signed value and zero-extends an unsigned one
    assertEquals(-2, value(intConst(new ByteBuilder(), INT, -2).u8(0xa8, 0)));
    assertEquals(0xfffffffeL, value(intConst(new ByteBuilder(), UINT, -2).u8(0xa8, 0)));
    assertEquals(-2, value(intConst(new ByteBuilder(), INT, -2).u8(0xf7, 0))); // GNU_convert
  }

  @Test
  void integralArithmeticFollowsSignedness() {
    assertEquals(0xfffffffdL, value(intConst(intConst(new ByteBuilder(), INT, -7), INT, 2)
        .u8(0x1b))); // -7 / 2 = -3
    assertEquals(0x7ffffffcL, value(intConst(intConst(new ByteBuilder(), UINT, -7), UINT, 2)
        .u8(0x1b)));
    assertEquals(0xffffffffL, value(intConst(intConst(new ByteBuilder(), INT, -7), INT, 2)
        .u8(0x1d))); // -7 % 2 = -1
    assertEquals(1, value(intConst(intConst(new ByteBuilder(), UINT, -7), UINT, 2).u8(0x1d)));
    assertEquals(1, value(intConst(intConst(new ByteBuilder(), INT, -1), INT, 1).u8(0x2d)));
    assertEquals(0, value(intConst(intConst(new ByteBuilder(), UINT, -1), UINT, 1).u8(0x2d)));
    assertEquals(0, value(intConst(new ByteBuilder(), UINT, -1).u8(0x23, 1))); // plus_uconst
    assertEquals(-128, value(constType(new ByteBuilder(), CHAR, 1, 0x40).u8(0x31, 0x24)
        .u8(0xa8, 0))); // char 0x40 << 1 wraps to -128, sign-extended by the conversion
  }

  @Test
  void floatingPoint() {
    assertEquals(Double.doubleToRawLongBits(3.75),
        value(doubleConst(doubleConst(new ByteBuilder(), 1.5), 2.25).u8(0x22)));
    assertEquals(Double.doubleToRawLongBits(-3.375),
        value(doubleConst(doubleConst(new ByteBuilder(), 1.5), -2.25).u8(0x1e)));
    assertEquals(Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
        value(doubleConst(doubleConst(new ByteBuilder(), 1.5), 0).u8(0x1b)));
    assertEquals(1, value(doubleConst(doubleConst(new ByteBuilder(), 2.5), -2.25).u8(0x2b)));
    assertEquals(Double.doubleToRawLongBits(1.5),
        value(doubleConst(new ByteBuilder(), -1.5).u8(0x19)));
    fails("DW_OP_and: not defined for floating-point values",
        doubleConst(doubleConst(new ByteBuilder(), 1), 2).u8(0x1a));
    fails("DW_OP_plus_uconst: not defined for floating-point values",
        doubleConst(new ByteBuilder(), 1).u8(0x23, 1));
  }

  @Test
  void conversions() {
    assertEquals(Double.doubleToRawLongBits(-2.0),
        value(intConst(new ByteBuilder(), INT, -2).u8(0xa8).uleb(DOUBLE)));
    assertEquals(Double.doubleToRawLongBits(4294967294.0),
        value(intConst(new ByteBuilder(), UINT, -2).u8(0xa8).uleb(DOUBLE)));
    assertEquals(2, value(doubleConst(new ByteBuilder(), 2.75).u8(0xa8).uleb(INT)));
    assertEquals(Float.floatToRawIntBits(0.1f) & 0xffffffffL,
        value(doubleConst(new ByteBuilder(), 0.1).u8(0xa8).uleb(FLOAT)));
    // reinterpret: the bits of 1.5f as a float, then converted to double
    assertEquals(Double.doubleToRawLongBits(1.5), value(intConst(new ByteBuilder(), UINT,
        Float.floatToRawIntBits(1.5f)).u8(0xa9).uleb(FLOAT).u8(0xa8).uleb(DOUBLE)));
    assertEquals(Double.doubleToRawLongBits(1.5),
        value(doubleConst(new ByteBuilder(), 1.5).u8(0xf9, 0))); // reinterpret to generic
    fails("DW_OP_reinterpret: size does not match the base type BaseType[encoding=4, byteSize=8]",
        intConst(new ByteBuilder(), INT, 1).u8(0xa9).uleb(DOUBLE));
  }

  @Test
  void typesMustMatch() {
    fails("DW_OP_plus: operands of types BaseType[encoding=5, byteSize=4] and"
        + " BaseType[encoding=7, byteSize=4]",
        intConst(intConst(new ByteBuilder(), INT, 1), UINT, 2).u8(0x22));
    fails("DW_OP_plus: operands of types BaseType[encoding=0, byteSize=8] and"
        + " BaseType[encoding=5, byteSize=4]",
        intConst(new ByteBuilder().u8(0x31), INT, 2).u8(0x22));
    fails("DW_OP_const_type: size does not match the base type BaseType[encoding=5, byteSize=4]",
        constType(new ByteBuilder(), INT, 2, 1));
  }

  @Test
  void stackOperationsKeepTypes() {
    // double 1.5, lit7, swap -> [7, 1.5]; + double 1.0 -> [7, 2.5]
    assertEquals(Double.doubleToRawLongBits(2.5), value(doubleConst(doubleConst(
        new ByteBuilder(), 1.5).u8(0x37, 0x16), 1.0).u8(0x22)));
    // int -1 dup plus = -2 (a 32-bit typed sum)
    assertEquals(0xfffffffeL, value(intConst(new ByteBuilder(), INT, -1).u8(0x12, 0x22)));
  }

  @Test
  void regvalAndDerefType() {
    assertEquals(3, value(new ByteBuilder().u8(0xa5, 3).uleb(CHAR)));
    assertEquals(List.of(new EvalStep.NeedsBaseType(CHAR), new EvalStep.NeedsRegister(3)),
        target.requests);
    target.requests.clear();
    target.memory.put(0x1007L, 0xdead_beef_1234L);
    assertEquals(0x1234, value(new ByteBuilder().u8(0x77, 0, 0xa6, 2).uleb(INT)));
    assertEquals(List.of(new EvalStep.NeedsRegister(7), new EvalStep.NeedsBaseType(INT),
        new EvalStep.NeedsMemory(0x1007, 2)), target.requests);
    assertEquals(0xdead_beef_1234L, value(new ByteBuilder().u8(0x77, 0, 0xf6, 8).uleb(0x60)));
    fails("DW_OP_deref_type: size does not match the base type BaseType[encoding=5, byteSize=4]",
        new ByteBuilder().u8(0x77, 0, 0xa6, 8).uleb(INT));
    fails("DW_OP_deref_type: typed loads of 9 bytes are not supported",
        new ByteBuilder().u8(0x77, 0, 0xa6, 9).uleb(INT));
    fails("DW_OP_const_type: typed constants of 16 bytes are not supported",
        new ByteBuilder().u8(0xa4).uleb(INT).u8(16));
    fails("DW_OP_convert: stack underflow", new ByteBuilder().u8(0xa8).uleb(INT));
  }
}
