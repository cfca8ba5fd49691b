package org.dlv4j.gort.internal.image;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;

/**
 * An allocated section with file contents (not NOBITS): name, virtual address and bytes.
 *
 * @param name the section name, e.g. {@code .rodata}
 * @param address the section's virtual address
 * @param data the section's contents; position 0 is {@code address}
 */
record ImageSection(String name, long address, ByteBuffer data) {
  /** Returns whether {@code addr} lies inside the section. */
  boolean contains(long addr) {
    return addr >= address && addr - address < data.limit();
  }

  /** Returns the section of {@code elf} called {@code name} if it is loaded and has contents. */
  static Optional<ImageSection> of(ElfFile elf, String name) {
    return elf.section(name).flatMap(s -> loaded(elf, s));
  }

  /**
   * Returns the bytes from {@code start} up to {@code end} if one loaded section holds them all,
   * named after that section.
   */
  static Optional<ImageSection> range(ElfFile elf, long start, long end) {
    if (end <= start) {
      return Optional.empty();
    }
    for (ImageSection s : all(elf)) {
      if (s.contains(start) && end - s.address <= s.data.limit()) {
        ByteBuffer data = s.data.slice((int) (start - s.address), (int) (end - start));
        return Optional.of(new ImageSection(s.name, start, data));
      }
    }
    return Optional.empty();
  }

  /** Returns the sections of {@code elf} that are loaded at an address and have contents. */
  static List<ImageSection> all(ElfFile elf) {
    List<ImageSection> out = new ArrayList<>();
    for (Section s : elf.sections()) {
      loaded(elf, s).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<ImageSection> loaded(ElfFile elf, Section s) {
    if ((s.flags() & Section.SHF_ALLOC) == 0 || s.address() == 0 || s.type() == Section.SHT_NOBITS) {
      return Optional.empty();
    }
    return elf.sectionData(s).map(data -> new ImageSection(s.name(), s.address(), data));
  }
}
