package org.dlv4j.dwarf.line;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds little-endian test input byte by byte, with lengths patched in afterwards. */
final class TestBytes {
  private byte[] buf = new byte[64];
  private int size;

  TestBytes u8(int... values) {
    for (int v : values) {
      put(v);
    }
    return this;
  }

  TestBytes u16(int v) {
    return fixed(v, 2);
  }

  TestBytes u32(long v) {
    return fixed(v, 4);
  }

  TestBytes u64(long v) {
    return fixed(v, 8);
  }

  /** Writes {@code v} in {@code size} bytes, little-endian. */
  TestBytes fixed(long v, int size) {
    for (int i = 0; i < size; i++) {
      put((int) (v >>> (8 * i)));
    }
    return this;
  }

  TestBytes uleb(long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      put(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  TestBytes sleb(long v) {
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      put(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  TestBytes cstring(String s) {
    bytes(s.getBytes(StandardCharsets.UTF_8));
    return u8(0);
  }

  TestBytes bytes(byte[] b) {
    for (byte x : b) {
      put(x);
    }
    return this;
  }

  TestBytes bytes(TestBytes other) {
    return bytes(other.toArray());
  }

  int position() {
    return size;
  }

  /** Overwrites {@code n} bytes at {@code at} with {@code v}, little-endian. */
  void patch(int at, long v, int n) {
    for (int i = 0; i < n; i++) {
      buf[at + i] = (byte) (v >>> (8 * i));
    }
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }

  ByteBuffer buffer() {
    return ByteBuffer.wrap(toArray());
  }

  private void put(int b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, 2 * size);
    }
    buf[size++] = (byte) b;
  }

  /** Parses hex digits, ignoring white space, e.g. {@code "00 09 02"}. */
  static byte[] hex(String s) {
    String h = s.replaceAll("\\s+", "");
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
