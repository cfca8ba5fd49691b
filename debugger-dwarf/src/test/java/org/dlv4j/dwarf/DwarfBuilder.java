package org.dlv4j.dwarf;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.dwarf.constants.DwUt;

/**
 * Assembles test sections: one {@link SectionBuilder} per {@link SectionId}, created on first
 * use, plus helpers for unit headers. Sections never touched are absent from {@link #load()}.
 */
final class DwarfBuilder {
  private final Map<SectionId, SectionBuilder> sections = new EnumMap<>(SectionId.class);

  SectionBuilder section(SectionId id) {
    return sections.computeIfAbsent(id, k -> new SectionBuilder());
  }

  SectionBuilder info() {
    return section(SectionId.DEBUG_INFO);
  }

  SectionBuilder abbrev() {
    return section(SectionId.DEBUG_ABBREV);
  }

  /**
   * Writes a unit header to .debug_info (DWARF v5 §7.5.1.1 layout for version 5, the v2-4
   * layout otherwise) and returns its length, to be closed with {@code info().endLength}.
   */
  SectionBuilder.Length unitHeader(DwarfFormat format, int version, DwUt type, int addressSize, long abbrevOffset) {
    SectionBuilder b = info();
    SectionBuilder.Length length = b.initialLength(format);
    b.u16(version);
    if (version >= 5) {
      b.u8(type.code()).u8(addressSize).offset(format, abbrevOffset);
    } else {
      b.offset(format, abbrevOffset).u8(addressSize);
    }
    return length;
  }

  /** Writes a DWARF 5 list or table contribution header (.debug_addr/.debug_str_offsets/lists). */
  SectionBuilder.Length contributionHeader(SectionId id, DwarfFormat format, int addressSize) {
    SectionBuilder b = section(id);
    SectionBuilder.Length length = b.initialLength(format);
    b.u16(5);
    if (id == SectionId.DEBUG_STR_OFFSETS) {
      b.u16(0);
    } else {
      b.u8(addressSize).u8(0);
      if (id == SectionId.DEBUG_RNGLISTS || id == SectionId.DEBUG_LOCLISTS) {
        b.u32(0); // offset_entry_count, patched by callers that use an offset table
      }
    }
    return length;
  }

  SectionLoader loader() {
    Map<SectionId, ByteBuffer> built = new EnumMap<>(SectionId.class);
    sections.forEach((id, b) -> built.put(id, b.toBuffer()));
    return id -> Optional.ofNullable(built.get(id)).map(ByteBuffer::duplicate);
  }

  Dwarf load() {
    return Dwarf.load(loader(), "test");
  }
}
