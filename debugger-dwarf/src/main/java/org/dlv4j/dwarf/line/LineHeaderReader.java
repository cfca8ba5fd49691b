package org.dlv4j.dwarf.line;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.dwarf.internal.io.KaitaiReader;
import org.dlv4j.dwarf.internal.ksy.DwarfLineHeader;

/**
 * Reads a line-program header: the fixed part through the Kaitai-generated
 * {@link DwarfLineHeader}, then the directory and file tables by hand (DWARF v5 §6.2.4).
 */
final class LineHeaderReader {
  private LineHeaderReader() {}

  /** Reads and validates the program header at {@code offset}; see {@link LineProgram#read}. */
  static LineProgram read(LineSections sections, long offset, int addressSize, String compDir) {
    if (!validAddressSize(addressSize)) {
      throw new IllegalArgumentException("address size " + addressSize);
    }
    ByteCursor section = sections.lineCursor();
    LineHeader header = fixedPart(section, sections.debugLine(), offset, addressSize);
    ByteCursor tables =
        section.window(header.tablesOffset(), header.programOffset() - header.tablesOffset());
    List<String> directories = new ArrayList<>();
    List<FileEntry> files = new ArrayList<>();
    if (header.version() >= 5) {
      new EntryTables(tables, sections, header.dwarf64()).read(compDir, directories, files);
    } else {
      legacyTables(tables, compDir, directories, files);
    }
    return new LineProgram(sections.debugLine(), header, compDir, directories, files);
  }

  private static LineHeader fixedPart(
      ByteCursor section, ByteBuffer debugLine, long offset, int addressSize) {
    if (offset < 0 || offset >= section.limit()) {
      throw section.error("line program offset outside section of 0x"
          + Integer.toHexString(section.limit()) + " bytes", offset);
    }
    DwarfLineHeader h = KaitaiReader.parse(debugLine, offset, section.limit() - offset,
        section.where(), DwarfLineHeader::new);
    long fixedEnd = offset + h._io().pos();
    long length = h.dwarf64() ? h.unitLength64() : h.unitLength32();
    if (!h.dwarf64() && length >= 0xffff_fff0L) {
      throw section.error("reserved unit_length 0x" + Long.toHexString(length), offset);
    }
    long lengthEnd = offset + h.initialLengthSize();
    if (Long.compareUnsigned(length, section.limit() - lengthEnd) > 0) {
      throw section.error("unit_length 0x" + Long.toHexString(length)
          + " beyond the end of the section", offset);
    }
    long end = lengthEnd + length;
    DwarfLineHeader.Body b = h.body();
    if (b == null) {
      throw section.error("unsupported line table version " + h.version(), lengthEnd);
    }
    if (fixedEnd > end) {
      throw section.error("line program header longer than its unit_length 0x"
          + Long.toHexString(length), offset);
    }
    long headerLengthEnd = offset + b.headerLengthEnd();
    long headerLength = b.headerLength();
    if (Long.compareUnsigned(headerLength, end - headerLengthEnd) > 0
        || headerLengthEnd + headerLength < fixedEnd) {
      throw section.error("header_length 0x" + Long.toHexString(headerLength)
          + " does not fit the unit ending at 0x" + Long.toHexString(end), offset);
    }
    int version = h.version();
    int size = version >= 5 ? b.addressSize() : addressSize;
    check(section, validAddressSize(size), "unsupported address size " + size, offset);
    int maxOps = version >= 4 ? b.maximumOperationsPerInstruction() : 1;
    check(section, maxOps != 0, "maximum_operations_per_instruction 0", offset);
    check(section, b.lineRange() != 0, "line_range 0", offset);
    check(section, b.opcodeBase() != 0, "opcode_base 0", offset);
    byte[] lengths = new byte[b.opcodeBase() - 1];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = (byte) (int) b.standardOpcodeLengths().get(i);
    }
    return new LineHeader(offset, end, fixedEnd, headerLengthEnd + headerLength, version,
        h.dwarf64(), size, b.minimumInstructionLength(), maxOps, b.defaultIsStmt() != 0,
        b.lineBase(), b.lineRange(), b.opcodeBase(), lengths);
  }

  private static boolean validAddressSize(int size) {
    return size == 1 || size == 2 || size == 4 || size == 8;
  }

  private static void check(ByteCursor section, boolean ok, String problem, long offset) {
    if (!ok) {
      throw section.error(problem + " in line program header", offset);
    }
  }

  /**
   * Reads the version 2-4 tables: include_directories and file_names, each ended by an empty
   * string. Directory 0 is the compilation directory, file indexes start at 1 (DWARF v4 §6.2.4).
   */
  private static void legacyTables(
      ByteCursor in, String compDir, List<String> directories, List<FileEntry> files) {
    directories.add(compDir);
    for (String dir = in.cstring(); !dir.isEmpty(); dir = in.cstring()) {
      directories.add(SourcePath.join(compDir, dir));
    }
    while (true) {
      int at = in.position();
      String name = in.cstring();
      if (name.isEmpty()) {
        return;
      }
      files.add(legacyFile(in, at, name, directories));
    }
  }

  /**
   * Reads the rest of a v2-4 file entry (also the operand of {@code DW_LNE_define_file}):
   * directory index, modification time and size, after the name that starts at {@code at}.
   */
  static FileEntry legacyFile(ByteCursor in, int at, String name, List<String> directories) {
    int dir = in.ulebInt();
    long mtime = in.uleb();
    long size = in.uleb();
    return new FileEntry(name, dir, resolve(in, at, name, dir, directories), mtime, size,
        Optional.empty());
  }

  /** Returns the full path of file {@code name} in directory {@code dir}, which must exist. */
  static String resolve(ByteCursor in, long at, String name, int dir, List<String> directories) {
    if (dir >= directories.size()) {
      throw in.error("file " + name + " in directory " + dir + " of " + directories.size(), at);
    }
    return SourcePath.join(directories.get(dir), name);
  }
}
