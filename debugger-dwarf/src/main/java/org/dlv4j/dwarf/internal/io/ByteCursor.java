package org.dlv4j.dwarf.internal.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.dlv4j.api.BinaryFormatException;

/**
 * A little-endian read cursor over a slice of a (usually memory-mapped) section. It never
 * copies the underlying bytes; every read is bounds-checked and a read past the end throws a
 * {@link BinaryFormatException} naming the section and offset. Not thread-safe: each reader
 * owns its cursor, and cursors over the same buffer are cheap ({@link #duplicate()}).
 *
 * <p>Positions are relative to the start of the slice, which is the start of the section for
 * cursors made by the section readers, so positions double as section offsets in messages.
 */
public final class ByteCursor {
  private final ByteBuffer buf;
  private final String where;
  private int pos;

  /**
   * Wraps {@code buf} from its position to its limit. The buffer's own position is not used
   * again, so callers may keep using it.
   *
   * @param buf the bytes; read in little-endian order whatever its own order
   * @param where the section (and file) the bytes come from, for error messages
   */
  public ByteCursor(ByteBuffer buf, String where) {
    this.buf = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
    this.where = where;
  }

  private ByteCursor(ByteBuffer buf, String where, int pos) {
    // ByteBuffer.slice() resets the order to big-endian, so set it again for slices.
    this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
    this.where = where;
    this.pos = pos;
  }

  /** Returns an independent cursor over the same bytes at the same position. */
  public ByteCursor duplicate() {
    return new ByteCursor(buf, where, pos);
  }

  /**
   * Returns a cursor over {@code [offset, offset + length)} of this cursor's bytes, whose
   * position 0 is {@code offset} here. Used for one unit, one line program, one CIE.
   */
  public ByteCursor slice(long offset, long length) {
    checkRange(offset, length);
    return new ByteCursor(buf.slice((int) offset, (int) length), where, 0);
  }

  /**
   * Returns a cursor positioned at {@code offset} that cannot read past
   * {@code offset + length}, but keeps this cursor's positions: unlike {@link #slice}, its
   * positions and error offsets stay section offsets. Used where a bounded part (one line
   * program, one header table) must report where in the section it went wrong.
   */
  public ByteCursor window(long offset, long length) {
    checkRange(offset, length);
    return new ByteCursor(buf.slice(0, (int) (offset + length)), where, (int) offset);
  }

  /** Returns the section (and file) name used in error messages. */
  public String where() {
    return where;
  }

  /** Returns the current position. */
  public int position() {
    return pos;
  }

  /** Moves to {@code offset}, which may equal {@link #limit()} (the end). */
  public ByteCursor seek(long offset) {
    if (offset < 0 || offset > buf.limit()) {
      throw error("offset 0x" + Long.toHexString(offset) + " outside section of 0x"
          + Integer.toHexString(buf.limit()) + " bytes", pos);
    }
    pos = (int) offset;
    return this;
  }

  /** Skips {@code n} bytes. */
  public void skip(long n) {
    checkRange(pos, n);
    pos += (int) n;
  }

  /** Returns the number of bytes in the slice. */
  public int limit() {
    return buf.limit();
  }

  /** Returns the number of bytes left after the position. */
  public int remaining() {
    return buf.limit() - pos;
  }

  /** Returns whether the position is at the end. */
  public boolean atEnd() {
    return pos >= buf.limit();
  }

  /** Reads an unsigned byte. */
  public int u8() {
    need(1);
    return buf.get(pos++) & 0xff;
  }

  /** Reads a signed byte. */
  public int s8() {
    need(1);
    return buf.get(pos++);
  }

  /** Reads an unsigned 16-bit value. */
  public int u16() {
    need(2);
    int v = buf.getShort(pos) & 0xffff;
    pos += 2;
    return v;
  }

  /** Reads a signed 16-bit value. */
  public int s16() {
    need(2);
    int v = buf.getShort(pos);
    pos += 2;
    return v;
  }

  /** Reads an unsigned 24-bit value (DW_FORM_strx3, addrx3). */
  public int u24() {
    need(3);
    int v = (buf.get(pos) & 0xff) | (buf.get(pos + 1) & 0xff) << 8 | (buf.get(pos + 2) & 0xff) << 16;
    pos += 3;
    return v;
  }

  /** Reads an unsigned 32-bit value. */
  public long u32() {
    need(4);
    long v = buf.getInt(pos) & 0xffff_ffffL;
    pos += 4;
    return v;
  }

  /** Reads a signed 32-bit value. */
  public int s32() {
    need(4);
    int v = buf.getInt(pos);
    pos += 4;
    return v;
  }

  /** Reads a 64-bit value (unsigned values above 2^63 come back negative). */
  public long u64() {
    need(8);
    long v = buf.getLong(pos);
    pos += 8;
    return v;
  }

