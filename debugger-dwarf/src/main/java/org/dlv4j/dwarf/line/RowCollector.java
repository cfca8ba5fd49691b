package org.dlv4j.dwarf.line;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Collects line rows into growable primitive columns a sequence at a time, then orders the
 * sequences by address for {@link LineIndex}. A sequence is kept only when it is complete,
 * covers at least one byte, never goes back in address, and does not overlap a kept sequence
 * with a lower start (linkers leave such duplicates at address 0 for discarded functions).
 */
final class RowCollector {
  static final byte IS_STMT = 1;
  static final byte END_SEQUENCE = 2;
  static final byte PROLOGUE_END = 4;

  private long[] address = new long[1024];
  private int[] file = new int[1024];
  private int[] line = new int[1024];
  private int[] column = new int[1024];
  private byte[] flags = new byte[1024];
  private int size;
  private boolean anyColumn;

  private int[] seqFirst = new int[64];
  private int seqCount;
  private int pendingFirst;
  private boolean pendingMonotonic = true;
  private int droppedSequences;

  /** Appends a row whose file has global id {@code fileId}; an end row completes its sequence. */
  void add(LineRow.Mutable row, int fileId) {
    if (size == address.length) {
      grow();
    }
    if (size > pendingFirst && Long.compareUnsigned(row.address(), address[size - 1]) < 0) {
      pendingMonotonic = false;
    }
    address[size] = row.address();
    file[size] = fileId;
    line[size] = row.line();
    column[size] = row.column();
    anyColumn |= row.column() != 0;
    flags[size] = (byte) ((row.isStmt() ? IS_STMT : 0) | (row.endSequence() ? END_SEQUENCE : 0)
        | (row.prologueEnd() ? PROLOGUE_END : 0));
    size++;
    if (row.endSequence()) {
      commit();
    }
  }

  /** Drops the rows of the sequence in progress (its program turned out malformed). */
  void abandonSequence() {
    size = pendingFirst;
    pendingMonotonic = true;
  }

  /** Returns how many complete sequences were dropped because their addresses go back. */
  int droppedSequences() {
    return droppedSequences;
  }

  private void commit() {
    if (!pendingMonotonic) {
      droppedSequences++;
    }
    if (!pendingMonotonic || address[pendingFirst] == address[size - 1]) {
      abandonSequence();
      return;
    }
    if (seqCount == seqFirst.length) {
      seqFirst = Arrays.copyOf(seqFirst, 2 * seqCount);
    }
    seqFirst[seqCount++] = pendingFirst;
    pendingFirst = size;
  }

  private void grow() {
    int n = 2 * address.length;
    address = Arrays.copyOf(address, n);
    file = Arrays.copyOf(file, n);
    line = Arrays.copyOf(line, n);
    column = Arrays.copyOf(column, n);
    flags = Arrays.copyOf(flags, n);
  }

  /**
   * Returns the kept rows ordered by address, in exactly sized arrays; {@code column} is null
   * when every column is 0 (Go writes none), which saves a quarter of the memory.
   */
  Rows finish() {
    int[] order = sequenceOrder();
    int kept = 0;
    long lastEnd = 0;
    int n = 0;
    for (int s : order) {
      if (kept > 0 && Long.compareUnsigned(address[seqFirst[s]], lastEnd) < 0) {
        continue;
      }
      order[kept++] = s;
      lastEnd = address[seqLimit(s) - 1];
      n += seqLimit(s) - seqFirst[s];
    }
    Rows rows = new Rows(new long[n], new int[n], new int[n], anyColumn ? new int[n] : null,
        new byte[n]);
    int to = 0;
    for (int i = 0; i < kept; i++) {
      int from = seqFirst[order[i]];
      int len = seqLimit(order[i]) - from;
      System.arraycopy(address, from, rows.address(), to, len);
      System.arraycopy(file, from, rows.file(), to, len);
      System.arraycopy(line, from, rows.line(), to, len);
      if (anyColumn) {
        System.arraycopy(column, from, rows.column(), to, len);
      }
      System.arraycopy(flags, from, rows.flags(), to, len);
      to += len;
    }
    return rows;
  }

  private int seqLimit(int s) {
    return s + 1 < seqCount ? seqFirst[s + 1] : pendingFirst;
  }

  /** Returns the sequence numbers ordered by start address, ties in input order. */
  private int[] sequenceOrder() {
    boolean sorted = true;
    for (int s = 1; s < seqCount && sorted; s++) {
      sorted = Long.compareUnsigned(address[seqFirst[s - 1]], address[seqFirst[s]]) <= 0;
    }
    IntStream all = IntStream.range(0, seqCount);
    if (sorted) {
      return all.toArray();
    }
    return all.boxed()
        .sorted(Comparator.comparing((Integer s) -> address[seqFirst[s]], Long::compareUnsigned))
        .mapToInt(Integer::intValue).toArray();
  }

  /** Rows in address order, one array per column. */
  record Rows(long[] address, int[] file, int[] line, int[] column, byte[] flags) {}
}
