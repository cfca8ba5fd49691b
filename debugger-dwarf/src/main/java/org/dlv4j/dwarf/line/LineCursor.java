package org.dlv4j.dwarf.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * Runs a line-number program's state machine (DWARF v5 §6.2.2, §6.2.5) and yields its rows
 * one at a time into a caller-owned {@link LineRow.Mutable}. Handles every standard and
 * extended opcode of versions 2 to 5; standard opcodes it does not know, or whose operand
 * count the header declares differently, are skipped by that count, unknown extended ones by
 * their length.
 *
 * <pre>{@code
 * LineRow.Mutable row = new LineRow.Mutable();
 * for (LineCursor c = program.cursor(); c.next(row); ) {
 *   if (!row.endSequence()) { ... row.address(), row.line() ... }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: a cursor belongs to one thread. It stays usable as long as its program.
 */
public final class LineCursor {
  // Standard opcodes (DWARF v5 §6.2.5.2) and the operand count of each, indexed by opcode.
  private static final int COPY = 1;
  private static final int ADVANCE_PC = 2;
  private static final int ADVANCE_LINE = 3;
  private static final int SET_FILE = 4;
  private static final int SET_COLUMN = 5;
  private static final int NEGATE_STMT = 6;
  private static final int SET_BASIC_BLOCK = 7;
  private static final int CONST_ADD_PC = 8;
  private static final int FIXED_ADVANCE_PC = 9;
  private static final int SET_PROLOGUE_END = 10;
  private static final int SET_EPILOGUE_BEGIN = 11;
  private static final int SET_ISA = 12;
  private static final int[] OPERANDS = {0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};

  // Extended opcodes (DWARF v5 §6.2.5.3; define_file is DWARF v4 §6.2.5.3).
  private static final int END_SEQUENCE = 1;
  private static final int SET_ADDRESS = 2;
  private static final int DEFINE_FILE = 3;
  private static final int SET_DISCRIMINATOR = 4;

  private final LineProgram program;
  private final ByteCursor in;
  private final int minInstLength;
  private final int maxOps;
  private final int lineBase;
  private final int lineRange;
  private final int opcodeBase;
  private final long maxAddress;
  private List<FileEntry> definedFiles = List.of();

  private long address;
  private int opIndex;
  private int file;
  private int line;
  private int column;
  private boolean isStmt;
  private boolean basicBlock;
  private boolean prologueEnd;
  private boolean epilogueBegin;
  private int isa;
  private int discriminator;
  /** Whether a row was emitted since the last end of sequence. */
  private boolean inSequence;

  LineCursor(LineProgram program, ByteCursor in) {
    this.program = program;
    this.in = in;
    LineHeader h = program.header();
    this.minInstLength = h.minInstLength();
    this.maxOps = h.maxOpsPerInst();
    this.lineBase = h.lineBase();
    this.lineRange = h.lineRange();
    this.opcodeBase = h.opcodeBase();
    this.maxAddress = h.addressSize() == 8 ? -1L : (1L << (8 * h.addressSize())) - 1;
    resetRegisters();
  }

  /**
   * Runs the program to its next row and stores it in {@code row}.
   *
   * @param row the row to overwrite
   * @return {@code true} if a row was stored, {@code false} at the end of the program
   * @throws BinaryFormatException if the program is malformed: truncated operands, lengths
   *     past the program's end, address or line overflow, a row naming a file the tables lack,
   *     or a program that ends inside a sequence. The cursor must not be used afterwards.
   */
  public boolean next(LineRow.Mutable row) {
    while (!in.atEnd()) {
      int at = in.position();
      int op = in.u8();
      if (op >= opcodeBase) {
        int adjusted = op - opcodeBase;
        advance(adjusted / lineRange, at);
        addLine(lineBase + adjusted % lineRange, at);
        emit(row, false, at);
        return true;
      }
      if (op == 0 ? extended(row, at) : standard(op, row, at)) {
        return true;
      }
    }
    if (inSequence) {
      throw in.error("line program ends without DW_LNE_end_sequence", in.position());
    }
    return false;
  }

  /**
   * Returns the file with index {@code index}: from the program's table, or added by a
   * {@code DW_LNE_define_file} this cursor has run.
   *
   * @param index a file index as rows hold it
   * @return the file, or empty if there is none with that index
   */
  public Optional<FileEntry> file(int index) {
    Optional<FileEntry> f = program.file(index);
    if (f.isPresent()) {
      return f;
    }
    int i = index - program.firstFileIndex() - program.files().size();
    return i >= 0 && i < definedFiles.size() ? Optional.of(definedFiles.get(i)) : Optional.empty();
  }

  private boolean hasFile(int index) {
    int i = index - program.firstFileIndex();
    return i >= 0 && i < program.files().size() + definedFiles.size();
  }

  /** {@return the program this cursor runs} */
  public LineProgram program() {
    return program;
  }

  /** Decodes a standard opcode; returns whether it appended a row (only DW_LNS_copy does). */
  private boolean standard(int op, LineRow.Mutable row, int at) {
    int operands = program.header().operandCount(op);
    if (op >= OPERANDS.length || operands != OPERANDS[op]) {
      for (int i = 0; i < operands; i++) {
        in.skipLeb();
      }
      return false;
    }
    switch (op) {
      case COPY -> {
        emit(row, false, at);
        return true;
      }
      case ADVANCE_PC -> advance(in.uleb(), at);
      case ADVANCE_LINE -> addLine(in.sleb(), at);
      case SET_FILE -> file = in.ulebInt();
      case SET_COLUMN -> column = in.ulebInt();
      case NEGATE_STMT -> isStmt = !isStmt;
      case SET_BASIC_BLOCK -> basicBlock = true;
      case CONST_ADD_PC -> advance((255 - opcodeBase) / lineRange, at);
      case FIXED_ADVANCE_PC -> {
        addAddress(in.u16(), at);
        opIndex = 0;
      }
      case SET_PROLOGUE_END -> prologueEnd = true;
      case SET_EPILOGUE_BEGIN -> epilogueBegin = true;
      default -> isa = in.ulebInt(); // SET_ISA
    }
    return false;
  }

  /** Decodes an extended opcode; returns whether it appended a row (DW_LNE_end_sequence). */
  private boolean extended(LineRow.Mutable row, int at) {
    long length = in.uleb();
    if (Long.compareUnsigned(length, in.remaining()) > 0) {
      throw in.error("extended opcode length 0x" + Long.toHexString(length)
          + " beyond the end of the line program", at);
    }
    if (length == 0) {
      return false;
    }
    int end = in.position() + (int) length;
    int sub = in.u8();
    boolean appended = false;
    switch (sub) {
      case END_SEQUENCE -> {
        emit(row, true, at);
        resetRegisters();
        appended = true;
      }
      case SET_ADDRESS -> setAddress((int) length - 1, at);
      case DEFINE_FILE -> defineFile(at);
      case SET_DISCRIMINATOR -> discriminator = in.ulebInt();
      default -> { } // unknown or vendor opcode: skipped below by its length
    }
    if (in.position() > end) {
      throw in.error("extended opcode 0x" + Integer.toHexString(sub)
          + " longer than its length 0x" + Long.toHexString(length), at);
    }
    in.seek(end);
    return appended;
  }

  private void setAddress(int size, int at) {
    if (size != program.addressSize()) {
      throw in.error("DW_LNE_set_address with a " + size + "-byte operand, address size "
          + program.addressSize(), at);
    }
    address = in.unsigned(size);
    opIndex = 0;
  }

  /** DW_LNE_define_file (versions 2 to 4; reserved in version 5, so skipped there). */
  private void defineFile(int at) {
    if (program.version() >= 5) {
      return;
    }
    String name = in.cstring();
    FileEntry f = LineHeaderReader.legacyFile(in, at, name, program.directories());
    if (definedFiles.isEmpty()) {
      definedFiles = new ArrayList<>();
    }
    definedFiles.add(f);
  }

  /**
   * Advances address and op_index by {@code operationAdvance} operations (DWARF v5
   * §6.2.5.1), refusing to wrap past the largest address.
   */
  private void advance(long operationAdvance, int at) {
    if (maxOps == 1) {
      addAddress(times(operationAdvance, at), at);
      return;
    }
    if (Long.compareUnsigned(operationAdvance, -1L - opIndex) > 0) {
      throw in.error("operation advance 0x" + Long.toHexString(operationAdvance) + " overflows",
          at);
    }
    long ops = opIndex + operationAdvance;
    addAddress(times(Long.divideUnsigned(ops, maxOps), at), at);
    opIndex = (int) Long.remainderUnsigned(ops, maxOps);
  }

  private long times(long instructions, int at) {
    if (minInstLength != 0
        && Long.compareUnsigned(instructions, Long.divideUnsigned(maxAddress, minInstLength)) > 0) {
      throw in.error("address advance of 0x" + Long.toHexString(instructions)
          + " instructions overflows", at);
    }
    return instructions * minInstLength;
  }

  private void addAddress(long delta, int at) {
    if (Long.compareUnsigned(delta, maxAddress - address) > 0) {
      throw in.error("address 0x" + Long.toHexString(address) + " + 0x" + Long.toHexString(delta)
          + " overflows", at);
    }
    address += delta;
  }

  private void addLine(long delta, int at) {
    long next = line + delta;
    if (delta < Integer.MIN_VALUE || delta > Integer.MAX_VALUE || next < 0
        || next > Integer.MAX_VALUE) {
      throw in.error("line " + line + " advanced by " + delta + " is out of range", at);
    }
    line = (int) next;
  }

  private void emit(LineRow.Mutable row, boolean end, int at) {
    if (!end && !hasFile(file)) {
      throw in.error("row refers to file " + file + ", which the file table lacks", at);
    }
    row.address = address;
    row.opIndex = opIndex;
    row.file = file;
    row.line = line;
    row.column = column;
    row.isStmt = isStmt;
    row.basicBlock = basicBlock;
    row.endSequence = end;
    row.prologueEnd = prologueEnd;
    row.epilogueBegin = epilogueBegin;
    row.isa = isa;
    row.discriminator = discriminator;
    inSequence = !end;
    basicBlock = false;
    prologueEnd = false;
    epilogueBegin = false;
    discriminator = 0;
  }

  /** Sets the registers to their state at the start of each sequence (DWARF v5 Table 6.4). */
  private void resetRegisters() {
    address = 0;
    opIndex = 0;
    file = 1;
    line = 1;
    column = 0;
    isStmt = program.defaultIsStmt();
    basicBlock = false;
    prologueEnd = false;
    epilogueBegin = false;
    isa = 0;
    discriminator = 0;
  }
}
