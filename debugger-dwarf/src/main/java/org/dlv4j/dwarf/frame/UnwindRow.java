package org.dlv4j.dwarf.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dlv4j.dwarf.expr.Expression;

/**
 * One row of the call frame table (DWARF 5 §6.4.1): for the addresses
 * {@code [startAddress, endAddress)}, how to compute the CFA and how to recover each register
 * of the caller. Registers without a rule have the default rule {@link RegisterRule.Undefined}.
 *
 * <p>A row belongs to an {@link UnwindContext} and is refilled by each
 * {@link CallFrameInfo#rowAt(long, UnwindContext)} call with that context: it is a mutable
 * view, valid until the next lookup. Copy what you need to keep. Not thread-safe.
 */
public final class UnwindRow {
  /** The most registers one row may give rules for; more means corrupt input. */
  static final int MAX_RULES = 512;

  static final byte UNDEFINED = 1;
  static final byte SAME_VALUE = 2;
  static final byte OFFSET = 3;
  static final byte VAL_OFFSET = 4;
  static final byte REGISTER = 5;
  static final byte EXPRESSION = 6;
  static final byte VAL_EXPRESSION = 7;

  private static final RegisterRule UNDEFINED_RULE = new RegisterRule.Undefined();
  private static final RegisterRule SAME_VALUE_RULE = new RegisterRule.SameValue();

  long start;
  long end;
  private Fde fde;
  private ByteBuffer section;

  private boolean cfaDefined;
  private boolean cfaIsExpression;
  private int cfaRegister;
  /** The CFA offset, or the section offset of the CFA expression. */
  private long cfaValue;
  private int cfaLength;

  /** Rules as parallel arrays: register, kind, value (offset, register or expression offset). */
  private int count;
  private int[] registers = new int[8];
  private byte[] kinds = new byte[8];
  private long[] values = new long[8];
  private int[] lengths = new int[8];

  long argsSize;
  boolean returnAddressSigned;

  UnwindRow() {
  }

  /**
   * Returns the first address the row applies to.
   *
   * @return the first address the row applies to
   */
  public long startAddress() {
    return start;
  }

  /**
   * Returns the first address after the row's range.
   *
   * @return the first address after the row's range
   */
  public long endAddress() {
    return end;
  }

  /**
   * Returns the FDE the row comes from.
   *
   * @return the FDE the row comes from
   */
  public Fde fde() {
    return fde;
  }

  /**
   * Returns the column of the return address (the FDE's CIE's return address register).
   *
   * @return the column of the return address (the FDE's CIE's return address register)
   */
  public int returnAddressRegister() {
    return fde.cie().returnAddressRegister();
  }

  /**
   * Returns the rule that computes the canonical frame address.
   *
   * @return the rule that computes the canonical frame address
   */
  public CfaRule cfa() {
    if (cfaIsExpression) {
      return new CfaRule.Expression(expression(cfaValue, cfaLength));
    }
    return new CfaRule.RegisterOffset(cfaRegister, cfaValue);
  }

  /**
   * Returns whether the row gives a rule for {@code register}. Registers without one have the
   * default rule, undefined; an unwinder may substitute its architecture's convention.
   *
   * @param register a DWARF register number
   * @return whether an instruction gave {@code register} a rule
   */
  public boolean hasRule(int register) {
    return indexOf(register) >= 0;
  }

  /**
   * Returns how to recover the caller's value of {@code register}.
   *
   * @param register a DWARF register number
   * @return the rule; {@link RegisterRule.Undefined} if the row gives none
   */
  public RegisterRule rule(int register) {
    int i = indexOf(register);
    if (i < 0) {
      return UNDEFINED_RULE;
    }
    switch (kinds[i]) {
      case UNDEFINED: return UNDEFINED_RULE;
      case SAME_VALUE: return SAME_VALUE_RULE;
      case OFFSET: return new RegisterRule.Offset(values[i]);
      case VAL_OFFSET: return new RegisterRule.ValOffset(values[i]);
      case REGISTER: return new RegisterRule.Register((int) values[i]);
      case EXPRESSION: return new RegisterRule.Expression(expression(values[i], lengths[i]));
      case VAL_EXPRESSION:
        return new RegisterRule.ValExpression(expression(values[i], lengths[i]));
      default: throw new IllegalStateException("rule kind " + kinds[i]);
    }
  }

