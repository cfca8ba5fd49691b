package org.dlv4j.dwarf;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.loc.AddressRange;

/** Builds a {@link DwarfIndex} in one pass over the top-level DIEs of every unit. */
final class IndexBuilder {
  private static final System.Logger LOG = System.getLogger("dwarf");
  /** Longest DW_AT_abstract_origin / DW_AT_specification chain followed to find a name. */
  private static final int MAX_ORIGIN_HOPS = 8;
  private static final boolean[] TYPE_TAGS = typeTags();

  private final Dwarf dwarf;
  private final NameTable functions = new NameTable();
  private final NameTable variables = new NameTable();
  private final NameTable types = new NameTable();
  private int[] functionRangeStart = new int[256];
  private long[] rangeStarts = new long[256];
  private long[] rangeEnds = new long[256];
  private int rangeCount;
  private final PcTable.Builder functionsByPc = new PcTable.Builder();
  private final PcTable.Builder unitsByPc = new PcTable.Builder();
  /** Names of abstract instances (DW_AT_inline) and declarations, by DIE offset. */
  private final Map<Long, String> originNames = new HashMap<>();
  /** Abstract instances without code, by DIE offset, in section order. */
  private final Map<Long, String> abstractInstances = new LinkedHashMap<>();
  /** Concrete instances that take their name from another DIE. */
  private final List<Concrete> unnamed = new ArrayList<>();
  private final Set<Long> originsWithCode = new HashSet<>();
  private final List<BinaryFormatException> errors = new ArrayList<>();

  /** An out-of-line function whose DIE names its abstract origin or specification instead of itself. */
  private record Concrete(long offset, long origin, List<AddressRange> ranges) {}

  IndexBuilder(Dwarf dwarf) {
    this.dwarf = dwarf;
  }

  DwarfIndex build() {
    for (Unit unit : dwarf.units()) {
      try {
        indexUnit(unit);
      } catch (BinaryFormatException e) {
        fail("indexing unit at 0x" + Long.toHexString(unit.offset()), e);
      }
    }
    for (Concrete c : unnamed) {
      try {
        String name = originName(c.origin());
        if (name != null) {
          addFunction(name, c.offset(), c.ranges());
          originsWithCode.add(c.origin());
        }
      } catch (BinaryFormatException e) {
        fail("naming the function at 0x" + Long.toHexString(c.offset()), e);
      }
    }
    for (Map.Entry<Long, String> a : abstractInstances.entrySet()) {
      if (!originsWithCode.contains(a.getKey())) {
        addFunction(a.getValue(), a.getKey(), List.of());
      }
    }
    functionRangeStart = Arrays.copyOf(functionRangeStart, functions.size() + 1);
    functionRangeStart[functions.size()] = rangeCount;
    return new DwarfIndex(dwarf, functions, functionRangeStart, Arrays.copyOf(rangeStarts, rangeCount),
        Arrays.copyOf(rangeEnds, rangeCount), functionsByPc.build(), variables, types,
        unitsByPc.build(), errors);
  }

  private void indexUnit(Unit unit) {
    DieCursor c = unit.cursor();
    c.nextDfs();
    Die root = c.die();
    if (root.tag().equals(DwTag.DW_TAG_compile_unit) || root.tag().equals(DwTag.DW_TAG_partial_unit)
        || root.tag().equals(DwTag.DW_TAG_skeleton_unit)) {
      for (AddressRange r : root.ranges()) {
        unitsByPc.add(r.start(), r.end(), unit.ordinal());
      }
    }
    boolean more = root.hasChildren() && c.nextDfs() && c.die().depth() == 1;
    for (; more; more = c.nextSibling()) {
      visit(c.die());
    }
  }

  private void visit(Die d) {
    int tag = d.tag().code();
    if (tag == DwTag.DW_TAG_subprogram.code()) {
      visitFunction(d);
      return;
    }
    boolean isVariable = tag == DwTag.DW_TAG_variable.code();
    if (!isVariable && !(tag < TYPE_TAGS.length && TYPE_TAGS[tag]) || d.attrFlag(DwAt.DW_AT_declaration)) {
      return;
    }
    Optional<String> name = d.attrString(DwAt.DW_AT_name);
    if (name.isPresent()) {
      (isVariable ? variables : types).add(name.get(), d.offset());
    }
  }

