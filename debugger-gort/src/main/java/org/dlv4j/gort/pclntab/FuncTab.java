package org.dlv4j.gort.pclntab;

import java.nio.ByteBuffer;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * The function table: entry offsets (from the text start) and {@code _func} record offsets as
 * sorted primitive arrays, searched without allocating. A bucket index (the idea of the
 * runtime's findfunctab) maps each aligned block of text to the function containing its start,
 * so a search only bisects the few functions of one block. Field reads go straight to the
 * mapped table; every record was checked to lie inside the table when the table was loaded.
 */
final class FuncTab {
  // _func field offsets shared by both formats (runtime/runtime2.go, Go 1.18+).
  static final int ENTRY_OFF = 0;
  static final int NAME_OFF = 4;
  static final int ARGS = 8;
  static final int DEFER_RETURN = 12;
  static final int PCSP = 16;
  static final int PCFILE = 20;
  static final int PCLN = 24;
  static final int NPCDATA = 28;
  static final int CU_OFFSET = 32;
  static final int START_LINE = 36; // Go 1.20+ only

  private final ByteBuffer table;
  private final int funcSize;
  /** Entry offsets of the functions, plus the end offset of the last one: nfunc + 1 values. */
  private final int[] entryOffs;
  /** Table offsets of the {@code _func} records. */
  private final int[] funcOffs;
  /** Block size of the bucket index as a power of two: at most about two blocks per function. */
  private final int bucketShift;
  /** Per block of text: the index of the function containing the block's first byte. */
  private final int[] buckets;

  private FuncTab(ByteBuffer table, int funcSize, int[] entryOffs, int[] funcOffs) {
    this.table = table;
    this.funcSize = funcSize;
    this.entryOffs = entryOffs;
    this.funcOffs = funcOffs;
    int n = funcOffs.length;
    int end = entryOffs[n];
    int shift = 4;
    while ((end >>> shift) > 2L * n + 1) {
      shift++;
    }
    this.bucketShift = shift;
    this.buckets = new int[(end >>> shift) + 2];
    for (int b = 0, i = 0; b < buckets.length; b++) {
      long start = (long) b << shift;
      while (i + 1 < n && entryOffs[i + 1] <= start) {
        i++;
      }
      buckets[b] = i;
    }
  }

  /**
   * Reads the function table at {@code h.pclnOffset()}: {@code nfunc} pairs of uint32
   * (entry offset, {@code _func} offset relative to the function table), then the end offset.
   */
  static FuncTab read(ByteCursor c, ByteBuffer table, PcHeader h) {
    int n = h.nfunc();
    int[] entries = new int[n + 1];
    int[] funcs = new int[n];
    c.seek(h.pclnOffset());
    int funcSize = h.format().funcSize();
    long previous = 0;
    for (int i = 0; i <= n; i++) {
      int at = c.position();
      long entry = c.u32();
      if (entry > Integer.MAX_VALUE) {
        throw c.error("function entry offset 0x" + Long.toHexString(entry) + " beyond 2 GiB of text", at);
      }
      if (entry < previous) {
        throw c.error("function table not sorted: entry 0x" + Long.toHexString(entry)
            + " follows 0x" + Long.toHexString(previous), at);
      }
      previous = entry;
      entries[i] = (int) entry;
      if (i == n) {
        break;
      }
      long funcOff = h.pclnOffset() + c.u32();
      if (funcOff + funcSize > h.size()) {
        throw c.error("_func record at 0x" + Long.toHexString(funcOff) + " outside the table", at + 4);
      }
      funcs[i] = (int) funcOff;
    }
    return new FuncTab(table, funcSize, entries, funcs);
  }

  /** Returns the number of functions. */
  int count() {
    return funcOffs.length;
  }

  /**
   * Returns the index of the function containing text offset {@code off}, or -1.
   * Functions are half-open ranges [entry, next entry); the last ends at the table's end offset.
   */
  int indexOf(long off) {
    int n = funcOffs.length;
    if (n == 0 || off < entryOffs[0] || off >= entryOffs[n]) {
      return -1;
    }
    int key = (int) off;
    int b = key >>> bucketShift;
    int lo = buckets[b];
    int hi = buckets[b + 1];
    while (lo < hi) { // find the last entry <= key
      int mid = (lo + hi + 1) >>> 1;
      if (entryOffs[mid] <= key) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Returns the entry offset of function {@code i} (from the text start). */
  int entryOff(int i) {
    return entryOffs[i];
  }

  /** Returns the end offset of function {@code i}: the next function's entry. */
  int endOff(int i) {
    return entryOffs[i + 1];
  }

  /** Returns the table offset of function {@code i}'s {@code _func} record. */
  int funcOff(int i) {
    return funcOffs[i];
  }

  /** Reads the int32 field at {@code field} of function {@code i}'s record. */
  int field(int i, int field) {
    return table.getInt(funcOffs[i] + field);
  }

  /** Reads the uint8 field at {@code field} of function {@code i}'s record. */
  int byteField(int i, int field) {
    return table.get(funcOffs[i] + field) & 0xff;
  }

  /** Returns the size of the fixed part of a record (40 or 44 bytes). */
  int funcSize() {
    return funcSize;
  }
}