  /**
   * Returns a snapshot of every register the row gives a rule for, by register number.
   *
   * @return a snapshot of every register the row gives a rule for, by register number
   */
  public SortedMap<Integer, RegisterRule> rules() {
    SortedMap<Integer, RegisterRule> out = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      out.put(registers[i], rule(registers[i]));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * Returns the size of the outgoing arguments area ({@code DW_CFA_GNU_args_size}), or 0.
   *
   * @return the size of the outgoing arguments area ({@code DW_CFA_GNU_args_size}), or 0
   */
  public long argsSize() {
    return argsSize;
  }

  /**
   * Returns whether the return address is signed (AArch64 pointer authentication): whether
   * {@code DW_CFA_AARCH64_negate_ra_state}, which shares its code with
   * {@code DW_CFA_GNU_window_save}, was executed an odd number of times.
   *
   * @return whether the return address column holds a signed pointer
   */
  public boolean returnAddressSigned() {
    return returnAddressSigned;
  }

  @Override
  public String toString() {
    return "UnwindRow[0x" + Long.toHexString(start) + "..0x" + Long.toHexString(end) + " cfa="
        + (cfaDefined ? cfa() : "none") + " rules=" + rules() + "]";
  }

  void reset(Fde fde, ByteBuffer section) {
    this.fde = fde;
    this.section = section;
    cfaDefined = false;
    cfaIsExpression = false;
    count = 0;
    argsSize = 0;
    returnAddressSigned = false;
  }

  /** Copies the CFA and register rules (not the address range) of {@code o}. */
  void copyRules(UnwindRow o) {
    cfaDefined = o.cfaDefined;
    cfaIsExpression = o.cfaIsExpression;
    cfaRegister = o.cfaRegister;
    cfaValue = o.cfaValue;
    cfaLength = o.cfaLength;
    argsSize = o.argsSize;
    returnAddressSigned = o.returnAddressSigned;
    ensureCapacity(o.count);
    count = o.count;
    System.arraycopy(o.registers, 0, registers, 0, count);
    System.arraycopy(o.kinds, 0, kinds, 0, count);
    System.arraycopy(o.values, 0, values, 0, count);
    System.arraycopy(o.lengths, 0, lengths, 0, count);
  }

  boolean cfaDefined() {
    return cfaDefined;
  }

  boolean cfaIsRegisterOffset() {
    return cfaDefined && !cfaIsExpression;
  }

  void setCfa(int register, long offset) {
    cfaDefined = true;
    cfaIsExpression = false;
    cfaRegister = register;
    cfaValue = offset;
  }

  void setCfaRegister(int register) {
    cfaRegister = register;
  }

  void setCfaOffset(long offset) {
    cfaValue = offset;
  }

  void setCfaExpression(long offset, int length) {
    cfaDefined = true;
    cfaIsExpression = true;
    cfaValue = offset;
    cfaLength = length;
  }

  /**
   * Sets the rule of {@code register}.
   *
   * @return false if the row already has {@link #MAX_RULES} other rules
   */
  boolean setRule(int register, byte kind, long value, int length) {
    int i = indexOf(register);
    if (i < 0) {
      if (count == MAX_RULES) {
        return false;
      }
      ensureCapacity(count + 1);
      i = count++;
      registers[i] = register;
    }
    kinds[i] = kind;
    values[i] = value;
    lengths[i] = length;
    return true;
  }

  /**
   * Gives {@code register} the rule it has in {@code initial}, or none (DW_CFA_restore).
   *
   * @return false if the row already has {@link #MAX_RULES} other rules
   */
  boolean restoreRule(int register, UnwindRow initial) {
    int j = initial.indexOf(register);
    if (j >= 0) {
      return setRule(register, initial.kinds[j], initial.values[j], initial.lengths[j]);
    }
    int i = indexOf(register);
    if (i >= 0) {
      count--;
      registers[i] = registers[count];
      kinds[i] = kinds[count];
      values[i] = values[count];
      lengths[i] = lengths[count];
    }
    return true;
  }

  private int indexOf(int register) {
    for (int i = 0; i < count; i++) {
      if (registers[i] == register) {
        return i;
      }
    }
    return -1;
  }

  private void ensureCapacity(int n) {
    if (n > registers.length) {
      int size = Math.max(n, registers.length * 2);
      registers = Arrays.copyOf(registers, size);
      kinds = Arrays.copyOf(kinds, size);
      values = Arrays.copyOf(values, size);
      lengths = Arrays.copyOf(lengths, size);
    }
  }

  private Expression expression(long offset, int length) {
    return Expression.view(section.slice((int) offset, length));
  }
}
