package org.dlv4j.gort.pclntab;

import java.nio.ByteBuffer;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * Decodes pcvalue tables (pcsp, pcfile, pcln, pcdata) in the pctab region. A table is a
 * sequence of (value delta, pc delta) pairs of unsigned varints: the value delta is zigzag
 * encoded, the pc delta is in units of the pc quantum, values start at -1 and pcs at the
 * function entry, and a zero value delta ends the table unless the pc is still at the entry
 * (runtime/symtab.go: pcvalue, step). Each pair gives the value for [old pc, new pc).
 *
 * <p>Every byte read is checked against the end of the pctab region, and varints are limited
 * to the five bytes a uint32 needs, so malformed tables end in a {@code BinaryFormatException}
 * after at most one pass over the region.
 */
final class PcValues {
  /** The value of a missing table or of a pc the table does not cover, as in the runtime. */
  static final int NONE = -1;

  private final ByteBuffer table;
  private final ByteCursor errors;
  private final int start;
  private final int end;
  private final int quantum;

  PcValues(ByteBuffer table, ByteCursor errors, PcHeader h) {
    this.table = table;
    this.errors = errors;
    this.start = h.pctabOffset();
    this.end = h.pclnOffset();
    this.quantum = h.quantum();
  }

  /**
   * Returns the value of table {@code tableOff} (an offset into pctab; 0 = no table) at text
   * offset {@code target}, for a function whose entry is at text offset {@code entry}; or
   * {@link #NONE} if there is no table or it ends before {@code target}. Allocation-free.
   */
  int valueAt(int tableOff, long entry, long target) {
    return tableOff == 0 ? NONE : decode(position(tableOff), entry, target);
  }

  /**
   * Like {@link #valueAt}, but reads a table offset of 0 as a table at the first byte of pctab
   * (a padding byte the linker puts there so that no real table has offset 0), as
   * {@code debug/gosym} does.
   */
  int valueAtAsGosym(int tableOff, long entry, long target) {
    return decode(position(tableOff), entry, target);
  }

  /**
   * Walks the table at table offset {@code p}. As in the runtime, a zero value delta ends the
   * table except while the pc is still at the entry.
   */
  private int decode(int p, long entry, long target) {
    int val = -1;
    long pc = entry;
    while (true) {
      long uv = uvarint(p);
      if (endsTable(uv, p) && pc != entry) {
        return NONE;
      }
      long pd = uvarint((int) (uv >>> 32));
      p = (int) (pd >>> 32);
      val += zigzag((int) uv);
      pc += (pd & 0xffff_ffffL) * quantum;
      if (target < pc) {
        return val;
      }
    }
  }

  /**
   * Moves {@code cur} to its next (value, pc range) pair. Returns false at the end of the
   * table. Used by {@link PcValueCursor}.
   */
  boolean step(PcValueCursor cur) {
    long uv = uvarint(cur.pos);
    if (endsTable(uv, cur.pos) && cur.endPc != cur.entry) {
      return false;
    }
    long pd = uvarint((int) (uv >>> 32));
    cur.pos = (int) (pd >>> 32);
    cur.value += zigzag((int) uv);
    cur.startPc = cur.endPc;
    cur.endPc += (pd & 0xffff_ffffL) * quantum;
    return true;
  }

  /** Returns the table offset where the table at pctab offset {@code tableOff} begins. */
  int position(int tableOff) {
    if (tableOff < 0 || tableOff >= end - start) {
      throw errors.error("pcvalue table offset 0x" + Integer.toHexString(tableOff) + " outside pctab", start);
    }
    return start + tableOff;
  }

  /** Reads the byte at table offset {@code p}, which must lie in pctab. */
  private int byteAt(int p) {
    if (p >= end) {
      throw errors.error("pcvalue table runs past the end of pctab", p);
    }
    return table.get(p) & 0xff;
  }

  /**
   * Reads the value delta or pc delta at {@code p}, most often a single byte, and returns
   * {@code (offset after it) << 32 | value}.
   */
  private long uvarint(int p) {
    int b = byteAt(p);
    return b < 0x80 ? (long) (p + 1) << 32 | b : varint(p);
  }

  /** Whether the value delta {@code uv} read at {@code p} is the single zero byte that ends a table. */
  private static boolean endsTable(long uv, int p) {
    return uv == (long) (p + 1) << 32;
  }

  /**
   * Decodes the unsigned varint at {@code p} (at most 5 bytes: the tables hold uint32 values)
   * and returns {@code (offset after it) << 32 | value}.
   */
  private long varint(int p) {
    int v = 0;
    int q = p;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = byteAt(q++);
      v |= (b & 0x7f) << shift;
      if (b < 0x80) {
        return (long) q << 32 | (v & 0xffff_ffffL);
      }
    }
    throw errors.error("pcvalue varint longer than 5 bytes", p);
  }

  /** Decodes a zigzag-encoded value delta: the low bit is the sign. */
  private static int zigzag(int u) {
    return -(u & 1) ^ (u >>> 1);
  }
}
