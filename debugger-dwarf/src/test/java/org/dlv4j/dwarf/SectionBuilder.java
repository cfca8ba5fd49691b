package org.dlv4j.dwarf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the exact bytes of a test section, little-endian: fixed-size values, LEB128, strings
 * and initial lengths in the 32- or 64-bit format whose value is patched in later.
 */
final class SectionBuilder {
  private byte[] bytes = new byte[64];
  private int size;

  /** A length field to patch: where it is and in which format. */
  record Length(int at, DwarfFormat format) {}

  int position() {
    return size;
  }

  SectionBuilder u8(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
    return this;
  }

  SectionBuilder u16(int v) {
    return unsigned(2, v);
  }

  SectionBuilder u24(int v) {
    return unsigned(3, v);
  }

  SectionBuilder u32(long v) {
    return unsigned(4, v);
  }

  SectionBuilder u64(long v) {
    return unsigned(8, v);
  }

  /** Appends the low {@code n} bytes of {@code v}. */
  SectionBuilder unsigned(int n, long v) {
    for (int i = 0; i < n; i++) {
      u8((int) (v >>> (8 * i)));
    }
    return this;
  }

  /** Appends a section offset in {@code format}'s size. */
  SectionBuilder offset(DwarfFormat format, long v) {
    return unsigned(format.offsetSize(), v);
  }

  SectionBuilder uleb(long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      u8(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  SectionBuilder sleb(long v) {
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
      u8(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  SectionBuilder cstring(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8)).u8(0);
  }

  SectionBuilder bytes(byte... b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
    return this;
  }

  SectionBuilder bytes(int... b) {
    for (int v : b) {
      u8(v);
    }
    return this;
  }

  /** Appends {@code n} zero bytes. */
  SectionBuilder zeros(int n) {
    ensure(n);
    size += n;
    return this;
  }

  /** Appends an initial length placeholder (DWARF v5 §7.4), to be set by {@link #endLength}. */
  Length initialLength(DwarfFormat format) {
    int at = size;
    if (format == DwarfFormat.DWARF64) {
      u32(0xffff_ffffL).u64(0);
    } else {
      u32(0);
    }
    return new Length(at, format);
  }

  /** Sets {@code length} to the number of bytes after it up to the current position. */
  SectionBuilder endLength(Length length) {
    int after = length.at() + length.format().initialLengthSize();
    long value = size - after;
    if (length.format() == DwarfFormat.DWARF64) {
      patch(length.at() + 4, 8, value);
    } else {
      patch(length.at(), 4, value);
    }
    return this;
  }

  /** Overwrites {@code n} bytes at {@code at} with {@code v}. */
  SectionBuilder patch(int at, int n, long v) {
    for (int i = 0; i < n; i++) {
      bytes[at + i] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  byte[] toArray() {
    return Arrays.copyOf(bytes, size);
  }

  ByteBuffer toBuffer() {
    return ByteBuffer.wrap(toArray());
  }

  private void ensure(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
  }
}
