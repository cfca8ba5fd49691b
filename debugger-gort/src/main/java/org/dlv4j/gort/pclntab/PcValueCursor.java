package org.dlv4j.gort.pclntab;

/**
 * Walks one pcvalue table (pcsp, pcfile, pcln or a pcdata table) of one function as a sequence
 * of pc ranges, each with one value, in ascending pc order:
 *
 * <pre>{@code
 * PcValueCursor c = pclntab.pcValues(fn, fn.pcln());
 * while (c.next()) {
 *   System.out.printf("[%x, %x) line %d%n", c.startPc(), c.endPc(), c.value());
 * }
 * }</pre>
 *
 * <p>Not thread-safe; cheap to create. Valid as long as its {@link Pclntab}.
 */
public final class PcValueCursor {
  private final PcValues values;
  final long entry;
  int pos;
  int value;
  long startPc;
  long endPc;

  PcValueCursor(PcValues values, int pos, long entry) {
    this.values = values;
    this.entry = entry;
    this.pos = pos;
    this.value = -1;
    this.startPc = entry;
    this.endPc = entry;
  }

  /** Returns a cursor with no ranges, for a function without this table. */
  static PcValueCursor empty(PcValues values, long entry) {
    return new PcValueCursor(values, 0, entry);
  }

  /**
   * Moves to the next range.
   *
   * @return false when the table has ended; the cursor then stays on its last range
   * @throws org.dlv4j.api.BinaryFormatException if the table is malformed
   */
  public boolean next() {
    if (pos == 0) {
      return false;
    }
    if (!values.step(this)) {
      pos = 0;
      return false;
    }
    return true;
  }

  /** {@return the first pc of the current range} */
  public long startPc() {
    return startPc;
  }

  /** {@return the pc just after the current range} */
  public long endPc() {
    return endPc;
  }

  /** {@return the value for the current range} */
  public int value() {
    return value;
  }
}
