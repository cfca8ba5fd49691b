package org.dlv4j.dwarf.line;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.GoAddr2line;

/** Reads {@code .debug_line} from binaries, and asks go tool addr2line where pcs are. */
final class Tools {
  private Tools() {}

  /** Asks go tool addr2line (which reads pclntab, not DWARF) for "file:line" of each pc. */
  static List<String> addr2line(Path binary, List<Long> pcs) {
    return GoAddr2line.positions(binary, pcs.stream().mapToLong(Long::longValue).toArray()).stream()
        .map(GoAddr2line.Position::fileLine).toList();
  }

  /** Returns the decompressed {@code .debug_line} of {@code binary}. */
  static ByteBuffer debugLine(Path binary) {
    try (ElfFile elf = ElfFile.open(binary)) {
      return elf.sectionData(".debug_line").orElseThrow();
    }
  }
}
