package org.dlv4j.dwarf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;

/**
 * A Go binary built at test time, its {@link Dwarf} (read through {@link ElfFile}) and the
 * symbol table as {@code go tool nm} prints it, for cross-checking. Built once per JVM and kind.
 */
record GoSample(Path path, Dwarf dwarf, Map<String, GoNm.Symbol> nm) {
  private static final Map<String, GoSample> CACHE = new ConcurrentHashMap<>();

  /** One {@code go tool nm -size} line. */

  /** testdata/dwarfsample with DWARF {@code version} (4 or 5), optimized or built with -N -l. */
  static GoSample dwarfsample(int version, boolean optimized) {
    GoBuild build = GoBuild.fixture("dwarfsample");
    if (optimized) {
      build = build.optimized();
    }
    if (version == 4) {
      build = build.env("GOEXPERIMENT", "nodwarf5");
    }
    return of(build);
  }

  /** Any build, e.g. {@code GoBuild.goPackage("cmd/go")}. */
  static GoSample of(GoBuild build) {
    return CACHE.computeIfAbsent(build.toString(), k -> load(build.build()));
  }

  private static GoSample load(Path binary) {
    ElfFile elf = ElfFile.open(binary); // kept open: the sections are views of its mapping
    Dwarf dwarf = Dwarf.load(id -> elf.sectionData(id.elfName()), binary.toString());
    Map<String, GoNm.Symbol> nm = new HashMap<>();
    for (GoNm.Symbol s : GoNm.symbols(binary)) {
      nm.putIfAbsent(s.name(), s);
    }
    return new GoSample(binary, dwarf, nm);
  }

  GoNm.Symbol symbol(String name) {
    GoNm.Symbol s = nm.get(name);
    if (s == null) {
      throw new AssertionError("go tool nm has no " + name);
    }
    return s;
  }

  /** Returns {@code f} applied to each child of the DIE at {@code offset}, in order. */
  <T> List<T> children(long offset, Function<Die, T> f) {
    DieCursor c = dwarf.cursorAt(offset);
    List<T> out = new ArrayList<>();
    if (!c.die().hasChildren()) {
      return out;
    }
    for (boolean more = c.nextDfs() && c.die().depth() == 1; more; more = c.nextSibling()) {
      out.add(f.apply(c.die()));
    }
    return out;
  }

  /** Returns {@code f} applied to the DIE at {@code offset}. */
  <T> T at(long offset, Function<Die, T> f) {
    return f.apply(dwarf.cursorAt(offset).die());
  }
}
