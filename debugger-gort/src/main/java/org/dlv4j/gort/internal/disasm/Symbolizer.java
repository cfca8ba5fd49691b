package org.dlv4j.gort.internal.disasm;

import java.util.Optional;

/**
 * Names code addresses for disassembly text, e.g. from the pclntab or the ELF symbol table.
 * The disassembler asks it for the target of every direct call and jump.
 */
@FunctionalInterface
public interface Symbolizer {
  /** A symbolizer that knows no address. */
  Symbolizer NONE = address -> Optional.empty();

  /**
   * Returns a name for an address.
   *
   * @param address a virtual address in the target
   * @return a name such as {@code "main.f"} or {@code "main.f+0x10"}, or empty if unknown
   */
  Optional<String> symbolize(long address);
}
