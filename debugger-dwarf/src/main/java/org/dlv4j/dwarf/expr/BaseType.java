package org.dlv4j.dwarf.expr;

import org.dlv4j.dwarf.constants.DwAte;

/**
 * The type of a typed DWARF stack entry (DWARF 5 §2.5.1): the {@code DW_AT_encoding} and
 * {@code DW_AT_byte_size} of a {@code DW_TAG_base_type} DIE. The caller reads them from the
 * DIE named by {@link EvalStep.NeedsBaseType}. Encoding 0 denotes the generic type.
 *
 * @param encoding a {@link DwAte} code such as {@code DW_ATE_signed} (0x05) or
 *     {@code DW_ATE_float} (0x04); signed and signed_char are signed, float is IEEE 754,
 *     every other code is unsigned; 0 denotes the generic type
 * @param byteSize 1 to 8 bytes (floats: 4 or 8)
 */
public record BaseType(int encoding, int byteSize) {
  private static final int FLOAT = DwAte.DW_ATE_float.code();
  private static final int SIGNED = DwAte.DW_ATE_signed.code();
  private static final int SIGNED_CHAR = DwAte.DW_ATE_signed_char.code();

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
