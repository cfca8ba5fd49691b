package org.dlv4j.dwarf.line;

/**
 * One row of the line-number matrix (DWARF v5 §6.2.2): the state-machine registers when a
 * row was appended. The row covers addresses from {@code address} up to the next row's
 * address; an {@code endSequence} row only marks the first address after its sequence.
 *
 * @param address the program-counter value
 * @param opIndex the operation index within a VLIW instruction, 0 on other targets
 * @param file the file index, resolved with {@link LineCursor#file(int)}
 * @param line the source line, 1-based; 0 when no line applies
 * @param column the source column, 1-based; 0 when unknown
 * @param isStmt whether the row is a recommended breakpoint location
 * @param basicBlock whether the row starts a basic block
 * @param endSequence whether the row ends a sequence of contiguous addresses
 * @param prologueEnd whether the row is where a function's prologue ends
 * @param epilogueBegin whether the row is where a function's epilogue begins
 * @param isa the instruction set architecture code, 0 by default
 * @param discriminator the block the row belongs to, among blocks on the same line
 */
public record LineRow(
    long address, int opIndex, int file, int line, int column, boolean isStmt,
    boolean basicBlock, boolean endSequence, boolean prologueEnd, boolean epilogueBegin,
    int isa, int discriminator) {

  /**
   * A reusable row that {@link LineCursor#next(Mutable)} fills in place, so walking a whole
   * table allocates nothing. Belongs to one thread; copy it with {@link #toRow()} to keep it.
   */
  public static final class Mutable {
    long address;
    int opIndex;
    int file;
    int line;
    int column;
    boolean isStmt;
    boolean basicBlock;
    boolean endSequence;
    boolean prologueEnd;
    boolean epilogueBegin;
    int isa;
    int discriminator;

    /** Creates a row with every register zero; the cursor fills it. */
    public Mutable() {}

    /** {@return the program-counter value} */
    public long address() {
      return address;
    }

    /** {@return the operation index within a VLIW instruction} */
    public int opIndex() {
      return opIndex;
    }

    /** {@return the file index} */
    public int file() {
      return file;
    }

    /** {@return the source line} */
    public int line() {
      return line;
    }

    /** {@return the source column, 0 when unknown} */
    public int column() {
      return column;
    }

    /** {@return whether the row is a recommended breakpoint location} */
    public boolean isStmt() {
      return isStmt;
    }

    /** {@return whether the row starts a basic block} */
    public boolean basicBlock() {
      return basicBlock;
    }

    /** {@return whether the row ends a sequence} */
    public boolean endSequence() {
      return endSequence;
    }

    /** {@return whether the row is where a function's prologue ends} */
    public boolean prologueEnd() {
      return prologueEnd;
    }

    /** {@return whether the row is where a function's epilogue begins} */
    public boolean epilogueBegin() {
      return epilogueBegin;
    }

    /** {@return the instruction set architecture code} */
    public int isa() {
      return isa;
    }

    /** {@return the discriminator} */
    public int discriminator() {
      return discriminator;
    }

    /** {@return an immutable copy} */
    public LineRow toRow() {
      return new LineRow(address, opIndex, file, line, column, isStmt, basicBlock, endSequence,
          prologueEnd, epilogueBegin, isa, discriminator);
    }

    @Override
    public String toString() {
      return toRow().toString();
    }
  }
}
