package org.dlv4j.dwarf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Test-only little-endian byte writer for hand-made sections, line programs and expressions:
 * fixed-size values, LEB128, strings, blocks, and values patched in afterwards.
 */
public final class ByteBuilder {
  private byte[] bytes = new byte[64];
  private int size;

  /** Appends bytes given as ints (0..255 or negative for signed bytes). */
  public ByteBuilder u8(int... values) {
    for (int v : values) {
      ensure(1);
      bytes[size++] = (byte) v;
    }
    return this;
  }

  public ByteBuilder u16(long v) {
    return fixed(v, 2);
  }

  public ByteBuilder u32(long v) {
    return fixed(v, 4);
  }

  public ByteBuilder u64(long v) {
    return fixed(v, 8);
  }

  /** Appends {@code v} in {@code size} little-endian bytes. */
  public ByteBuilder fixed(long v, int n) {
    for (int i = 0; i < n; i++) {
      u8((int) (v >>> (8 * i)));
    }
    return this;
  }

  public ByteBuilder uleb(long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      u8(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  public ByteBuilder sleb(long v) {
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      u8(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  public ByteBuilder cstring(String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      u8(b);
    }
    return u8(0);
  }

  public ByteBuilder bytes(byte[] b) {
    for (byte x : b) {
      u8(x);
    }
    return this;
  }

  public ByteBuilder bytes(ByteBuilder other) {
    return bytes(other.toArray());
  }

  /** Appends a uleb length and then the bytes (a DWARF block). */
  public ByteBuilder block(byte[] b) {
    return uleb(b.length).bytes(b);
  }

  /** Overwrites {@code n} bytes at {@code offset} with {@code v}. */
  public ByteBuilder patch(int offset, long v, int n) {
    for (int i = 0; i < n; i++) {
      bytes[offset + i] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public int position() {
    return size;
  }

  public byte[] toArray() {
    return Arrays.copyOf(bytes, size);
  }

  public ByteBuffer buffer() {
    return ByteBuffer.wrap(toArray());
  }

  private void ensure(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + n, bytes.length * 2));
    }
  }

  /** Parses hex digits, ignoring white space, e.g. {@code "00 09 02"}. */
  public static byte[] hex(String s) {
    String h = s.replaceAll("\\s+", "");
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
