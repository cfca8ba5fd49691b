package org.dlv4j.gort;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A named type of a Go binary as its DWARF describes it, in brief: enough to find it, size it
 * and tell its kind, without the full type model. Immutable.
 *
 * @param name the type's name as the compiler wrote it, e.g. {@code main.Point},
 *     {@code *main.Point}, {@code []string}, {@code map[string]int}
 * @param kind the Go kind ({@code DW_AT_go_kind}, numbered as {@code reflect.Kind}: 2 int,
 *     17 array, 22 pointer, 23 slice, 24 string, 25 struct ...), or 0 if the DIE has none
 * @param size the size of a value in bytes ({@code DW_AT_byte_size}, followed through
 *     typedefs), or empty if the DWARF gives none
 * @param dieOffset the {@code .debug_info} offset of the type's DIE, for reading more of it
 *     through {@link GoBinary#dwarf()}
 */
public record TypeInfo(String name, int kind, OptionalLong size, long dieOffset) {
  private static final String[] KIND_NAMES = {
    "invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
    "uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "array",
    "chan", "func", "interface", "map", "ptr", "slice", "string", "struct", "unsafe.Pointer",
  };

  /**
   * Checks for nulls.
   *
   * @param name the type's name
   * @param kind the Go kind, 0 if unknown
   * @param size the byte size, if known
   * @param dieOffset the DIE's offset
   */
  public TypeInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(size, "size");
  }

  /**
   * {@return the kind's name as {@code reflect.Kind.String} spells it, e.g. {@code "struct"}}
   * Unknown kinds read {@code "kind<N>"}.
   */
  public String kindName() {
    return kind >= 0 && kind < KIND_NAMES.length ? KIND_NAMES[kind] : "kind" + kind;
  }
}