  private void visitFunction(Die d) {
    Optional<String> name = d.attrString(DwAt.DW_AT_name);
    if (d.attrFlag(DwAt.DW_AT_declaration)) {
      name.ifPresent(n -> originNames.put(d.offset(), n));
      return;
    }
    List<AddressRange> ranges = d.ranges();
    if (name.isPresent()) {
      if (d.has(DwAt.DW_AT_inline)) {
        originNames.put(d.offset(), name.get());
      }
      if (!ranges.isEmpty()) {
        addFunction(name.get(), d.offset(), ranges);
      } else if (d.has(DwAt.DW_AT_inline)) {
        abstractInstances.put(d.offset(), name.get());
      }
      return;
    }
    long origin = d.attrReference(DwAt.DW_AT_abstract_origin, d.attrReference(DwAt.DW_AT_specification, -1));
    if (origin >= 0 && !ranges.isEmpty()) {
      unnamed.add(new Concrete(d.offset(), origin, ranges));
    }
  }

  /** Follows abstract-origin and specification references from {@code offset} to a name. */
  private String originName(long offset) {
    long at = offset;
    for (int hop = 0; hop < MAX_ORIGIN_HOPS; hop++) {
      String known = originNames.get(at);
      if (known != null) {
        return known;
      }
      Die d = dwarf.cursorAt(at).die();
      Optional<String> name = d.attrString(DwAt.DW_AT_name);
      if (name.isPresent()) {
        return name.get();
      }
      at = d.attrReference(DwAt.DW_AT_abstract_origin, d.attrReference(DwAt.DW_AT_specification, -1));
      if (at < 0) {
        return null;
      }
    }
    throw new BinaryFormatException("reference chain longer than " + MAX_ORIGIN_HOPS + " DIEs (a cycle?)",
        dwarf.name() + " .debug_info", offset);
  }

  private void addFunction(String name, long offset, List<AddressRange> ranges) {
    int id = functions.add(name, offset);
    if (id + 1 >= functionRangeStart.length) {
      functionRangeStart = Arrays.copyOf(functionRangeStart, functionRangeStart.length * 2);
    }
    functionRangeStart[id] = rangeCount;
    for (AddressRange r : ranges) {
      if (rangeCount == rangeStarts.length) {
        rangeStarts = Arrays.copyOf(rangeStarts, rangeCount * 2);
        rangeEnds = Arrays.copyOf(rangeEnds, rangeCount * 2);
      }
      rangeStarts[rangeCount] = r.start();
      rangeEnds[rangeCount] = r.end();
      rangeCount++;
      functionsByPc.add(r.start(), r.end(), id);
    }
  }

  private void fail(String what, BinaryFormatException e) {
    LOG.log(Level.WARNING, "{0}: {1}", what, e.getMessage());
    errors.add(e);
  }

  private static boolean[] typeTags() {
    DwTag[] tags = {DwTag.DW_TAG_array_type, DwTag.DW_TAG_class_type, DwTag.DW_TAG_enumeration_type,
        DwTag.DW_TAG_pointer_type, DwTag.DW_TAG_reference_type, DwTag.DW_TAG_string_type,
        DwTag.DW_TAG_structure_type, DwTag.DW_TAG_subroutine_type, DwTag.DW_TAG_typedef,
        DwTag.DW_TAG_union_type, DwTag.DW_TAG_ptr_to_member_type, DwTag.DW_TAG_set_type,
        DwTag.DW_TAG_subrange_type, DwTag.DW_TAG_base_type, DwTag.DW_TAG_const_type,
        DwTag.DW_TAG_file_type, DwTag.DW_TAG_packed_type, DwTag.DW_TAG_volatile_type,
        DwTag.DW_TAG_restrict_type, DwTag.DW_TAG_interface_type, DwTag.DW_TAG_unspecified_type,
        DwTag.DW_TAG_shared_type, DwTag.DW_TAG_rvalue_reference_type, DwTag.DW_TAG_template_alias,
        DwTag.DW_TAG_coarray_type, DwTag.DW_TAG_dynamic_type, DwTag.DW_TAG_atomic_type,
        DwTag.DW_TAG_immutable_type};
    boolean[] table = new boolean[DwTag.DW_TAG_immutable_type.code() + 1];
    for (DwTag t : tags) {
      table[t.code()] = true;
    }
    return table;
  }
}
