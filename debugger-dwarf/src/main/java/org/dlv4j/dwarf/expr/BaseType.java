package org.dlv4j.dwarf.expr;

/**
 * The type of a typed DWARF stack entry (DWARF 5 §2.5.1): the {@code DW_AT_encoding} and
 * {@code DW_AT_byte_size} of a {@code DW_TAG_base_type} DIE. The caller reads them from the
 * DIE named by {@link EvalStep.NeedsBaseType}. Encoding 0 denotes the generic type.
 *
 * @param encoding a {@code DW_ATE_*} code: 0x01 address, 0x02 boolean, 0x04 float, 0x05 signed,
 *     0x06 signed_char, 0x07 unsigned, 0x08 unsigned_char, 0x10 UTF; or 0 for the generic type
 * @param byteSize 1 to 8 bytes (floats: 4 or 8)
 */
public record BaseType(int encoding, int byteSize) {
  /** {@code DW_ATE_float}. */
  static final int FLOAT = 0x04;
  private static final int SIGNED = 0x05;
  private static final int SIGNED_CHAR = 0x06;

  /**
   * Checks the size.
   *
   * @param encoding a {@code DW_ATE_*} code, or 0 for the generic type
   * @param byteSize the size in bytes
   * @throws IllegalArgumentException if the size is not 1 to 8, or 4 or 8 for a float
   */
  public BaseType {
    if (byteSize < 1 || byteSize > 8 || (encoding == FLOAT && byteSize != 4 && byteSize != 8)) {
      throw new IllegalArgumentException("unsupported base type size " + byteSize
          + " for encoding 0x" + Integer.toHexString(encoding));
    }
  }

  /** The generic type of a target with {@code addressSize}-byte addresses. */
  static BaseType generic(int addressSize) {
    return new BaseType(0, addressSize);
  }

  boolean isGeneric() {
    return encoding == 0;
  }

  boolean isFloat() {
    return encoding == FLOAT;
  }

  boolean isSigned() {
    return encoding == SIGNED || encoding == SIGNED_CHAR;
  }

  /** Zero-extends the low {@code byteSize} bytes of {@code bits}. */
  long normalize(long bits) {
    return byteSize == 8 ? bits : bits & ((1L << (8 * byteSize)) - 1);
  }

  /** Sign-extends a normalized value from {@code byteSize} bytes. */
  long signExtend(long bits) {
    int shift = 64 - 8 * byteSize;
    return bits << shift >> shift;
  }
}
