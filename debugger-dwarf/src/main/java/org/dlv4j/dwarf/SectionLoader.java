package org.dlv4j.dwarf;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Supplies the bytes of one debug section, decompressed, to a {@link Dwarf}. This keeps DWARF
 * decoding independent of the object-file format:
 *
 * <pre>{@code
 * Dwarf dwarf = Dwarf.load(id -> elf.sectionData(id.elfName()), "/path/bin");
 * }</pre>
 *
 * <p>{@link Dwarf} calls the loader at most once per section, lazily, possibly from any thread
 * that first needs the section, and keeps the returned buffer. The buffer's bytes must not
 * change afterwards; its position and limit delimit the section and its byte order is ignored
 * (DWARF is read as little-endian).
 */
@FunctionalInterface
public interface SectionLoader {
  /**
   * Returns the bytes of a section.
   *
   * @param id the section wanted
   * @return the section's bytes, or empty if the object has no such section
   */
  Optional<ByteBuffer> load(SectionId id);
}
