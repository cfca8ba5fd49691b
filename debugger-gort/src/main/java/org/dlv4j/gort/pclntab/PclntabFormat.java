package org.dlv4j.gort.pclntab;

import java.nio.ByteBuffer;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/** The pclntab layouts dlv4j reads, told apart by the table's magic number. */
public enum PclntabFormat {
  /**
   * Go 1.18 and 1.19 (magic {@code 0xfffffff0}): 40-byte {@code _func} records without a start
   * line, 20-byte inline tree records.
   */
  GO118(0xfffffff0, 40, 20),
  /**
   * Go 1.20 and later (magic {@code 0xfffffff1}): 44-byte {@code _func} records with
   * {@code startLine}, 16-byte inline tree records.
   */
  GO120(0xfffffff1, 44, 16);

  private static final PclntabFormat[] ALL = values();

  private final int magic;
  private final int funcSize;
  private final int inlinedCallSize;

  PclntabFormat(int magic, int funcSize, int inlinedCallSize) {
    this.magic = magic;
    this.funcSize = funcSize;
    this.inlinedCallSize = inlinedCallSize;
  }

  /**
   * Reads just the header of a pclntab and returns its format.
   *
   * @param table the contents of {@code .gopclntab}
   * @return the format
   * @throws org.dlv4j.api.BinaryFormatException if the header is malformed or the table is older
   *     than Go 1.18
   */
  public static PclntabFormat of(ByteBuffer table) {
    return PcHeader.parse(new ByteCursor(table, Pclntab.WHERE)).format();
  }

  /**
   * Tells whether a word is the magic number of one of these formats; allocation-free, for
   * scanning data for the start of a table.
   *
   * @param word four bytes read little-endian
   * @return whether a table of a format dlv4j reads may start with it
   */
  public static boolean isMagic(int word) {
    for (PclntabFormat f : ALL) {
      if (f.magic == word) {
        return true;
      }
    }
    return false;
  }

  /** {@return the magic number, as read little-endian from the first four bytes} */
  public int magic() {
    return magic;
  }

  /** Returns the size of the fixed part of a {@code _func} record. */
  int funcSize() {
    return funcSize;
  }

  /** Returns the size of one inline tree record ({@code runtime.inlinedCall}). */
  int inlinedCallSize() {
    return inlinedCallSize;
  }
}
