package org.dlv4j.gort.internal.runtime;

import java.nio.file.Path;
import java.util.Optional;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.BuildInfo;
import org.dlv4j.gort.GoVersion;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * A Go binary opened the way the engine will open it: ELF, DWARF if present, pclntab, version
 * and architecture, and the runtime facts built from them.
 *
 * @param path the file
 * @param elf the open ELF file
 * @param dwarf its DWARF, if it has any
 * @param pclntab its pclntab
 * @param version its Go version
 * @param arch its architecture
 */
public record Binary(Path path, ElfFile elf, Optional<Dwarf> dwarf, Pclntab pclntab, GoVersion version, Arch arch) {

  /** Opens a binary. */
  public static Binary open(Path path) {
    ElfFile elf = ElfFile.open(path);
    Optional<Dwarf> dwarf = elf.section(".debug_info").isPresent()
        ? Optional.of(Dwarf.load(id -> elf.sectionData(id.elfName()), path.toString()))
        : Optional.empty();
    return new Binary(path, elf, dwarf, Pclntab.read(elf), BuildInfo.read(elf).version().orElseThrow(),
        Arch.forElfMachine(elf.machine()).orElseThrow());
  }

  /** Returns the runtime facts for a process running the binary with load bias {@code staticBase}. */
  public GoRuntime runtime(long staticBase) {
    return GoRuntime.load(elf, dwarf, pclntab, version, arch, staticBase);
  }

  /** Returns the runtime facts for a process running the binary at its link addresses. */
  public GoRuntime runtime() {
    return runtime(0);
  }
}
