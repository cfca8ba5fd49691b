package org.dlv4j.dwarf.line;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * One line-number program of {@code .debug_line} (DWARF v5 §6.2), versions 2 to 5, in the
 * 32- or 64-bit DWARF format: its header, directory and file tables, and {@link #cursor()}
 * to run it. A compilation unit names its program by {@code DW_AT_stmt_list}.
 *
 * <pre>{@code
 * LineProgram program = LineProgram.read(sections, stmtList, 8, compDir);
 * LineCursor cursor = program.cursor();
 * LineRow.Mutable row = new LineRow.Mutable();
 * while (cursor.next(row)) {
 *   String file = cursor.file(row.file()).map(FileEntry::path).orElse("?");
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; they keep a reference to the section buffer,
 * which must stay valid (mapped) while they or their cursors are used. The opcodes are only
 * decoded by cursors.
 */
public final class LineProgram {
  private final ByteBuffer debugLine;
  private final LineHeader header;
  private final String compDir;
  private final List<String> directories;
  private final List<FileEntry> files;

  LineProgram(ByteBuffer debugLine, LineHeader header, String compDir, List<String> directories,
      List<FileEntry> files) {
    this.debugLine = debugLine;
    this.header = header;
    this.compDir = compDir;
    this.directories = List.copyOf(directories);
    this.files = List.copyOf(files);
  }

  /**
   * Reads the header of the program at {@code offset}.
   *
   * @param sections the sections to read from
   * @param offset the program's offset in {@code .debug_line}, a unit's {@code DW_AT_stmt_list}
   * @param addressSize the unit's address size (1, 2, 4 or 8); version 5 headers state their
   *     own and this is ignored
   * @param compDir the unit's {@code DW_AT_comp_dir}, or {@code ""} if unknown; relative
   *     directories are resolved against it
   * @return the program
   * @throws org.dlv4j.api.BinaryFormatException if the header is truncated or malformed, or
   *     uses a version or form this reader does not support
   * @throws IllegalArgumentException if {@code addressSize} is not 1, 2, 4 or 8
   */
  public static LineProgram read(
      LineSections sections, long offset, int addressSize, String compDir) {
    return LineHeaderReader.read(sections, offset, addressSize, compDir);
  }

  /**
   * Reads every program of {@code .debug_line}, which holds them back to back. Useful to index
   * a binary without its {@code .debug_info}, and in tests.
   *
   * @param sections the sections to read from
   * @param addressSize the address size of the binary, for version 2 to 4 programs
   * @param compDir the compilation directory to assume for every program, or {@code ""}
   * @return the programs in section order
   * @throws org.dlv4j.api.BinaryFormatException at the first program with a malformed header
   * @throws IllegalArgumentException if {@code addressSize} is not 1, 2, 4 or 8
   */
  public static List<LineProgram> all(LineSections sections, int addressSize, String compDir) {
    List<LineProgram> programs = new ArrayList<>();
    int limit = sections.debugLine().limit();
    for (long offset = 0; offset < limit; ) {
      LineProgram program = read(sections, offset, addressSize, compDir);
      programs.add(program);
      offset = program.end();
    }
    return programs;
  }

  /** {@return a new cursor at the first opcode. Each cursor belongs to one thread} */
  public LineCursor cursor() {
    ByteCursor in = new ByteCursor(debugLine, ".debug_line")
        .window(header.programOffset(), header.end() - header.programOffset());
    return new LineCursor(this, in);
  }

  /** {@return the offset of the program (its unit length field) in {@code .debug_line}} */
  public long offset() {
    return header.offset();
  }

  /** {@return the offset just past the program, where the next one starts} */
  public long end() {
    return header.end();
  }

  /** {@return the offset of the first opcode, just past the header} */
  public long programOffset() {
    return header.programOffset();
  }

  /** {@return the line table version, 2 to 5} */
  public int version() {
    return header.version();
  }

  /** {@return whether the program uses the 64-bit DWARF format} */
  public boolean dwarf64() {
    return header.dwarf64();
  }

  /** {@return the size in bytes of a target address} */
  public int addressSize() {
    return header.addressSize();
  }

  /** {@return {@code minimum_instruction_length}: the unit of address advances} */
  public int minimumInstructionLength() {
    return header.minInstLength();
  }

  /**
   * {@return {@code maximum_operations_per_instruction}: 1 before version 4 and on non-VLIW
   * targets}
   */
  public int maximumOperationsPerInstruction() {
    return header.maxOpsPerInst();
  }

  /** {@return {@code default_is_stmt}, the initial {@code is_stmt} of each sequence} */
  public boolean defaultIsStmt() {
    return header.defaultIsStmt();
  }

  /** {@return {@code line_base}, the smallest line advance of a special opcode} */
  public int lineBase() {
    return header.lineBase();
  }

  /** {@return {@code line_range}, the number of line advances special opcodes encode; never 0} */
  public int lineRange() {
    return header.lineRange();
  }

  /** {@return {@code opcode_base}, the first special opcode; never 0} */
  public int opcodeBase() {
    return header.opcodeBase();
  }

  /**
   * Returns the number of LEB128 operands the header declares for a standard opcode.
   *
   * @param opcode a standard opcode, 1 to {@code opcodeBase() - 1}
   * @return the declared operand count
   * @throws IndexOutOfBoundsException if {@code opcode} is not a standard opcode
   */
  public int standardOpcodeLength(int opcode) {
    if (opcode < 1 || opcode >= header.opcodeBase()) {
      throw new IndexOutOfBoundsException("standard opcode " + opcode);
    }
    return header.operandCount(opcode);
  }

  /** {@return the compilation directory the program was read with} */
  public String compDir() {
    return compDir;
  }

  /**
   * Returns the directories, resolved, indexed as file entries index them: before version 5
   * entry 0 is the compilation directory and entry i the i-th {@code include_directories}
   * entry; in version 5 the table as stored, entry 0 being the compilation directory.
   *
   * @return an immutable list
   */
  public List<String> directories() {
    return directories;
  }

  /**
   * Returns the file table as stored. Its first entry has index {@link #firstFileIndex()}.
   * Files added by {@code DW_LNE_define_file} are known to the cursor only.
   *
   * @return an immutable list
   */
  public List<FileEntry> files() {
    return files;
  }

  /** {@return the index of the first file: 1 before version 5, 0 from version 5 on (§6.2.4)} */
  public int firstFileIndex() {
    return header.version() >= 5 ? 0 : 1;
  }

  /**
   * Returns the file with index {@code index} as the {@code file} register uses it.
   *
   * @param index a file index
   * @return the file, or empty if the table has no such index
   */
  public Optional<FileEntry> file(int index) {
    int i = index - firstFileIndex();
    return i >= 0 && i < files.size() ? Optional.of(files.get(i)) : Optional.empty();
  }

  LineHeader header() {
    return header;
  }

  @Override
  public String toString() {
    return "LineProgram[v" + header.version() + " at 0x" + Long.toHexString(header.offset())
        + ", " + files.size() + " files]";
  }
}
