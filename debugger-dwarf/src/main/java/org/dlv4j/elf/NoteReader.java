package org.dlv4j.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.KaitaiReader;
import org.dlv4j.dwarf.internal.ksy.ElfNote;

/** Reads the notes of SHT_NOTE sections, or of PT_NOTE segments when there are no sections. */
final class NoteReader {
  /** Size of the three-word note header (namesz, descsz, type). */
  private static final int NOTE_HEADER_SIZE = 12;

  private NoteReader() {}

  /** Returns every note in file order. */
  static List<Note> read(ElfFile elf, ByteBuffer file, List<Section> sections,
      List<Segment> segments) {
    List<Note> notes = new ArrayList<>();
    if (!sections.isEmpty()) {
      for (Section s : sections) {
        if (s.type() == Section.SHT_NOTE) {
          readArea(elf.rawData(s), s.addralign(), elf.name() + " " + s.name(), notes);
        }
      }
    } else {
      for (Segment p : segments) {
        if (p.type() == Segment.PT_NOTE) {
          readArea(segmentData(file, p, elf.name()), p.align(), elf.name() + " PT_NOTE segment",
              notes);
        }
      }
    }
    return List.copyOf(notes);
  }

  private static ByteBuffer segmentData(ByteBuffer file, Segment p, String where) {
    if (p.offset() < 0 || p.filesz() < 0 || p.offset() > file.limit()
        || p.filesz() > file.limit() - p.offset()) {
      throw new BinaryFormatException("PT_NOTE segment of 0x" + Long.toHexString(p.filesz())
          + " bytes at 0x" + Long.toHexString(p.offset()) + " lies outside the 0x"
          + Integer.toHexString(file.limit()) + "-byte file", where, p.offset());
    }
    return file.slice((int) p.offset(), (int) p.filesz());
  }

  /** Notes are padded to 4 bytes, except in areas aligned to 8 (e.g. GNU property notes). */
  private static void readArea(ByteBuffer area, long align, String where,
      List<Note> out) {
    int padding = align == 8 ? 8 : 4;
    int pos = 0;
    while (pos < area.limit()) {
      if (area.limit() - pos < NOTE_HEADER_SIZE) {
        throw new BinaryFormatException("truncated note header", where, pos);
      }
      int start = pos;
      ElfNote n = KaitaiReader.parse(area, pos, area.limit() - pos, where, io -> new ElfNote(io, padding));
      pos += n._io().pos();
      out.add(new Note(owner(n.name()), n.type(), n.desc()));
      assert pos > start;
    }
  }

  /** The owner name is NUL-terminated inside namesz; producers disagree on counting the NUL. */
  private static String owner(byte[] name) {
    int len = 0;
    while (len < name.length && name[len] != 0) {
      len++;
    }
    return new String(name, 0, len, StandardCharsets.US_ASCII);
  }
}
