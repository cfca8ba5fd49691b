package org.dlv4j.dwarf;

import java.nio.ByteBuffer;

/**
 * Builds the exact bytes of a test section on a {@link ByteBuilder}, with this package's chaining
 * API: section offsets and initial lengths in the 32- or 64-bit format, patched in later.
 */
final class SectionBuilder {
  private final ByteBuilder out = new ByteBuilder();

  /** A length field to patch: where it is and in which format. */
  record Length(int at, DwarfFormat format) {}

  int position() {
    return out.position();
  }

  SectionBuilder u8(int v) {
    out.u8(v);
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
    out.fixed(v, n);
    return this;
  }

  /** Appends a section offset in {@code format}'s size. */
  SectionBuilder offset(DwarfFormat format, long v) {
    return unsigned(format.offsetSize(), v);
  }

  SectionBuilder uleb(long v) {
    out.uleb(v);
    return this;
  }

  SectionBuilder sleb(long v) {
    out.sleb(v);
    return this;
  }

  SectionBuilder cstring(String s) {
    out.cstring(s);
    return this;
  }

  SectionBuilder bytes(byte... b) {
    out.bytes(b);
    return this;
  }

  SectionBuilder bytes(int... b) {
    out.u8(b);
    return this;
  }

  /** Appends {@code n} zero bytes. */
  SectionBuilder zeros(int n) {
    out.bytes(new byte[n]);
    return this;
  }

  /** Appends an initial length placeholder (DWARF v5 §7.4), to be set by {@link #endLength}. */
  Length initialLength(DwarfFormat format) {
    int at = position();
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
    long value = position() - after;
    if (length.format() == DwarfFormat.DWARF64) {
      patch(length.at() + 4, 8, value);
    } else {
      patch(length.at(), 4, value);
    }
    return this;
  }

  /** Overwrites {@code n} bytes at {@code at} with {@code v}. */
  SectionBuilder patch(int at, int n, long v) {
    out.patch(at, v, n);
    return this;
  }

  byte[] toArray() {
    return out.toArray();
  }

  ByteBuffer toBuffer() {
    return out.buffer();
  }
}
