package org.dlv4j.gort.pclntab;

import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * The pclntab header ({@code runtime.pcHeader}, Go 1.18+) and the bounds of the regions it
 * points to. All offsets are from the start of the table; regions follow each other in this
 * order (cmd/link/internal/ld/pcln.go): function names, cutab, filetab, pctab, then the
 * function table with the {@code _func} records.
 */
record PcHeader(
    PclntabFormat format,
    int quantum,
    int ptrSize,
    int nfunc,
    int nfiles,
    int funcnameOffset,
    int cuOffset,
    int filetabOffset,
    int pctabOffset,
    int pclnOffset,
    int size) {

  private static final int GO12_MAGIC = 0xfffffffb;
  private static final int GO116_MAGIC = 0xfffffffa;

  /** Parses and checks the header at the start of {@code c}, whose limit is the table's end. */
  static PcHeader parse(ByteCursor c) {
    c.seek(0);
    if (c.limit() < 8) {
      throw c.error("truncated header: table has " + c.limit() + " bytes", 0);
    }
    int magic = c.s32();
    PclntabFormat format = formatOf(c, magic);
    int pad1 = c.u8();
    int pad2 = c.u8();
    int quantum = c.u8();
    int ptrSize = c.u8();
    if (pad1 != 0 || pad2 != 0) {
      throw c.error("nonzero header padding", 4);
    }
    if (quantum != 1 && quantum != 2 && quantum != 4) {
      throw c.error("bad pc quantum " + quantum, 6);
    }
    if (ptrSize != 4 && ptrSize != 8) {
      throw c.error("bad pointer size " + ptrSize, 7);
    }
    long nfunc = c.unsigned(ptrSize);
    long nfiles = c.unsigned(ptrSize);
    c.unsigned(ptrSize); // textStart: unrelocated or 0; the caller supplies the real one
    int headerSize = 8 + 8 * ptrSize;
    int[] regions = new int[5];
    long previous = headerSize;
    for (int i = 0; i < regions.length; i++) {
      int at = c.position();
      long off = c.unsigned(ptrSize);
      if (off < previous || off > c.limit()) {
        throw c.error("region offset 0x" + Long.toHexString(off) + " out of order or outside the table", at);
      }
      regions[i] = (int) off;
      previous = off;
    }
    int size = c.limit();
    // Each function needs 8 bytes of function table; each file at least its NUL byte.
    if (nfunc < 0 || nfunc > (size - regions[4] - 4L) / 8) {
      throw c.error("function count " + Long.toUnsignedString(nfunc) + " does not fit the table", 8);
    }
    if (nfiles < 0 || nfiles > regions[3] - regions[2]) {
      throw c.error("file count " + Long.toUnsignedString(nfiles) + " does not fit the file table", 8 + ptrSize);
    }
    return new PcHeader(format, quantum, ptrSize, (int) nfunc, (int) nfiles,
        regions[0], regions[1], regions[2], regions[3], regions[4], size);
  }

  private static PclntabFormat formatOf(ByteCursor c, int magic) {
    for (PclntabFormat f : PclntabFormat.values()) {
      if (f.magic() == magic) {
        return f;
      }
      if (Integer.reverseBytes(f.magic()) == magic) {
        throw c.error("big-endian pclntab is not supported", 0);
      }
    }
    if (magic == GO116_MAGIC) {
      throw c.error("unsupported Go version: pclntab magic 0xfffffffa is Go 1.16/1.17; Go 1.18 or later is required", 0);
    }
    if (magic == GO12_MAGIC) {
      throw c.error("unsupported Go version: pclntab magic 0xfffffffb is Go 1.2-1.15; Go 1.18 or later is required", 0);
    }
    throw c.error("bad pclntab magic 0x" + Integer.toHexString(magic), 0);
  }

  /** Returns the number of {@code cutab} entries (uint32 file offsets). */
  int cutabLength() {
    return (filetabOffset - cuOffset) / 4;
  }
}
