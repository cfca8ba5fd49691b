package org.dlv4j.dwarf.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwOp;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * A resumable evaluator of DWARF expressions and location descriptions (DWARF 5 §2.5, §2.6).
 * It never touches a process: when it needs a register, memory, the frame base or another
 * fact about the target it returns an {@link EvalStep} saying so, and the caller answers
 * with the matching {@code resumeWith...} method.
 *
 * <pre>{@code
 * Evaluation ev = new Evaluation(Encoding.AMD64_DWARF5);
 * EvalStep step = ev.evaluate(expression);
 * while (!(step instanceof EvalStep.Done done)) {
 *   if (step instanceof EvalStep.NeedsRegister r) {
 *     step = ev.resumeWithRegister(registers.get(r.register()));
 *   } else if (step instanceof EvalStep.NeedsMemory m) {
 *     step = ev.resumeWithMemory(memory.read(m.address(), m.size()));
 *   } else if (step instanceof EvalStep.NeedsCfa) {
 *     step = ev.resumeWithCfa(cfa);
 *   } else {
 *     throw new IllegalStateException("cannot answer " + step);
 *   }
 * }
 * List<Piece> pieces = done.pieces();
 * }</pre>
 *
 * <p>Stack entries are of the generic type (integers of the address size with wrap-around
 * arithmetic; division and comparisons treat them as signed) unless a typed operation
 * ({@code DW_OP_const_type}, {@code regval_type}, {@code deref_type}, {@code convert},
 * {@code reinterpret}) gives them a base type, which the evaluator asks for with
 * {@link EvalStep.NeedsBaseType}; integral types of up to 8 bytes and 4- and 8-byte floats are
 * supported. Every evaluation is bounded by a step budget (so a {@code DW_OP_bra} loop ends
 * with an error) and by a stack-depth cap. Address spaces ({@code DW_OP_xderef*}) and the GNU
 * parameter/variable references are rejected with an {@link ExpressionException}.
 *
 * <p>Not thread-safe. One instance may be reused for any number of evaluations; each
 * {@link #evaluate(Expression)} discards the previous state.
 */
public final class Evaluation {
  /** The default number of operations one evaluation may execute. */
  public static final int DEFAULT_MAX_STEPS = 10_000;
  /** The most values the stack may hold. */
  public static final int MAX_STACK_DEPTH = 1024;
  /** How deeply {@code DW_OP_call*} may nest. */
  public static final int MAX_CALL_DEPTH = 32;

  /** What the evaluation waits for; the state machine of the resume methods. */
  private enum Wait { NOTHING, MEMORY, REGISTER, FRAME_BASE, CFA, ADDRESS, TLS, OBJECT, ENTRY_VALUE,
    CALLEE, BASE_TYPE, DONE, FAILED }

  private final Encoding encoding;
  private final int addressSize;
  private final BaseType generic;
  private int maxSteps = DEFAULT_MAX_STEPS;

  private long[] stack = new long[16];
  private BaseType[] types = new BaseType[16];
  private int depth;
  private ByteCursor code;
  private final ArrayDeque<ByteCursor> callers = new ArrayDeque<>();
  private final List<Piece> pieces = new ArrayList<>();
  /** The location set by a register, value or implicit operation; null while there is none. */
  private ValueLocation location;
  private int steps;
  private int op;
  private int opOffset;
  private Wait wait = Wait.NOTHING;
  /** Added to (REGISTER, FRAME_BASE) or the width of (MEMORY) the answer awaited. */
  private long pendingOperand;
  /** The request the last operation made. */
  private EvalStep request;
  /** For a typed operation waiting for its base type: the size operand. */
  private int pendingSize;
  /** The type of the register or memory value awaited; null for the generic type. */
  private BaseType pendingType;

  /**
   * Creates an evaluator for expressions of units with this encoding.
   *
   * @param encoding the address size, offset size and version of the expressions' unit
   */
  public Evaluation(Encoding encoding) {
    this.encoding = encoding;
    this.addressSize = encoding.addressSize();
    this.generic = BaseType.generic(addressSize);
  }

  /**
   * Sets how many operations one evaluation may execute before it fails.
   *
   * @param maxSteps the budget, at least 1
   * @return this evaluator
   */
  public Evaluation maxSteps(int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps " + maxSteps);
    }
    this.maxSteps = maxSteps;
    return this;
  }

  /**
   * Starts evaluating {@code expression} with an empty stack.
   *
   * @param expression the expression
   * @return the first request, or the result
   * @throws ExpressionException if the expression is malformed or unsupported
   */
  public EvalStep evaluate(Expression expression) {
    reset(expression);
    return run();
  }

  /**
   * Starts evaluating {@code expression} with {@code initialValue} on the stack, as
   * {@code DW_AT_data_member_location} and {@code DW_AT_use_location} require.
   *
   * @param expression the expression
   * @param initialValue the value pushed first, e.g. the address of the enclosing object
   * @return the first request, or the result
   * @throws ExpressionException if the expression is malformed or unsupported
   */
  public EvalStep evaluate(Expression expression, long initialValue) {
    reset(expression);
    push(initialValue);
    return run();
  }

  /**
   * Answers {@link EvalStep.NeedsMemory} with the bytes read, as a little-endian value.
   *
   * @param value the bytes read; bits beyond the requested size are ignored
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for memory
   * @throws ExpressionException if the rest of the expression fails
   */
  public EvalStep resumeWithMemory(long value) {
    expect(Wait.MEMORY);
    long bytes = pendingOperand == 8 ? value : value & ((1L << (8 * pendingOperand)) - 1);
    pushTyped(bytes, takePendingType());
    return run();
  }

  /**
   * Answers {@link EvalStep.NeedsRegister} with the register's value.
   *
   * @param value the register's contents
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for a register
   * @throws ExpressionException if the rest of the expression fails
   */
  public EvalStep resumeWithRegister(long value) {
    expect(Wait.REGISTER);
    pushTyped(value + pendingOperand, takePendingType()); // regval_type asks with offset 0
    return run();
  }

  /**
   * Answers {@link EvalStep.NeedsFrameBase}.
   *
   * @param frameBase the value of the function's frame base
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for the frame base
   * @throws ExpressionException if the rest of the expression fails
   */
  public EvalStep resumeWithFrameBase(long frameBase) {
    expect(Wait.FRAME_BASE);
    push(frameBase + pendingOperand);
    return run();
  }

  /**
   * Answers {@link EvalStep.NeedsCfa}.
   *
   * @param cfa the canonical frame address of the current frame
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for the CFA
   * @throws ExpressionException if the rest of the expression fails
   */
  public EvalStep resumeWithCfa(long cfa) {
    return answer(Wait.CFA, cfa);
  }

  /**
   * Answers {@link EvalStep.NeedsAddressIndex} with the {@code .debug_addr} entry.
   *
   * @param address the entry's value
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for an address
   * @throws ExpressionException if the rest of the expression fails
   */
  public EvalStep resumeWithAddress(long address) {
    return answer(Wait.ADDRESS, address);
  }

  /**
   * Answers {@link EvalStep.NeedsTlsAddress}.
   *
   * @param address the thread-local variable's address in the current thread
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for a TLS address
   * @throws ExpressionException if the rest of the expression fails
   */
  public EvalStep resumeWithTlsAddress(long address) {
    return answer(Wait.TLS, address);
  }

  /**
   * Answers {@link EvalStep.NeedsObjectAddress}.
   *
   * @param address the address of the object being described
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for the object address
   * @throws ExpressionException if the rest of the expression fails
   */
  public EvalStep resumeWithObjectAddress(long address) {
    return answer(Wait.OBJECT, address);
  }

  /**
   * Answers {@link EvalStep.NeedsEntryValue}.
   *
   * @param value the value the entry expression had on entry to the function
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for an entry value
   * @throws ExpressionException if the rest of the expression fails
   */
  public EvalStep resumeWithEntryValue(long value) {
    return answer(Wait.ENTRY_VALUE, value);
  }

  /**
   * Answers {@link EvalStep.NeedsCallee}: the callee's expression runs on the same stack, then
   * the caller's continues (DWARF 5 §2.5.1.5). Error offsets inside it are relative to it.
   *
   * @param callee the DIE's {@code DW_AT_location} expression, or empty if it has none
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for a callee
   * @throws ExpressionException if the calls nest too deeply or the rest of the expression
   *     fails
   */
  public EvalStep resumeWithCallee(Expression callee) {
    expect(Wait.CALLEE);
    if (!callee.isEmpty()) {
      if (callers.size() >= MAX_CALL_DEPTH) {
        throw fail("calls nested deeper than " + MAX_CALL_DEPTH);
      }
      callers.push(code);
      code = new ByteCursor(callee.buffer(), ExpressionException.WHERE);
    }
    return run();
  }

  /**
   * Answers {@link EvalStep.NeedsBaseType} with the base type's encoding and size.
   *
   * @param type the {@code DW_AT_encoding} and {@code DW_AT_byte_size} of the DIE
   * @return the next request, or the result
   * @throws IllegalStateException if the evaluation is not waiting for a base type
   * @throws ExpressionException if the type does not fit the operation (a size mismatch, a
   *     reinterpretation that changes the size) or the rest of the expression fails
   */
  public EvalStep resumeWithBaseType(BaseType type) {
    expect(Wait.BASE_TYPE);
    try {
      switch (op) {
        case 0xa4: case 0xf4: // const_type
          requireSize(pendingSize == type.byteSize(), type);
          pushTyped(pendingOperand, type);
          break;
        case 0xa5: case 0xf5: // regval_type
          pendingType = type;
          ask(Wait.REGISTER, 0, new EvalStep.NeedsRegister((int) pendingOperand));
          return request;
        case 0xa6: case 0xf6: // deref_type
          requireSize(pendingSize <= type.byteSize(), type);
          pendingType = type;
          ask(Wait.MEMORY, pendingSize, new EvalStep.NeedsMemory(pendingOperand, pendingSize));
          return request;
        case 0xa8: case 0xf7: convertTop(type); break; // convert
        default: reinterpretTop(type); // reinterpret
      }
    } catch (ExpressionException e) {
      wait = Wait.FAILED;
      throw e;
    }
    return run();
  }

  /** Returns the type of the awaited register or memory value (generic if none) and clears it. */
  private BaseType takePendingType() {
    BaseType type = pendingType != null ? pendingType : generic;
    pendingType = null;
    return type;
  }

  private void reset(Expression expression) {
    code = new ByteCursor(expression.buffer(), ExpressionException.WHERE);
    callers.clear();
    pieces.clear();
    location = null;
    depth = 0;
    steps = 0;
    wait = Wait.NOTHING;
    pendingType = null;
  }

  private void expect(Wait what) {
    if (wait != what) {
      throw new IllegalStateException("evaluation is waiting for " + wait + ", not " + what);
    }
    wait = Wait.NOTHING;
  }

  private EvalStep answer(Wait what, long value) {
    expect(what);
    push(value);
    return run();
  }

  private EvalStep run() {
    try {
      while (true) {
        if (code.atEnd()) {
          if (callers.isEmpty()) {
            return finish();
          }
          code = callers.pop();
          continue;
        }
        opOffset = code.position();
        op = code.u8();
        if (++steps > maxSteps) {
          throw fail("step budget of " + maxSteps + " operations exhausted");
        }
        if (execute()) {
          return request;
        }
      }
    } catch (ExpressionException e) {
      wait = Wait.FAILED;
      throw e;
    } catch (BinaryFormatException e) {
      wait = Wait.FAILED;
      throw new ExpressionException(new DwOp(op), "truncated or invalid operand", opOffset, e);
    }
  }

  /** Executes the operation {@link #op}; true if it made a {@link #request} to return. */
  private boolean execute() {
    if (location != null && op != 0x93 && op != 0x9d) {
      throw fail("a location description must end the expression or be followed by a piece");
    }
    if (op >= 0x30 && op <= 0x4f) { // DW_OP_lit0..31
      push(op - 0x30);
      return false;
    }
    if (op >= 0x50 && op <= 0x6f) { // DW_OP_reg0..31
      location = new ValueLocation.Register(op - 0x50);
      return false;
    }
    if (op >= 0x70 && op <= 0x8f) { // DW_OP_breg0..31
      return ask(Wait.REGISTER, code.sleb(), new EvalStep.NeedsRegister(op - 0x70));
    }
    switch (op) {
      case 0x03: push(code.unsigned(addressSize)); return false; // addr
      case 0x08: push(code.u8()); return false; // const1u
      case 0x09: push(code.s8()); return false; // const1s
      case 0x0a: push(code.u16()); return false; // const2u
      case 0x0b: push(code.s16()); return false; // const2s
      case 0x0c: push(code.u32()); return false; // const4u
      case 0x0d: push(code.s32()); return false; // const4s
      case 0x0e: case 0x0f: push(code.u64()); return false; // const8u, const8s
      case 0x10: push(code.uleb()); return false; // constu
      case 0x11: push(code.sleb()); return false; // consts
      case 0x12: pick(0); return false; // dup
      case 0x13: pop(); return false; // drop
      case 0x14: pick(1); return false; // over
      case 0x15: pick(code.u8()); return false; // pick
      case 0x16: swap(); return false; // swap
      case 0x17: rot(); return false; // rot
      case 0x06: return deref(addressSize); // deref
      case 0x94: return deref(code.u8()); // deref_size
      case 0x19: case 0x1f: case 0x20: // abs, neg, not
        unary();
        return false;
      case 0x1a: case 0x1b: case 0x1c: case 0x1d: case 0x1e: case 0x21: case 0x22: case 0x24:
      case 0x25: case 0x26: case 0x27: case 0x29: case 0x2a: case 0x2b: case 0x2c: case 0x2d:
      case 0x2e:
        binary();
        return false;
      case 0x23: plusUconst(code.uleb()); return false; // plus_uconst
      case 0x2f: jump(code.s16()); return false; // skip
      case 0x28: bra(); return false; // bra
      case 0x90: location = new ValueLocation.Register(register(code.uleb())); return false; // regx
      case 0x91: return ask(Wait.FRAME_BASE, code.sleb(), new EvalStep.NeedsFrameBase()); // fbreg
      case 0x92: return bregx(); // bregx
      case 0x93: piece(pieceBits(code.uleb()), 0); return false; // piece
      case 0x9d: piece(code.uleb(), code.uleb()); return false; // bit_piece
      case 0x96: case 0xf0: return false; // nop, GNU_uninit
      case 0x97: // push_object_address
        return ask(Wait.OBJECT, 0, new EvalStep.NeedsObjectAddress());
      case 0x98: return call(code.u16(), true); // call2
      case 0x99: return call(code.u32(), true); // call4
      case 0x9a: return call(code.unsigned(referenceSize()), false); // call_ref
      case 0x9b: case 0xe0: // form_tls_address, GNU_push_tls_address
        return ask(Wait.TLS, 0, new EvalStep.NeedsTlsAddress(pop()));
      case 0x9c: return ask(Wait.CFA, 0, new EvalStep.NeedsCfa()); // call_frame_cfa
      case 0x9e: // implicit_value
        location = new ValueLocation.ImplicitValue(code.view(code.ulebInt()));
        return false;
      case 0x9f: location = new ValueLocation.Value(pop()); return false; // stack_value
      case 0xa0: case 0xf2: // implicit_pointer, GNU_implicit_pointer
        location = new ValueLocation.ImplicitPointer(code.unsigned(referenceSize()), code.sleb());
        return false;
      case 0xa1: case 0xa2: case 0xfb: case 0xfc: // addrx, constx, GNU_addr_index, GNU_const_index
        return ask(Wait.ADDRESS, 0, new EvalStep.NeedsAddressIndex(code.uleb()));
      case 0xa3: case 0xf3: // entry_value, GNU_entry_value
        Expression entry = Expression.view(code.view(code.ulebInt()));
        return ask(Wait.ENTRY_VALUE, 0, new EvalStep.NeedsEntryValue(entry));
      case 0xa4: case 0xf4: return constType(code.uleb(), code.u8()); // const_type
      case 0xa5: case 0xf5: // regval_type
        int regval = register(code.uleb());
        return askType(code.uleb(), regval, 0);
      case 0xa6: case 0xf6: return derefType(code.u8(), code.uleb()); // deref_type
      case 0xa8: case 0xf7: case 0xa9: case 0xf9: // convert, reinterpret
        return retype(code.uleb());
      case 0x18: case 0x95: case 0xa7:
        throw fail("address spaces are not supported");
      case 0xf1: case 0xfa: case 0xfd:
        throw fail("unsupported GNU extension");
      default:
        throw fail("unknown operation");
    }
  }

  private boolean ask(Wait what, long operand, EvalStep step) {
    wait = what;
    pendingOperand = operand;
    request = step;
    return true;
  }

  private boolean askType(long dieOffset, long operand, int size) {
    pendingSize = size;
    return ask(Wait.BASE_TYPE, operand, new EvalStep.NeedsBaseType(dieOffset));
  }

  private boolean constType(long dieOffset, int size) {
    if (size < 1 || size > 8) {
      throw fail("typed constants of " + size + " bytes are not supported");
    }
    long value = 0;
    for (int i = 0; i < size; i++) {
      value |= (long) code.u8() << (8 * i);
    }
    return askType(dieOffset, value, size);
  }

  private boolean derefType(int size, long dieOffset) {
    if (size < 1 || size > 8) {
      throw fail("typed loads of " + size + " bytes are not supported");
    }
    return askType(dieOffset, pop(), size);
  }

  /** DW_OP_convert and DW_OP_reinterpret; type 0 means the generic type. */
  private boolean retype(long dieOffset) {
    if (dieOffset != 0) {
      topType(); // fail on an empty stack before asking
      return askType(dieOffset, 0, 0);
    }
    if (op == 0xa8 || op == 0xf7) {
      convertTop(generic);
    } else {
      reinterpretTop(generic);
    }
    return false;
  }

  private void convertTop(BaseType to) {
    BaseType from = topType();
    pushTyped(Arithmetic.convert(pop(), from, to), to);
  }

  private void reinterpretTop(BaseType to) {
    requireSize(topType().byteSize() == to.byteSize(), to);
    pushTyped(pop(), to);
  }

  private void requireSize(boolean ok, BaseType type) {
    if (!ok) {
      throw fail("size does not match the base type " + type);
    }
  }

  private boolean deref(int size) {
    if (size < 1 || size > addressSize) {
      throw fail("size " + size + " is not between 1 and the address size " + addressSize);
    }
    long address = pop();
    return ask(Wait.MEMORY, size, new EvalStep.NeedsMemory(address, size));
  }

  private boolean bregx() {
    int register = register(code.uleb());
    return ask(Wait.REGISTER, code.sleb(), new EvalStep.NeedsRegister(register));
  }

  private boolean call(long dieOffset, boolean unitRelative) {
    return ask(Wait.CALLEE, 0, new EvalStep.NeedsCallee(dieOffset, unitRelative));
  }

  /** DW_OP_call_ref and implicit_pointer operands: offset-sized, address-sized in DWARF 2. */
  private int referenceSize() {
    return encoding.version() <= 2 ? addressSize : encoding.offsetSize();
  }

  private int register(long number) {
    if (number < 0 || number > Integer.MAX_VALUE) {
      throw fail("register number " + Long.toUnsignedString(number) + " out of range");
    }
    return (int) number;
  }

  private long pieceBits(long bytes) {
    if (bytes < 0 || bytes > Long.MAX_VALUE / 8) {
      throw fail("piece size " + Long.toUnsignedString(bytes) + " out of range");
    }
    return bytes * 8;
  }

  private void piece(long sizeInBits, long bitOffset) {
    pieces.add(new Piece(takeLocation(), OptionalLong.of(sizeInBits), bitOffset));
  }

  /** The location just described: an explicit one, else memory at the top of the stack. */
  private ValueLocation takeLocation() {
    ValueLocation result;
    if (location != null) {
      result = location;
    } else if (depth > 0) {
      result = new ValueLocation.Memory(pop());
    } else {
      result = new ValueLocation.Empty();
    }
    location = null;
    return result;
  }

  private EvalStep finish() {
    wait = Wait.DONE;
    if (pieces.isEmpty()) {
      return new EvalStep.Done(List.of(Piece.whole(takeLocation())));
    }
    if (location != null) {
      opOffset = code.position();
      throw fail("the last piece of a composite location has no DW_OP_piece");
    }
    return new EvalStep.Done(pieces);
  }

  private void unary() {
    BaseType type = requireArithmetic(topType());
    pushTyped(Arithmetic.unary(op, pop(), type), type);
  }

  private void plusUconst(long constant) {
    BaseType type = requireArithmetic(topType());
    pushTyped(Arithmetic.binary(0x22, pop(), type.normalize(constant), type), type);
  }

  private void binary() {
    BaseType typeB = topType();
    long b = pop();
    BaseType type = requireArithmetic(topType());
    boolean shift = op >= 0x24 && op <= 0x26;
    if (shift ? typeB.isFloat() : !typeB.equals(type)) {
      throw fail("operands of types " + type + " and " + typeB);
    }
    if (b == 0 && (op == 0x1b || op == 0x1d) && !type.isFloat()) {
      throw fail("division by zero");
    }
    long result = Arithmetic.binary(op, pop(), b, type);
    pushTyped(result, Arithmetic.isRelational(op) ? generic : type);
  }

  private BaseType requireArithmetic(BaseType type) {
    if (type.isFloat() && !Arithmetic.definedForFloat(op)) {
      throw fail("not defined for floating-point values");
    }
    return type;
  }

  private void bra() {
    int offset = code.s16();
    if (pop() != 0) {
      jump(offset);
    }
  }

  private void jump(int offset) {
    long target = (long) code.position() + offset;
    if (target < 0 || target > code.limit()) {
      throw fail("branch target " + target + " outside the expression of " + code.limit()
          + " bytes");
    }
    code.seek(target);
  }

  private void push(long value) {
    pushTyped(value, generic);
  }

  private void pushTyped(long value, BaseType type) {
    if (depth == stack.length) {
      if (depth >= MAX_STACK_DEPTH) {
        throw fail("stack deeper than " + MAX_STACK_DEPTH + " entries");
      }
      stack = Arrays.copyOf(stack, Math.min(MAX_STACK_DEPTH, depth * 2));
      types = Arrays.copyOf(types, stack.length);
    }
    stack[depth] = type.normalize(value);
    types[depth++] = type;
  }

  private long pop() {
    if (depth == 0) {
      throw fail("stack underflow");
    }
    return stack[--depth];
  }

  /** Returns the type of the top entry. */
  private BaseType topType() {
    if (depth == 0) {
      throw fail("stack underflow");
    }
    return types[depth - 1];
  }

  private void pick(int index) {
    if (index >= depth) {
      throw fail("stack underflow: no entry " + index + " below the top of " + depth);
    }
    pushTyped(stack[depth - 1 - index], types[depth - 1 - index]);
  }

  private void swap() {
    rotate(2);
  }

  /** The top moves to third place, the second to the top, the third to second. */
  private void rot() {
    rotate(3);
  }

  /** Moves the top entry down to place {@code n} and the {@code n - 1} below it up by one. */
  private void rotate(int n) {
    if (depth < n) {
      throw fail("stack underflow");
    }
    int top = depth - 1;
    long value = stack[top];
    BaseType type = types[top];
    System.arraycopy(stack, depth - n, stack, depth - n + 1, n - 1);
    System.arraycopy(types, depth - n, types, depth - n + 1, n - 1);
    stack[depth - n] = value;
    types[depth - n] = type;
  }

  private ExpressionException fail(String detail) {
    return new ExpressionException(new DwOp(op), detail, opOffset);
  }
}
