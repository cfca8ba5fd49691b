package org.dlv4j.dwarf.line;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * Reads the version 5 directory and file-name tables: each is an entry format (pairs of
 * content type and form) followed by a count and that many entries (DWARF v5 §6.2.4.1).
 * Decodes the few forms these tables may use itself.
 */
final class EntryTables {
  // Content types (DWARF v5 §7.22, Table 7.27).
  private static final int LNCT_PATH = 0x1;
  private static final int LNCT_DIRECTORY_INDEX = 0x2;
  private static final int LNCT_TIMESTAMP = 0x3;
  private static final int LNCT_SIZE = 0x4;
  private static final int LNCT_MD5 = 0x5;

  // Forms (DWARF v5 §7.5.6, Table 7.6).
  private static final int FORM_BLOCK2 = 0x03;
  private static final int FORM_BLOCK4 = 0x04;
  private static final int FORM_DATA2 = 0x05;
  private static final int FORM_DATA4 = 0x06;
  private static final int FORM_DATA8 = 0x07;
  private static final int FORM_STRING = 0x08;
  private static final int FORM_BLOCK = 0x09;
  private static final int FORM_BLOCK1 = 0x0a;
  private static final int FORM_DATA1 = 0x0b;
  private static final int FORM_SDATA = 0x0d;
  private static final int FORM_STRP = 0x0e;
  private static final int FORM_UDATA = 0x0f;
  private static final int FORM_DATA16 = 0x1e;
  private static final int FORM_LINE_STRP = 0x1f;

  private final ByteCursor in;
  private final LineSections sections;
  private final boolean dwarf64;

  EntryTables(ByteCursor in, LineSections sections, boolean dwarf64) {
    this.in = in;
    this.sections = sections;
    this.dwarf64 = dwarf64;
  }

  /**
   * Reads both tables into {@code directories} (resolved paths) and {@code files}. Entry 0 of
   * the directory table is the compilation directory; relative ones are relative to it.
   */
  void read(String compDir, List<String> directories, List<FileEntry> files) {
    int[] format = format();
    int count = count(format);
    for (int i = 0; i < count; i++) {
      String dir = entry(format, List.of()).name();
      directories.add(i == 0 ? SourcePath.join(compDir, dir)
          : SourcePath.join(directories.get(0), dir));
    }
    format = format();
    count = count(format);
    for (int i = 0; i < count; i++) {
      files.add(entry(format, directories));
    }
  }

  /**
   * Reads an entry format as alternating content types and forms, checking that each form
   * is one this reader decodes and that the content type allows it.
   */
  private int[] format() {
    int n = in.u8();
    int[] format = new int[2 * n];
    for (int i = 0; i < format.length; i += 2) {
      int at = in.position();
      format[i] = in.ulebInt();
      format[i + 1] = in.ulebInt();
      if (!allowed(format[i], format[i + 1])) {
        throw in.error("form 0x" + Integer.toHexString(format[i + 1])
            + " not supported for line table content type 0x" + Integer.toHexString(format[i]), at);
      }
    }
    return format;
  }

  private static boolean allowed(int contentType, int form) {
    switch (contentType) {
      case LNCT_PATH:
        return form == FORM_STRING || form == FORM_LINE_STRP || form == FORM_STRP;
      case LNCT_DIRECTORY_INDEX:
      case LNCT_SIZE:
        return isConstant(form);
      case LNCT_TIMESTAMP:
        return isConstant(form) || form == FORM_BLOCK;
      case LNCT_MD5:
        return form == FORM_DATA16;
      default:
        return isConstant(form) || form == FORM_DATA16 || form == FORM_SDATA
            || form == FORM_STRING || form == FORM_LINE_STRP || form == FORM_STRP
            || form == FORM_BLOCK || form == FORM_BLOCK1 || form == FORM_BLOCK2
            || form == FORM_BLOCK4;
    }
  }

