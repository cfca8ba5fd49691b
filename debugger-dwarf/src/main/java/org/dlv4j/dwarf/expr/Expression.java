package org.dlv4j.dwarf.expr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The bytes of one DWARF expression (DWARF 5 §2.5), such as a {@code DW_AT_location} block,
 * a location-list entry or a call-frame rule. Immutable and thread-safe as long as the bytes
 * it views are not changed; equality is by content.
 */
public final class Expression {
  private static final Expression EMPTY = new Expression(ByteBuffer.allocate(0));

  private final ByteBuffer bytes;

  private Expression(ByteBuffer bytes) {
    this.bytes = bytes.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Returns an expression holding a copy of {@code bytes}.
   *
   * @param bytes the encoded operations
   * @return the expression
   */
  public static Expression of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new Expression(ByteBuffer.wrap(bytes.clone()));
  }

  /**
   * Returns an expression that views the remaining bytes of {@code buffer} without copying
   * them, for expressions inside a mapped section. The caller must not change those bytes.
   *
   * @param buffer the encoded operations from position to limit; its position is not changed
   * @return the expression
   */
  public static Expression view(ByteBuffer buffer) {
    return new Expression(buffer.slice());
  }

  /**
   * Returns the empty expression, which describes an object that was optimized away.
   *
   * @return the empty expression, which describes an object that was optimized away
   */
  public static Expression empty() {
    return EMPTY;
  }

  /**
   * Returns the number of bytes.
   *
   * @return the number of bytes
   */
  public int length() {
    return bytes.limit();
  }

  /**
   * Returns whether the expression has no operations.
   *
   * @return whether the expression has no operations
   */
  public boolean isEmpty() {
    return bytes.limit() == 0;
  }

  /**
   * Returns a copy of the bytes.
   *
   * @return a copy of the bytes
   */
  public byte[] toByteArray() {
    byte[] out = new byte[bytes.limit()];
    bytes.get(0, out);
    return out;
  }

  /**
   * Returns a read-only little-endian view of the bytes, positioned at 0.
   *
   * @return a read-only little-endian view of the bytes, positioned at 0
   */
  public ByteBuffer buffer() {
    return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expression other && bytes.equals(other.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  /** Returns the bytes in hex, e.g. {@code "Expression[9c]"}. */
  @Override
  public String toString() {
    return "Expression[" + HexFormat.of().formatHex(toByteArray()) + "]";
  }
}
