package org.dlv4j.gort.internal.runtime;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.Die;
import org.dlv4j.dwarf.DieCursor;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwTag;

/**
 * The members of one DWARF structure type, by name: how the runtime layout learns the offsets
 * of {@code runtime.g}, {@code runtime.m} and the rest without hard-coding them. Members of
 * nested structs are reached by dotted paths ({@code "sched.sp"}); typedefs are followed.
 * Immutable.
 */
final class DwarfStruct {
  /** Typedef chains longer than this are corrupt. */
  private static final int MAX_TYPEDEFS = 8;
  /** DW_OP_plus_uconst: the old expression form of a member offset. */
  private static final int DW_OP_PLUS_UCONST = 0x23;

  /** One member: its byte offset in the struct and the DIE offset of its type. */
  record Member(long offset, long type) {
  }

  private final Dwarf dwarf;
  private final String name;
  private final long size;
  private final Map<String, Member> members;

  private DwarfStruct(Dwarf dwarf, String name, long size, Map<String, Member> members) {
    this.dwarf = dwarf;
    this.name = name;
    this.size = size;
    this.members = members;
  }

  /**
   * Returns the struct type called {@code typeName}, if the DWARF has it.
   *
   * @throws BinaryFormatException if the type's DIEs are malformed
   */
  static Optional<DwarfStruct> named(Dwarf dwarf, String typeName) {
    OptionalLong die = dwarf.index().type(typeName);
    return die.isPresent() ? at(dwarf, die.getAsLong()) : Optional.empty();
  }

  /** Returns the struct type at {@code dieOffset} (after typedefs), or empty if it is not a struct. */
  static Optional<DwarfStruct> at(Dwarf dwarf, long dieOffset) {
    DieCursor c = dwarf.cursorAt(dieOffset);
    for (int i = 0; c.die().tag().equals(DwTag.DW_TAG_typedef); i++) {
      long target = c.die().attrReference(DwAt.DW_AT_type, -1);
      if (target < 0 || i == MAX_TYPEDEFS) {
        return Optional.empty();
      }
      c = dwarf.cursorAt(target);
    }
    Die d = c.die();
    if (!d.tag().equals(DwTag.DW_TAG_structure_type)) {
      return Optional.empty();
    }
    String typeName = d.attrString(DwAt.DW_AT_name).orElse("?");
    long size = d.attrUnsigned(DwAt.DW_AT_byte_size, -1);
    Map<String, Member> members = new LinkedHashMap<>();
    if (d.hasChildren()) {
      boolean more = c.nextDfs() && c.die().depth() == 1;
      for (; more; more = c.nextSibling()) {
        Die m = c.die();
        if (m.tag().equals(DwTag.DW_TAG_member)) {
          Optional<String> memberName = m.attrString(DwAt.DW_AT_name);
          long off = memberOffset(m);
          if (memberName.isPresent() && off >= 0) {
            members.putIfAbsent(memberName.get(), new Member(off, m.attrReference(DwAt.DW_AT_type, -1)));
          }
        }
      }
    }
    return Optional.of(new DwarfStruct(dwarf, typeName, size, Map.copyOf(members)));
  }

  /** {@return the struct's name, e.g. {@code runtime.g}} */
  String name() {
    return name;
  }

  /** {@return the struct's size in bytes, or -1 if DWARF does not say} */
  long size() {
    return size;
  }

  /**
   * Returns the offset of a member or of a member of nested structs: {@code "goid"},
   * {@code "sched.sp"}, {@code "atomicstatus.value"}.
   */
  OptionalLong offset(String path) {
    DwarfStruct s = this;
    long total = 0;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      Member m = s.members.get(parts[i]);
      if (m == null) {
        return OptionalLong.empty();
      }
      total += m.offset();
      if (i + 1 < parts.length) {
        if (m.type() < 0) {
          return OptionalLong.empty();
        }
        Optional<DwarfStruct> inner = at(dwarf, m.type());
        if (inner.isEmpty()) {
          return OptionalLong.empty();
        }
        s = inner.get();
      }
    }
    return OptionalLong.of(total);
  }

  /** Reads DW_AT_data_member_location as a constant or a {@code DW_OP_plus_uconst} expression; -1 if neither. */
  private static long memberOffset(Die m) {
    OptionalLong constant = m.attrUnsigned(DwAt.DW_AT_data_member_location);
    if (constant.isPresent()) {
      return constant.getAsLong();
    }
    Optional<ByteBuffer> block = m.attrBlock(DwAt.DW_AT_data_member_location);
    if (block.isEmpty() || block.get().remaining() < 2 || (block.get().get(0) & 0xff) != DW_OP_PLUS_UCONST) {
      return -1;
    }
    ByteBuffer b = block.get();
    long v = 0;
    for (int i = 1, shift = 0; i < b.limit() && shift < 63; i++, shift += 7) {
      int x = b.get(i) & 0xff;
      v |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "DwarfStruct[" + name + ", " + size + " bytes, " + members.size() + " members]";
  }
}