  private static boolean isConstant(int form) {
    return form == FORM_DATA1 || form == FORM_DATA2 || form == FORM_DATA4 || form == FORM_DATA8
        || form == FORM_UDATA;
  }

  /**
   * Reads an entry count. Every entry holds a path, which takes at least one byte, so a count
   * above the bytes left is malformed; checking it caps the lists built from it.
   */
  private int count(int[] format) {
    int at = in.position();
    long count = in.uleb();
    if (count == 0) {
      return 0;
    }
    boolean hasPath = false;
    for (int i = 0; i < format.length; i += 2) {
      hasPath |= format[i] == LNCT_PATH;
    }
    if (!hasPath) {
      throw in.error("line table entry format without DW_LNCT_path", at);
    }
    if (Long.compareUnsigned(count, in.remaining()) > 0) {
      throw in.error("0x" + Long.toHexString(count) + " line table entries in 0x"
          + Integer.toHexString(in.remaining()) + " bytes", at);
    }
    return (int) count;
  }

  /**
   * Reads one entry. Its path is resolved against {@code directories}; with none (while
   * reading the directory table itself) the path is the name.
   */
  private FileEntry entry(int[] format, List<String> directories) {
    int at = in.position();
    String name = "";
    int dir = 0;
    long mtime = 0;
    long size = 0;
    Optional<String> md5 = Optional.empty();
    for (int i = 0; i < format.length; i += 2) {
      int form = format[i + 1];
      switch (format[i]) {
        case LNCT_PATH -> name = string(form);
        case LNCT_DIRECTORY_INDEX -> dir = index(form);
        case LNCT_TIMESTAMP -> mtime = form == FORM_BLOCK ? skipBlock() : unsigned(form);
        case LNCT_SIZE -> size = unsigned(form);
        case LNCT_MD5 -> md5 = Optional.of(HexFormat.of().formatHex(in.bytes(16)));
        default -> skip(form);
      }
    }
    String path = directories.isEmpty() ? name
        : LineHeaderReader.resolve(in, at, name, dir, directories);
    return new FileEntry(name, dir, path, mtime, size, md5);
  }

  private String string(int form) {
    if (form == FORM_STRING) {
      return in.cstring();
    }
    int at = in.position();
    long offset = in.unsigned(dwarf64 ? 8 : 4);
    Optional<ByteCursor> strings =
        form == FORM_LINE_STRP ? sections.lineStrCursor() : sections.strCursor();
    ByteCursor s = strings.orElseThrow(() -> in.error("string offset 0x" + Long.toHexString(offset)
        + " but no " + (form == FORM_LINE_STRP ? ".debug_line_str" : ".debug_str"), at));
    return s.cstringAt(offset);
  }

  private int index(int form) {
    int at = in.position();
    long v = unsigned(form);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw in.error("directory index 0x" + Long.toHexString(v) + " too large", at);
    }
    return (int) v;
  }

  private long unsigned(int form) {
    return switch (form) {
      case FORM_DATA1 -> in.u8();
      case FORM_DATA2 -> in.u16();
      case FORM_DATA4 -> in.u32();
      case FORM_DATA8 -> in.u64();
      default -> in.uleb(); // FORM_UDATA; format() admitted nothing else here
    };
  }

  private long skipBlock() {
    in.skip(in.uleb());
    return 0;
  }

  private void skip(int form) {
    switch (form) {
      case FORM_STRING -> in.skipCstring();
      case FORM_STRP, FORM_LINE_STRP -> in.skip(dwarf64 ? 8 : 4);
      case FORM_DATA16 -> in.skip(16);
      case FORM_SDATA, FORM_UDATA -> in.skipLeb();
      case FORM_BLOCK -> skipBlock();
      case FORM_BLOCK1 -> in.skip(in.u8());
      case FORM_BLOCK2 -> in.skip(in.u16());
      case FORM_BLOCK4 -> in.skip(in.u32());
      default -> unsigned(form);
    }
  }
}
