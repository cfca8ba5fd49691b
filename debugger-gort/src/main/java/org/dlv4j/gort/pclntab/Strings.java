package org.dlv4j.gort.pclntab;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/** NUL-terminated strings inside one region of the table (function names, file names). */
final class Strings {
  private final ByteBuffer table;
  private final ByteCursor errors;
  private final int start;
  private final int end;
  private final String what;

  Strings(ByteBuffer table, ByteCursor errors, int start, int end, String what) {
    this.table = table;
    this.errors = errors;
    this.start = start;
    this.end = end;
    this.what = what;
  }

  /** Returns the table offset of the NUL ending the string at region offset {@code off}. */
  int endOf(long off) {
    if (off < 0 || off >= end - start) {
      throw errors.error(what + " offset 0x" + Long.toHexString(off) + " outside its region", start);
    }
    for (int i = start + (int) off; i < end; i++) {
      if (table.get(i) == 0) {
        return i;
      }
    }
    throw errors.error("unterminated " + what, start + off);
  }

  /** Decodes the string at region offset {@code off}. */
  String at(long off) {
    int from = start + (int) off;
    int to = endOf(off);
    byte[] b = new byte[to - from];
    table.get(from, b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Returns whether the string at region offset {@code off} has exactly the bytes {@code s}. */
  boolean equalsAt(long off, byte[] s) {
    int from = start + (int) off;
    if (off < 0 || off >= end - start || s.length > end - from - 1) {
      return false;
    }
    for (int i = 0; i < s.length; i++) {
      if (table.get(from + i) != s[i]) {
        return false;
      }
    }
    return table.get(from + s.length) == 0;
  }

  /** Returns whether the strings at region offsets {@code a} and {@code b} are equal. */
  boolean sameAt(long a, long b) {
    int ea = endOf(a);
    int eb = endOf(b);
    if (ea - a != eb - b) {
      return false;
    }
    for (int i = start + (int) a, j = start + (int) b; i < ea; i++, j++) {
      if (table.get(i) != table.get(j)) {
        return false;
      }
    }
    return true;
  }

  /** Returns a hash of the string at region offset {@code off}, equal to {@link #hash(byte[])} of its bytes. */
  int hashAt(long off) {
    int h = 0;
    for (int i = start + (int) off, e = endOf(off); i < e; i++) {
      h = 31 * h + table.get(i);
    }
    return h;
  }

  /** Returns the hash {@link #hashAt} gives a string with bytes {@code s}. */
  static int hash(byte[] s) {
    int h = 0;
    for (byte b : s) {
      h = 31 * h + b;
    }
    return h;
  }
}
