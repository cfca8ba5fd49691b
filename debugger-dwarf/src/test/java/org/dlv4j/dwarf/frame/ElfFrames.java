package org.dlv4j.dwarf.frame;

import java.nio.file.Path;
import org.dlv4j.elf.ElfFile;

/** Test-only glue from ElfFile to FrameSection; the files stay open, as the buffers view them. */
final class ElfFrames {
  private ElfFrames() {
  }

  static FrameSection debugFrame(Path elf) {
    return FrameSection.debugFrame(ElfFile.open(elf).sectionData(".debug_frame").orElseThrow());
  }

  static FrameSection ehFrame(Path elf) {
    ElfFile file = ElfFile.open(elf);
    return FrameSection.ehFrame(file.sectionData(".eh_frame").orElseThrow(),
        file.section(".eh_frame").orElseThrow().address());
  }
}
