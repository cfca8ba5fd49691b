package org.dlv4j.gort.internal.runtime;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.GoVersion;

/**
 * Where the runtime keeps what a debugger reads, for one binary: the offsets of the fields of
 * {@code runtime.g}, {@code runtime.m} and {@code runtime._defer} (see {@link RuntimeField}) and
 * the representation of pprof labels. Offsets come from the binary's DWARF by field name, as
 * Delve reads them, so a new runtime layout needs no code change; a binary without DWARF (or
 * DWARF lacking a field) uses {@link FallbackLayouts}, chosen by Go version. Immutable.
 */
public final class RuntimeLayout {
  private static final System.Logger LOG = System.getLogger("debugger");

  /** How {@code g.labels} stores pprof labels. */
  public enum LabelFormat {
    /** Go 1.22/1.23: {@code *labelMap}, a {@code map[string]string}. */
    MAP,
    /** Go 1.24+: {@code *labelMap{LabelSet{list []label{key, value string}}}}, sorted by key. */
    LIST
  }

  private final int[] values;
  private final LabelFormat labelFormat;
  private final String source;

  private RuntimeLayout(int[] values, LabelFormat labelFormat, String source) {
    this.values = values;
    this.labelFormat = labelFormat;
    this.source = source;
  }

  /**
   * Returns the layout of a binary: DWARF offsets where {@code dwarf} describes
   * {@code runtime.g}, completed or replaced by the fallback table of {@code version}.
   *
   * @param dwarf the binary's DWARF, if it has any
   * @param version the binary's Go version
   * @param arch the binary's architecture
   * @return the layout
   * @throws DebuggerException if neither DWARF nor the table knows a field the debugger needs
   */
  public static RuntimeLayout of(Optional<Dwarf> dwarf, GoVersion version, Arch arch) {
    Optional<int[]> table = FallbackLayouts.forVersion(version, arch);
    Optional<int[]> fromDwarf = dwarf.flatMap(RuntimeLayout::dwarfValues);
    if (fromDwarf.isEmpty()) {
      int[] values = table.orElseThrow(() -> new DebuggerException("no DWARF description of runtime.g and no "
          + "built-in runtime layout for " + version + " on " + arch.goArch()));
      if (version.minor() > FallbackLayouts.NEWEST) {
        LOG.log(Level.WARNING, "no DWARF and no runtime layout for {0}; assuming the go1.{1} layout",
            version, FallbackLayouts.NEWEST);
      }
      return new RuntimeLayout(values, labelFormat(version), "go1." + Math.min(version.minor(),
          FallbackLayouts.NEWEST) + " table");
    }
    int[] values = fromDwarf.get();
    for (RuntimeField f : RuntimeField.values()) {
      if (values[f.ordinal()] < 0 && table.isPresent()) {
        LOG.log(Level.DEBUG, "DWARF lacks {0}.{1}; using the table", f.struct(), f.path());
        values[f.ordinal()] = table.get()[f.ordinal()];
      }
    }
    for (RuntimeField f : new RuntimeField[] {RuntimeField.G_SIZE, RuntimeField.G_GOID, RuntimeField.G_STATUS,
        RuntimeField.G_SCHED_SP, RuntimeField.G_SCHED_PC, RuntimeField.G_STACK_HI}) {
      if (values[f.ordinal()] < 0) {
        throw new DebuggerException("the DWARF of runtime.g lacks " + f.path() + " and " + version
            + " has no built-in layout");
      }
    }
    return new RuntimeLayout(values, labelFormat(version), "DWARF");
  }

  /**
   * Returns the offsets DWARF gives, -1 where it lacks a field; empty if it has no
   * {@code runtime.g} at all.
   *
   * @param dwarf the binary's DWARF
   * @return values by {@link RuntimeField} ordinal
   */
  static Optional<int[]> dwarfValues(Dwarf dwarf) {
    Map<String, Optional<DwarfStruct>> structs = new HashMap<>();
    Optional<DwarfStruct> g = structs.computeIfAbsent("runtime.g", n -> DwarfStruct.named(dwarf, n));
    if (g.isEmpty()) {
      return Optional.empty();
    }
    int[] values = new int[RuntimeField.values().length];
    Arrays.fill(values, -1);
    for (RuntimeField f : RuntimeField.values()) {
      Optional<DwarfStruct> s = structs.computeIfAbsent(f.struct(), n -> DwarfStruct.named(dwarf, n));
      if (s.isEmpty()) {
        continue;
      }
      OptionalLong v = f.isSize() ? sizeOf(s.get()) : s.get().offset(f.path());
      if (f == RuntimeField.G_STATUS) { // atomic.Uint32 wraps the value since Go 1.20
        OptionalLong inner = s.get().offset("atomicstatus.value");
        v = inner.isPresent() ? inner : v;
      }
      if (v.isPresent() && v.getAsLong() <= Integer.MAX_VALUE) {
        values[f.ordinal()] = (int) v.getAsLong();
      }
    }
    return Optional.of(values);
  }

  private static OptionalLong sizeOf(DwarfStruct s) {
    return s.size() < 0 ? OptionalLong.empty() : OptionalLong.of(s.size());
  }

  private static LabelFormat labelFormat(GoVersion version) {
    return version.atLeast(1, 24) ? LabelFormat.LIST : LabelFormat.MAP;
  }

  /**
   * Returns an offset or size.
   *
   * @param field the field
   * @return its byte offset in its struct (or the struct's size), or -1 if the runtime has none
   */
  public int get(RuntimeField field) {
    return values[field.ordinal()];
  }

  /** {@return how the runtime stores pprof labels} */
  public LabelFormat labelFormat() {
    return labelFormat;
  }

  /** {@return where the offsets came from: {@code "DWARF"} or the fallback table used} */
  public String source() {
    return source;
  }

  /** {@return every value by field, for tests and diagnostics} */
  public Map<RuntimeField, Integer> asMap() {
    Map<RuntimeField, Integer> out = new EnumMap<>(RuntimeField.class);
    for (RuntimeField f : RuntimeField.values()) {
      out.put(f, values[f.ordinal()]);
    }
    return out;
  }

  @Override
  public String toString() {
    return "RuntimeLayout[" + source + ", g " + get(RuntimeField.G_SIZE) + " bytes, labels " + labelFormat + "]";
  }
}
