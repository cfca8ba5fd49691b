package org.dlv4j.gort;

import java.util.Objects;

/**
 * A package-level variable of a Go binary, from its DWARF. Immutable.
 *
 * @param name the qualified name, e.g. {@code main.counter} or {@code os.Args}
 * @param address the variable's link-time address ({@code DW_OP_addr} of its location; a
 *     position-independent executable adds its load bias at run time)
 * @param typeName the name of its type, e.g. {@code int} or {@code []string}; {@code ""} if
 *     the DWARF names none
 * @param dieOffset the {@code .debug_info} offset of the variable's DIE
 */
public record PackageVariable(String name, long address, String typeName, long dieOffset) {
  /**
   * Checks for nulls.
   *
   * @param name the variable's name
   * @param address its address
   * @param typeName its type's name, or {@code ""}
   * @param dieOffset the DIE's offset
   */
  public PackageVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeName, "typeName");
  }
}