  /** Reads an unsigned value of {@code size} bytes (1, 2, 4 or 8): addresses, offsets. */
  public long unsigned(int size) {
    switch (size) {
      case 1: return u8();
      case 2: return u16();
      case 4: return u32();
      case 8: return u64();
      default: throw error("unsupported value size " + size, pos);
    }
  }

  /**
   * Reads an unsigned value of {@code size} bytes (1, 2, 3, 4 or 8) at {@code offset} without
   * moving; safe to call on a cursor shared between threads. Used for table lookups
   * ({@code .debug_addr}, {@code .debug_str_offsets}).
   */
  public long unsignedAt(long offset, int size) {
    checkRange(offset, size);
    int at = (int) offset;
    switch (size) {
      case 1: return buf.get(at) & 0xff;
      case 2: return buf.getShort(at) & 0xffff;
      case 3: return (buf.get(at) & 0xff) | (buf.get(at + 1) & 0xff) << 8 | (buf.get(at + 2) & 0xff) << 16;
      case 4: return buf.getInt(at) & 0xffff_ffffL;
      case 8: return buf.getLong(at);
      default: throw error("unsupported value size " + size, offset);
    }
  }

  /** Reads an unsigned LEB128 value; values wider than 64 bits keep their low 64 bits. */
  public long uleb() {
    long result = 0;
    int shift = 0;
    while (true) {
      int b = u8();
      if (shift < 64) {
        result |= (long) (b & 0x7f) << shift;
      }
      if ((b & 0x80) == 0) {
        return result;
      }
      shift += 7;
    }
  }

  /**
   * Reads an unsigned LEB128 value that must fit an {@code int} (counts, indexes, codes).
   *
   * @throws BinaryFormatException if the value is negative or above {@code Integer.MAX_VALUE}
   */
  public int ulebInt() {
    int at = pos;
    long v = uleb();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw error("LEB128 value 0x" + Long.toHexString(v) + " too large", at);
    }
    return (int) v;
  }

  /** Reads a signed LEB128 value. */
  public long sleb() {
    long result = 0;
    int shift = 0;
    int b;
    do {
      b = u8();
      if (shift < 64) {
        result |= (long) (b & 0x7f) << shift;
      }
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  /** Skips a LEB128 value of either signedness. */
  public void skipLeb() {
    while ((u8() & 0x80) != 0) {
      // continuation bytes
    }
  }

  /** Reads a NUL-terminated UTF-8 string and moves past its NUL. */
  public String cstring() {
    int end = indexOfNul(pos);
    String s = decode(pos, end - pos);
    pos = end + 1;
    return s;
  }

  /** Skips a NUL-terminated string. */
  public void skipCstring() {
    pos = indexOfNul(pos) + 1;
  }

  /** Returns the NUL-terminated UTF-8 string at {@code offset} without moving. */
  public String cstringAt(long offset) {
    checkRange(offset, 0);
    int start = (int) offset;
    return decode(start, indexOfNul(start) - start);
  }

  /** Decodes the {@code length} UTF-8 bytes at {@code offset} without moving. */
  public String stringAt(long offset, int length) {
    checkRange(offset, length);
    return decode((int) offset, length);
  }

  /** Copies {@code n} bytes into a new array. */
  public byte[] bytes(int n) {
    need(n);
    byte[] out = new byte[n];
    buf.get(pos, out);
    pos += n;
    return out;
  }

  /** Returns a read-only view of {@code n} bytes at the position and moves past them. */
  public ByteBuffer view(int n) {
    need(n);
    ByteBuffer v = buf.slice(pos, n).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    pos += n;
    return v;
  }

  /**
   * Creates the exception for malformed data at {@code offset} of this cursor's section.
   * Callers {@code throw cursor.error(...)} so the compiler sees the throw.
   */
  public BinaryFormatException error(String detail, long offset) {
    return new BinaryFormatException(detail, where, offset);
  }

  private int indexOfNul(int from) {
    for (int i = from, n = buf.limit(); i < n; i++) {
      if (buf.get(i) == 0) {
        return i;
      }
    }
    throw error("unterminated string", from);
  }

  private String decode(int start, int length) {
    byte[] b = new byte[length];
    buf.get(start, b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private void need(int n) {
    if (n > buf.limit() - pos) {
      throw error("truncated: need " + n + " bytes, " + Math.max(0, buf.limit() - pos) + " left", pos);
    }
  }

  private void checkRange(long offset, long length) {
    if (offset < 0 || length < 0 || offset > buf.limit() || length > buf.limit() - offset) {
      throw error("range of 0x" + Long.toHexString(length) + " bytes at 0x" + Long.toHexString(offset)
          + " outside section of 0x" + Integer.toHexString(buf.limit()) + " bytes", pos);
    }
  }
}
