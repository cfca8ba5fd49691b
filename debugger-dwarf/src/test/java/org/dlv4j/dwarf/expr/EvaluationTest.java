package org.dlv4j.dwarf.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import org.dlv4j.dwarf.ByteBuilder;
import org.dlv4j.dwarf.constants.DwOp;
import org.junit.jupiter.api.Test;

/** Byte-exact tests of every DWARF operation (DWARF 5 §2.5, §2.6). */
class EvaluationTest {
  private static final Encoding E64 = Encoding.AMD64_DWARF5;
  private static final Encoding E32 = new Encoding(4, 4, 4);
  private static final int STACK_VALUE = 0x9f;

  private final FakeTarget target = new FakeTarget();

  private EvalStep.Done eval(Encoding encoding, ByteBuilder b) {
    Evaluation ev = new Evaluation(encoding);
    return target.run(ev, ev.evaluate(Expression.of(b.toArray())));
  }

  private List<Piece> pieces(int... bytes) {
    return eval(E64, new ByteBuilder().u8(bytes)).pieces();
  }

  private static List<Piece> whole(ValueLocation location) {
    return List.of(Piece.whole(location));
  }

  private static List<Piece> value(long v) {
    return whole(new ValueLocation.Value(v));
  }

  private static List<Piece> memory(long address) {
    return whole(new ValueLocation.Memory(address));
  }

  /** Evaluates {@code bytes} then DW_OP_stack_value, and returns the value. */
  private long valueOf(Encoding encoding, int... bytes) {
    List<Piece> p = eval(encoding, new ByteBuilder().u8(bytes).u8(STACK_VALUE)).pieces();
    return ((ValueLocation.Value) p.get(0).location()).value();
  }

  private long valueOf(int... bytes) {
    return valueOf(E64, bytes);
  }

