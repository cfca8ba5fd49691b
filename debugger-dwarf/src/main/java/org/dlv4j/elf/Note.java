package org.dlv4j.elf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One ELF note: an owner name, a type meaningful for that owner, and descriptor bytes.
 *
 * @param owner the note's name without its NUL, e.g. {@code "GNU"} or {@code "Go"}
 * @param type the note type, e.g. {@link #NT_GNU_BUILD_ID} for owner {@code "GNU"}
 * @param desc the descriptor bytes; the accessor returns a copy
 */
public record Note(String owner, long type, byte[] desc) {
  /** Type of the GNU build-id note (owner {@code "GNU"}). */
  public static final int NT_GNU_BUILD_ID = 3;
  /** Type of the Go build-id note (owner {@code "Go"}, section {@code .note.go.buildid}). */
  public static final int NT_GO_BUILD_ID = 4;

  /**
   * Creates a note, copying {@code desc} so the record is immutable.
   *
   * @param owner the note's name without its NUL
   * @param type the note type
   * @param desc the descriptor bytes
   */
  public Note {
    desc = desc.clone();
  }

  /** {@return a copy of the descriptor bytes} */
  @Override
  public byte[] desc() {
    return desc.clone();
  }

  /**
   * Returns whether this note has the given owner and type.
   *
   * @param owner e.g. {@code "GNU"}
   * @param type e.g. {@link #NT_GNU_BUILD_ID}
   * @return whether both match
   */
  public boolean is(String owner, long type) {
    return this.owner.equals(owner) && this.type == type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Note n && n.owner.equals(owner) && n.type == type
        && Arrays.equals(n.desc, desc);
  }

  @Override
  public int hashCode() {
    return (owner.hashCode() * 31 + Long.hashCode(type)) * 31 + Arrays.hashCode(desc);
  }

  @Override
  public String toString() {
    return "Note[owner=" + owner + ", type=" + type + ", desc=" + HexFormat.of().formatHex(desc) + "]";
  }
}
