package org.dlv4j.gort.internal.target;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Location;
import org.dlv4j.api.LocationNotFoundException;
import org.dlv4j.elf.ElfFile;

/**
 * What the engine knows about the program's code: the source position and function of a pc,
 * and the addresses a breakpoint spec resolves to. Owns the mapped executable.
 */
final class CodeIndex implements AutoCloseable {
  private final ElfFile elf;

  private CodeIndex(ElfFile elf) {
    this.elf = elf;
  }

  /**
   * Maps the executable.
   *
   * @param executable the ELF file
   * @return the index
   * @throws org.dlv4j.api.DebuggerException if the file cannot be read as ELF
   */
  static CodeIndex open(Path executable) {
    return new CodeIndex(ElfFile.open(executable));
  }

  /** Returns the location of {@code pc}; without line tables, only the pc is known. */
  Location location(long pc) {
    return new Location(pc, "", 0, Optional.empty());
  }

  /**
   * Resolves a breakpoint spec.
   *
   * @param spec the spec
   * @return one location per address, ascending, at least one
   * @throws LocationNotFoundException if it resolves to nothing
   */
  List<Location> resolve(BreakpointSpec spec) {
    if (spec instanceof BreakpointSpec.AtAddress at) {
      return List.of(location(at.address()));
    }
    throw new LocationNotFoundException(spec.locspec(), "no line table reader for "
        + elf.name());
  }

  @Override
  public void close() {
    elf.close();
  }
}