  private ExpressionException fails(Encoding encoding, long offset, String message,
      int... bytes) {
    Evaluation ev = new Evaluation(encoding);
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> target.run(ev, ev.evaluate(Expression.of(new ByteBuilder().u8(bytes).toArray()))));
    assertEquals(offset, e.offset(), e.getMessage());
    assertEquals(message + " in DWARF expression at 0x" + Long.toHexString(offset),
        e.getMessage());
    return e;
  }

  @Test
  void emptyExpressionIsOptimizedAway() {
    assertEquals(whole(new ValueLocation.Empty()), pieces());
  }

  @Test
  void addr() {
    assertEquals(memory(0x1122334455667788L),
        pieces(0x03, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11));
    assertEquals(memory(0x80001234L),
        eval(E32, new ByteBuilder().u8(0x03).u32(0x80001234L)).pieces());
  }

  @Test
  void constants() {
    assertEquals(0xff, valueOf(0x08, 0xff));
    assertEquals(-1, valueOf(0x09, 0xff));
    assertEquals(0xfffe, valueOf(0x0a, 0xfe, 0xff));
    assertEquals(-2, valueOf(0x0b, 0xfe, 0xff));
    assertEquals(0xfffffffdL, valueOf(0x0c, 0xfd, 0xff, 0xff, 0xff));
    assertEquals(-3, valueOf(0x0d, 0xfd, 0xff, 0xff, 0xff));
    assertEquals(0x0102030405060708L, valueOf(0x0e, 8, 7, 6, 5, 4, 3, 2, 1));
    assertEquals(-4, valueOf(0x0f, 0xfc, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
    assertEquals(624485, valueOf(0x10, 0xe5, 0x8e, 0x26));
    assertEquals(-123456, valueOf(0x11, 0xc0, 0xbb, 0x78));
    assertEquals(0xffffffffL, valueOf(E32, 0x09, 0xff)); // generic type is 32 bits wide
  }

  @Test
  void literals() {
    for (int i = 0; i < 32; i++) {
      assertEquals(i, valueOf(0x30 + i));
    }
  }

  @Test
  void registers() {
    for (int i = 0; i < 32; i++) {
      assertEquals(whole(new ValueLocation.Register(i)), pieces(0x50 + i));
    }
    assertEquals(whole(new ValueLocation.Register(300)), pieces(0x90, 0xac, 0x02));
  }

  @Test
  void baseRegisters() {
    for (int i = 0; i < 32; i++) {
      target.requests.clear();
      assertEquals(memory(0x1000 + i - 8), pieces(0x70 + i, 0x78));
      assertEquals(List.of(new EvalStep.NeedsRegister(i)), target.requests);
    }
    assertEquals(memory(0x1000 + 300 + 16), pieces(0x92, 0xac, 0x02, 0x10));
    assertEquals(memory(0x7000 - 24), pieces(0x91, 0x68));
    assertEquals(new EvalStep.NeedsFrameBase(), target.requests.get(target.requests.size() - 1));
  }

  @Test
  void stackOperations() {
    assertEquals(14, valueOf(0x37, 0x12, 0x22)); // lit7 dup plus
    assertEquals(7, valueOf(0x37, 0x33, 0x13)); // lit7 lit3 drop
    assertEquals(-4, valueOf(0x37, 0x33, 0x14, 0x1c)); // lit7 lit3 over minus: 3 - 7
    assertEquals(1, valueOf(0x31, 0x32, 0x33, 0x15, 2)); // pick 2
    assertEquals(-4, valueOf(0x37, 0x33, 0x16, 0x1c)); // lit7 lit3 swap minus: 3 - 7
    // rot: [1 2 3] -> [3 1 2]
    assertEquals(2, valueOf(0x31, 0x32, 0x33, 0x17));
    assertEquals(1, valueOf(0x31, 0x32, 0x33, 0x17, 0x13));
    assertEquals(3, valueOf(0x31, 0x32, 0x33, 0x17, 0x13, 0x13));
  }

  @Test
  void arithmetic() {
    assertEquals(5, valueOf(0x11, 0x7b, 0x19)); // consts -5 abs
    assertEquals(8, valueOf(0x3c, 0x3a, 0x1a)); // and
    assertEquals(-3, valueOf(0x11, 0x79, 0x32, 0x1b)); // -7 / 2, signed
    assertEquals(-2, valueOf(0x33, 0x35, 0x1c)); // minus
    assertEquals(1, valueOf(0x37, 0x33, 0x1d)); // 7 mod 3
    assertEquals(1, valueOf(0x11, 0x7f, 0x37, 0x1d)); // (2^64 - 1) mod 7: unsigned
    assertEquals(42, valueOf(0x36, 0x37, 0x1e)); // mul
    assertEquals(-5, valueOf(0x35, 0x1f)); // neg
    assertEquals(0xfffffffbL, valueOf(E32, 0x35, 0x1f));
    assertEquals(-1, valueOf(0x30, 0x20)); // not
    assertEquals(0xffffffffL, valueOf(E32, 0x30, 0x20));
    assertEquals(0xf, valueOf(0x3c, 0x33, 0x21)); // or
    assertEquals(5, valueOf(0x32, 0x33, 0x22)); // plus
    assertEquals(0x102, valueOf(0x32, 0x23, 0x80, 0x02)); // plus_uconst 0x100
    assertEquals(16, valueOf(0x31, 0x34, 0x24)); // shl
    assertEquals(0, valueOf(0x31, 0x08, 64, 0x24));
    assertEquals(0, valueOf(E32, 0x31, 0x08, 32, 0x24));
    assertEquals(0x3ffffffffffffffcL, valueOf(0x11, 0x70, 0x32, 0x25)); // -16 shr 2
    assertEquals(0x3ffffffcL, valueOf(E32, 0x11, 0x70, 0x32, 0x25));
    assertEquals(-4, valueOf(0x11, 0x70, 0x32, 0x26)); // -16 shra 2
    assertEquals(0xfffffffcL, valueOf(E32, 0x11, 0x70, 0x32, 0x26));
    assertEquals(-1, valueOf(0x11, 0x70, 0x08, 100, 0x26));
    assertEquals(6, valueOf(0x3c, 0x3a, 0x27)); // xor
    assertEquals(0x80000000L, valueOf(E32, 0x0c, 0xff, 0xff, 0xff, 0x7f, 0x31, 0x22)); // wraps
  }

  @Test
  void relationalOperationsAreSigned() {
    int[][] ops = {{0x29, 0, 0, 1}, {0x2a, 0, 1, 1}, {0x2b, 0, 1, 0}, {0x2c, 1, 0, 1},
        {0x2d, 1, 0, 0}, {0x2e, 1, 1, 0}}; // op, -1 op 1, 1 op -1, 1 op 1
    for (int[] op : ops) {
      assertEquals(op[1], valueOf(0x11, 0x7f, 0x31, op[0]), "op " + new DwOp(op[0]));
      assertEquals(op[2], valueOf(0x31, 0x11, 0x7f, op[0]), "op " + new DwOp(op[0]));
      assertEquals(op[3], valueOf(0x31, 0x31, op[0]), "op " + new DwOp(op[0]));
      assertEquals(op[1], valueOf(E32, 0x0c, 0xff, 0xff, 0xff, 0xff, 0x31, op[0]));
    }
  }

  @Test
  void skipAndBra() {
    assertEquals(4, valueOf(0x31, 0x2f, 0x01, 0x00, 0x32, 0x33, 0x22)); // lit2 skipped
    assertEquals(7, valueOf(0x30, 0x28, 0x01, 0x00, 0x37)); // bra not taken
    assertEquals(9, valueOf(0x31, 0x28, 0x01, 0x00, 0x37, 0x39)); // bra taken over lit7
    // Count down from 5, adding to an accumulator: acc=0 n=5; loop: acc+=n; n--; bra n.
    assertEquals(15, valueOf(0x30, 0x35, // acc n
        0x16, 0x14, 0x22, 0x16, // n acc+n -> swap to acc' n  (over plus swap)
        0x31, 0x1c, 0x12, // n-1 dup
        0x28, 0xf6, 0xff, // bra back to the swap at offset 2
        0x13)); // drop n, leaving acc
  }

  @Test
  void braLoopExhaustsTheStepBudget() {
    Evaluation ev = new Evaluation(E64).maxSteps(100);
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> ev.evaluate(Expression.of((byte) 0x2f, (byte) 0xfd, (byte) 0xff)));
    assertEquals("DW_OP_skip: step budget of 100 operations exhausted in DWARF expression at 0x0",
        e.getMessage());
    assertEquals(DwOp.DW_OP_skip, e.op());
    fails(E64, 1, "DW_OP_bra: branch target 104 outside the expression of 4 bytes",
        0x31, 0x28, 100, 0);
    fails(E64, 0, "DW_OP_skip: branch target -7 outside the expression of 3 bytes",
        0x2f, 0xf6, 0xff);
  }

  @Test
  void callFrameCfaAndDeref() {
    assertEquals(memory(0x8000), pieces(0x9c));
    assertEquals(List.of(new EvalStep.NeedsCfa()), target.requests);
    target.requests.clear();
    assertEquals(memory(0x1008), pieces(0x77, 0x00, 0x06)); // breg7 0; deref
    assertEquals(List.of(new EvalStep.NeedsRegister(7), new EvalStep.NeedsMemory(0x1007, 8)),
        target.requests);
    target.memory.put(0x1007L, 0x123456L);
    assertEquals(memory(0x3456), pieces(0x77, 0x00, 0x94, 2)); // deref_size 2 masks the answer
    target.memory.put(0x1007L, -1L);
    assertEquals(whole(new ValueLocation.Memory(0xffffffffL)),
        eval(E32, new ByteBuilder().u8(0x77, 0x00, 0x06)).pieces());
    assertEquals(new EvalStep.NeedsMemory(0x1007, 4),
        target.requests.get(target.requests.size() - 1));
    fails(E64, 2, "DW_OP_deref_size: size 0 is not between 1 and the address size 8",
        0x77, 0x00, 0x94, 0);
    fails(E32, 2, "DW_OP_deref_size: size 8 is not between 1 and the address size 4",
        0x77, 0x00, 0x94, 8);
    fails(E64, 1, "DW_OP_xderef: address spaces are not supported", 0x30, 0x18);
    fails(E64, 1, "DW_OP_xderef_size: address spaces are not supported", 0x30, 0x95, 1);
  }

  @Test
  void compositeLocations() {
    ByteBuffer two = ByteBuffer.wrap(new byte[] {(byte) 0xaa, (byte) 0xbb});
    assertEquals(List.of(
        new Piece(new ValueLocation.Register(0), OptionalLong.of(32), 0),
        new Piece(new ValueLocation.Memory(0x1001), OptionalLong.of(32), 0),
        new Piece(new ValueLocation.Empty(), OptionalLong.of(16), 0),
        new Piece(new ValueLocation.Value(5), OptionalLong.of(8), 0),
        new Piece(new ValueLocation.ImplicitValue(two), OptionalLong.of(16), 0),
        new Piece(new ValueLocation.Register(3), OptionalLong.of(5), 3)),
        pieces(0x50, 0x93, 4, // reg0 piece 4
            0x71, 0, 0x93, 4, // breg1 0 piece 4
            0x93, 2, // piece 2: optimized away
            0x35, 0x9f, 0x93, 1, // lit5 stack_value piece 1
            0x9e, 2, 0xaa, 0xbb, 0x93, 2, // implicit_value piece 2
            0x53, 0x9d, 5, 3)); // reg3 bit_piece 5 3
  }

  @Test
  void implicitValuesAndPointers() {
    assertEquals(whole(new ValueLocation.ImplicitValue(ByteBuffer.wrap(new byte[] {1, 2, 3}))),
        pieces(0x9e, 3, 1, 2, 3));
    assertEquals(whole(new ValueLocation.ImplicitPointer(0x1234, -2)),
        pieces(0xa0, 0x34, 0x12, 0, 0, 0x7e));
    assertEquals(whole(new ValueLocation.ImplicitPointer(0x1234, 8)),
        pieces(0xf2, 0x34, 0x12, 0, 0, 0x08));
    assertEquals(whole(new ValueLocation.ImplicitPointer(0x1234, 0)),
        eval(new Encoding(8, 4, 2), new ByteBuilder().u8(0xf2).u64(0x1234).u8(0)).pieces());
    assertEquals(whole(new ValueLocation.ImplicitPointer(0x1234, 0)),
        eval(new Encoding(8, 8, 5), new ByteBuilder().u8(0xa0).u64(0x1234).u8(0)).pieces());
  }

  @Test
  void entryValues() {
    for (int op : new int[] {0xa3, 0xf3}) {
      target.requests.clear();
      assertEquals(0xc001, valueOf(op, 1, 0x55, 0x23, 1)); // entry_value {reg5}; plus_uconst 1
      assertEquals(List.of(new EvalStep.NeedsEntryValue(Expression.of((byte) 0x55))),
          target.requests);
    }
  }

  @Test
  void addressIndexes() {
    assertEquals(memory(0x9003), pieces(0xa1, 3)); // addrx
    assertEquals(0x9005, valueOf(0xa2, 5)); // constx
    assertEquals(memory(0x9080), pieces(0xfb, 0x80, 0x01)); // GNU_addr_index
    assertEquals(0x9002, valueOf(0xfc, 2)); // GNU_const_index
    assertEquals(new EvalStep.NeedsAddressIndex(2), target.requests.get(3));
  }

  @Test
  void objectAndTlsAddresses() {
    assertEquals(memory(0xb008), pieces(0x97, 0x23, 8));
    assertEquals(memory(0xa010), pieces(0x08, 0x10, 0x9b)); // form_tls_address
    assertEquals(memory(0xa020), pieces(0x08, 0x20, 0xe0)); // GNU_push_tls_address
    assertEquals(List.of(new EvalStep.NeedsObjectAddress(), new EvalStep.NeedsTlsAddress(0x10),
        new EvalStep.NeedsTlsAddress(0x20)), target.requests);
  }

  @Test
  void calls() {
    target.callees.put(0x40L, Expression.of((byte) 0x34, (byte) 0x22)); // lit4 plus
    assertEquals(7, valueOf(0x33, 0x98, 0x40, 0x00)); // lit3 call2
    assertEquals(7, valueOf(0x33, 0x99, 0x40, 0, 0, 0)); // call4
    assertEquals(7, valueOf(0x33, 0x9a, 0x40, 0, 0, 0)); // call_ref
    assertEquals(3, valueOf(0x33, 0x98, 0x41, 0x00)); // a DIE without a location: no-op
    assertEquals(List.of(new EvalStep.NeedsCallee(0x40, true), new EvalStep.NeedsCallee(0x40, true),
        new EvalStep.NeedsCallee(0x40, false), new EvalStep.NeedsCallee(0x41, true)),
        target.requests);
    target.callees.put(0x50L, Expression.of((byte) 0x98, (byte) 0x50, (byte) 0x00));
    fails(E64, 0, "DW_OP_call2: calls nested deeper than 32", 0x98, 0x50, 0x00);
  }

  @Test
  void nopsAndInitialValue() {
    assertEquals(3, valueOf(0x96, 0x33, 0xf0, 0x96));
    Evaluation ev = new Evaluation(E64);
    EvalStep.Done done = target.run(ev, ev.evaluate(Expression.of((byte) 0x23, (byte) 8), 0x100));
    assertEquals(memory(0x108), done.pieces());
    assertEquals(OptionalLong.of(0x108), done.address());
    assertEquals(OptionalLong.empty(), new EvalStep.Done(value(1)).address());
  }

  @Test
  void rejectedOperations() {
    fails(E64, 0, "DW_OP_xderef_type: address spaces are not supported", 0xa7);
    fails(E64, 0, "DW_OP_GNU_variable_value: unsupported GNU extension", 0xfd);
    fails(E64, 0, "DW_OP_GNU_parameter_ref: unsupported GNU extension", 0xfa);
    fails(E64, 0, "DW_OP_GNU_encoded_addr: unsupported GNU extension", 0xf1);
    fails(E64, 1, "DwOp(0x1): unknown operation", 0x96, 0x01);
  }

  @Test
  void malformedExpressions() {
    fails(E64, 0, "DW_OP_plus: stack underflow", 0x22);
    fails(E64, 2, "DW_OP_div: division by zero", 0x31, 0x30, 0x1b);
    fails(E64, 2, "DW_OP_mod: division by zero", 0x31, 0x30, 0x1d);
    fails(E64, 1, "DW_OP_pick: stack underflow: no entry 5 below the top of 1", 0x31, 0x15, 5);
    fails(E64, 0, "DW_OP_const8u: truncated or invalid operand", 0x0e, 1, 2);
    fails(E64, 0, "DW_OP_implicit_value: truncated or invalid operand", 0x9e, 9, 1);
    fails(E64, 1, "DW_OP_lit1: a location description must end the expression or be followed"
        + " by a piece", 0x50, 0x31);
    fails(E64, 4, "DW_OP_reg1: the last piece of a composite location has no DW_OP_piece",
        0x50, 0x93, 4, 0x51);
    int[] deep = new int[Evaluation.MAX_STACK_DEPTH + 1];
    java.util.Arrays.fill(deep, 0x30);
    fails(E64, Evaluation.MAX_STACK_DEPTH, "DW_OP_lit0: stack deeper than 1024 entries", deep);
    fails(E64, 0, "DW_OP_regx: register number 18446744073709551615 out of range",
        0x90, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
  }

  @Test
  void resumingOutOfTurnIsAnError() {
    Evaluation ev = new Evaluation(E64);
    EvalStep step = ev.evaluate(Expression.of((byte) 0x70, (byte) 0));
    assertEquals(new EvalStep.NeedsRegister(0), step);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ev.resumeWithMemory(1));
    assertEquals("evaluation is waiting for REGISTER, not MEMORY", e.getMessage());
    assertEquals(memory(5), ((EvalStep.Done) ev.resumeWithRegister(5)).pieces());
    assertThrows(IllegalStateException.class, () -> ev.resumeWithRegister(5));
  }

  @Test
  void evaluatorIsReusable() {
    Evaluation ev = new Evaluation(E64);
    assertThrows(ExpressionException.class, () -> ev.evaluate(Expression.of((byte) 0x22)));
    assertTrue(ev.evaluate(Expression.of((byte) 0x31)) instanceof EvalStep.Done);
  }

  @Test
  void opNames() {
    assertEquals("DW_OP_call_frame_cfa", new DwOp(0x9c).toString());
    assertEquals("DW_OP_lit31", DwOp.DW_OP_lit31.toString());
    assertEquals("DW_OP_GNU_push_tls_address", new DwOp(0xe0).toString());
    assertEquals("DwOp(0xe5)", new DwOp(0xe5).toString());
    assertEquals("DW_CFA_def_cfa_offset_sf",
        org.dlv4j.dwarf.constants.DwCfa.DW_CFA_def_cfa_offset_sf.toString());
  }
}
