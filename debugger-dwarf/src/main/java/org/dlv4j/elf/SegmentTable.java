package org.dlv4j.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.KaitaiReader;
import org.dlv4j.dwarf.internal.ksy.Elf64Header;
import org.dlv4j.dwarf.internal.ksy.Elf64ProgramHeader;

/** Reads the program header table after checking its position and count against the file. */
final class SegmentTable {
  /** Size of one Elf64_Phdr. */
  private static final int ENTRY_SIZE = 56;
  /** e_phnum value meaning "the count is in sh_info of section 0" (gABI extended numbering). */
  private static final int PN_XNUM = 0xffff;
  /** File offset of e_phentsize in the ELF64 header, for messages. */
  private static final long E_PHENTSIZE_OFFSET = 0x36;

  private SegmentTable() {}

  /** Reads every program header; empty if the file has none. */
  static List<Segment> read(ElfFile elf, ByteBuffer file, Elf64Header h) {
    long phoff = h.ePhoff();
    long count = h.ePhnum() == PN_XNUM && !elf.sections().isEmpty()
        ? Integer.toUnsignedLong(elf.sections().get(0).info()) : h.ePhnum();
    if (count == 0 || phoff == 0) {
      return List.of();
    }
    if (h.ePhentsize() != ENTRY_SIZE) {
      throw new BinaryFormatException("e_phentsize " + h.ePhentsize() + ", expected " + ENTRY_SIZE,
          elf.name(), E_PHENTSIZE_OFFSET);
    }
    if (phoff < 0 || phoff > file.limit() || count > (file.limit() - phoff) / ENTRY_SIZE) {
      throw new BinaryFormatException(count + " program headers at 0x" + Long.toHexString(phoff)
          + " do not fit in the 0x" + Integer.toHexString(file.limit()) + "-byte file",
          elf.name(), phoff);
    }
    List<Segment> segments = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      Elf64ProgramHeader p = KaitaiReader.parse(file, phoff + (long) i * ENTRY_SIZE, ENTRY_SIZE,
          elf.name() + " program header " + i, Elf64ProgramHeader::new);
      segments.add(new Segment((int) p.pType(), (int) p.pFlags(), p.pOffset(), p.pVaddr(),
          p.pPaddr(), p.pFilesz(), p.pMemsz(), p.pAlign()));
    }
    return List.copyOf(segments);
  }
}
