package org.dlv4j.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.dwarf.internal.io.KaitaiReader;
import org.dlv4j.dwarf.internal.ksy.Elf64Header;
import org.dlv4j.dwarf.internal.ksy.Elf64SectionHeader;

/**
 * Reads the section header table and the section names, validating the table's position and
 * count against the file size before reading any entry (System V gABI, "Sections", including
 * extended numbering for {@code e_shnum} and {@code e_shstrndx}).
 */
final class SectionTable {
  /** Size of one Elf64_Shdr. */
  static final int ENTRY_SIZE = 64;
  /** e_shstrndx value meaning "the index is in sh_link of section 0". */
  private static final int SHN_XINDEX = 0xffff;
  /** First reserved section index; e_shstrndx at or above it is not an index. */
  private static final int SHN_LORESERVE = 0xff00;
  /** File offset of e_shentsize in the ELF64 header, for messages. */
  private static final long E_SHENTSIZE_OFFSET = 0x3a;

  private SectionTable() {}

  /**
   * Reads every section header and resolves every name.
   *
   * @return the sections in table order, index 0 included; empty if the file has no table
   */
  static List<Section> read(ElfFile elf, ByteBuffer file, Elf64Header h) {
    String name = elf.name();
    long shoff = h.eShoff();
    if (shoff == 0) {
      if (h.eShnum() != 0) {
        throw new BinaryFormatException("e_shnum " + h.eShnum() + " but e_shoff 0", name, 0x3c);
      }
      return List.of();
    }
    if (h.eShentsize() != ENTRY_SIZE) {
      throw new BinaryFormatException("e_shentsize " + h.eShentsize() + ", expected " + ENTRY_SIZE,
          name, E_SHENTSIZE_OFFSET);
    }
    Elf64SectionHeader first = header(elf, file, shoff, 0);
    long count = h.eShnum() != 0 ? h.eShnum() : first.shSize();
    if (count < 1 || count > (file.limit() - shoff) / ENTRY_SIZE) {
      throw new BinaryFormatException(Long.toUnsignedString(count) + " section headers at 0x"
          + Long.toHexString(shoff) + " do not fit in the 0x" + Integer.toHexString(file.limit())
          + "-byte file", name, shoff);
    }
    long strndx = h.eShstrndx() == SHN_XINDEX ? first.shLink() : h.eShstrndx();
    if (strndx >= count || (h.eShstrndx() >= SHN_LORESERVE && h.eShstrndx() != SHN_XINDEX)) {
      throw new BinaryFormatException("section name table index " + strndx + " is not one of the "
          + count + " sections", name, 0x3e);
    }
    Elf64SectionHeader[] headers = new Elf64SectionHeader[(int) count];
    headers[0] = first;
    for (int i = 1; i < count; i++) {
      headers[i] = header(elf, file, shoff, i);
    }
    ByteCursor names = strndx == 0 ? null : nameTable(elf, file, headers[(int) strndx]);
    List<Section> sections = new ArrayList<>(headers.length);
    for (int i = 0; i < headers.length; i++) {
      Elf64SectionHeader s = headers[i];
      sections.add(new Section(elf, i, sectionName(elf, names, s, shoff, i), (int) s.shType(),
          s.shFlags(), s.shAddr(), s.shOffset(), s.shSize(), (int) s.shLink(), (int) s.shInfo(),
          s.shAddralign(), s.shEntsize()));
    }
    return List.copyOf(sections);
  }

  private static Elf64SectionHeader header(ElfFile elf, ByteBuffer file, long shoff, int i) {
    long at = shoff + (long) i * ENTRY_SIZE;
    return KaitaiReader.parse(file, at, ENTRY_SIZE, elf.name() + " section header " + i,
        Elf64SectionHeader::new);
  }

  private static ByteCursor nameTable(ElfFile elf, ByteBuffer file, Elf64SectionHeader s) {
    String where = elf.name() + " section name table";
    long off = s.shOffset();
    long size = s.shSize();
    if (off < 0 || size < 0 || off > file.limit() || size > file.limit() - off) {
      throw new BinaryFormatException("section name table of 0x" + Long.toHexString(size)
          + " bytes lies outside the file", where, off);
    }
    return new ByteCursor(file.slice((int) off, (int) size), where);
  }

  private static String sectionName(ElfFile elf, ByteCursor names, Elf64SectionHeader s,
      long shoff, int i) {
    if (names == null) {
      return "";
    }
    if (s.shName() >= names.limit()) {
      throw new BinaryFormatException("sh_name 0x" + Long.toHexString(s.shName())
          + " outside the 0x" + Integer.toHexString(names.limit()) + "-byte section name table",
          elf.name() + " section header " + i, shoff + (long) i * ENTRY_SIZE);
    }
    return names.cstringAt(s.shName());
  }
}
