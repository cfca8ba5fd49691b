package org.dlv4j.dwarf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.loc.AddressRange;

/**
 * Name and address lookups over all units, built by {@link Dwarf#index()} in one pass over the
 * top-level DIEs of every unit: functions (DW_TAG_subprogram), package-level variables
 * (DW_TAG_variable children of a unit's root) and named types, plus units and functions by pc.
 * Declarations (DW_AT_declaration) are not indexed; entries nested in namespaces or other
 * scopes are not either (Go has none). Immutable and thread-safe.
 *
 * <p>A unit whose DIEs turn out malformed is logged and indexed up to the bad entry; its
 * error is kept in {@link #errors()}.
 */
public final class DwarfIndex {
  private final Dwarf dwarf;
  private final NameTable functions;
  private final int[] functionRangeStart;
  private final long[] rangeStarts;
  private final long[] rangeEnds;
  private final PcTable functionsByPc;
  private final NameTable variables;
  private final NameTable types;
  private final PcTable unitsByPc;
  private final List<BinaryFormatException> errors;

  DwarfIndex(Dwarf dwarf, NameTable functions, int[] functionRangeStart, long[] rangeStarts,
      long[] rangeEnds, PcTable functionsByPc, NameTable variables, NameTable types,
      PcTable unitsByPc, List<BinaryFormatException> errors) {
    this.dwarf = dwarf;
    this.functions = functions;
    this.functionRangeStart = functionRangeStart;
    this.rangeStarts = rangeStarts;
    this.rangeEnds = rangeEnds;
    this.functionsByPc = functionsByPc;
    this.variables = variables;
    this.types = types;
    this.unitsByPc = unitsByPc;
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns the function named {@code name}, preferring one with code over one that was only
   * inlined, and otherwise the first in section order.
   *
   * @param name the DW_AT_name, e.g. {@code main.main}, {@code main.(*T).M}
   * @return the function, or empty if none has that name
   */
  public Optional<FunctionEntry> function(String name) {
    int best = -1;
    for (int id = functions.first(name); id >= 0; id = functions.next(id)) {
      if (rangeCount(id) > 0) {
        return Optional.of(entry(id));
      }
      if (best < 0) {
        best = id;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(entry(best));
  }

  /**
   * Returns every function named {@code name} (C statics may repeat a name), first first.
   *
   * @param name the name looked up
   * @return every function named {@code name} (C statics may repeat a name), first first
   */
  public List<FunctionEntry> functions(String name) {
    List<FunctionEntry> out = new ArrayList<>();
    for (int id = functions.first(name); id >= 0; id = functions.next(id)) {
      out.add(entry(id));
    }
    return out;
  }

  /**
   * Returns the function whose code contains {@code pc}.
   *
   * @param pc a target address
   * @return the function whose code contains {@code pc}
   */
  public Optional<FunctionEntry> functionAt(long pc) {
    int id = functionsByPc.find(pc);
    return id < 0 ? Optional.empty() : Optional.of(entry(id));
  }

  /**
   * Calls {@code action} with every function indexed, in index order (for listing functions or
   * matching them by pattern).
   *
   * @param action receives each function
   */
  public void forEachFunction(Consumer<FunctionEntry> action) {
    for (int id = 0; id < functions.size(); id++) {
      action.accept(entry(id));
    }
  }

  /**
   * Calls {@code action} with the name and {@code .debug_info} offset of every named type.
   *
   * @param action receives each type's name and DIE offset
   */
  public void forEachType(ObjLongConsumer<String> action) {
    for (int id = 0; id < types.size(); id++) {
      action.accept(types.name(id), types.offset(id));
    }
  }

  /**
   * Calls {@code action} with the name and {@code .debug_info} offset of every package-level
   * variable.
   *
   * @param action receives each variable's name and DIE offset
   */
  public void forEachVariable(ObjLongConsumer<String> action) {
    for (int id = 0; id < variables.size(); id++) {
      action.accept(variables.name(id), variables.offset(id));
    }
  }

  /**
   * Returns the number of functions indexed, inlined-only ones included.
   *
   * @return the number of functions indexed, inlined-only ones included
   */
  public int functionCount() {
    return functions.size();
  }

  /**
   * Returns the {@code .debug_info} offset of the first package-level variable so named.
   *
   * @param name the name looked up
   * @return the {@code .debug_info} offset of the first package-level variable so named
   */
  public OptionalLong variable(String name) {
    int id = variables.first(name);
    return id < 0 ? OptionalLong.empty() : OptionalLong.of(variables.offset(id));
  }

  /**
   * Returns the number of package-level variables indexed.
   *
   * @return the number of package-level variables indexed
   */
  public int variableCount() {
    return variables.size();
  }

  /**
   * Returns the {@code .debug_info} offset of the first type DIE so named, e.g. {@code int},
   * {@code main.T}, {@code *main.T}, {@code []string}, {@code map[string]int}.
   *
   * @param name the name looked up
   * @return the type DIE's offset, or empty if no type has that name
   */
  public OptionalLong type(String name) {
    int id = types.first(name);
    return id < 0 ? OptionalLong.empty() : OptionalLong.of(types.offset(id));
  }

  /**
   * Returns the number of named types indexed.
   *
   * @return the number of named types indexed
   */
  public int typeCount() {
    return types.size();
  }

  /**
   * Returns the compile unit whose ranges contain {@code pc}.
   *
   * @param pc a target address
   * @return the compile unit whose ranges contain {@code pc}
   */
  public Optional<Unit> unitForPc(long pc) {
    int ordinal = unitsByPc.find(pc);
    return ordinal < 0 ? Optional.empty() : Optional.of(dwarf.units().get(ordinal));
  }

  /**
   * Returns the errors met while indexing, one per unit that could not be fully read.
   *
   * @return the errors met while indexing, one per unit that could not be fully read
   */
  public List<BinaryFormatException> errors() {
    return errors;
  }

  private FunctionEntry entry(int id) {
    int from = functionRangeStart[id];
    List<AddressRange> ranges = new ArrayList<>(rangeCount(id));
    for (int r = from; r < functionRangeStart[id + 1]; r++) {
      ranges.add(new AddressRange(rangeStarts[r], rangeEnds[r]));
    }
    return new FunctionEntry(functions.name(id), functions.offset(id), ranges);
  }

  private int rangeCount(int id) {
    return functionRangeStart[id + 1] - functionRangeStart[id];
  }
}
