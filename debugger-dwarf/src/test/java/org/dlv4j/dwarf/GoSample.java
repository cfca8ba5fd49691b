package org.dlv4j.dwarf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.GoBuild;

/**
 * A Go binary built at test time, its {@link Dwarf} (read through {@link ElfFile}) and the
 * symbol table as {@code go tool nm} prints it, for cross-checking. Built once per JVM and kind.
 */
record GoSample(Path path, Dwarf dwarf, Map<String, Symbol> nm) {
  private static final Map<String, GoSample> CACHE = new ConcurrentHashMap<>();
  private static final Pattern NM_LINE = Pattern.compile("^\\s*([0-9a-f]+)\\s+(\\d+)\\s+(\\S)\\s+(.*)$");

  /** One {@code go tool nm -size} line. */
  record Symbol(long address, long size, char type) {}

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
    Map<String, Symbol> nm = new HashMap<>();
    for (String line : run("go", "tool", "nm", "-size", binary.toString()).split("\n")) {
      Matcher m = NM_LINE.matcher(line);
      if (m.matches()) {
        nm.putIfAbsent(m.group(4), new Symbol(Long.parseUnsignedLong(m.group(1), 16),
            Long.parseLong(m.group(2)), m.group(3).charAt(0)));
      }
    }
    return new GoSample(binary, dwarf, nm);
  }

  Symbol symbol(String name) {
    Symbol s = nm.get(name);
    if (s == null) {
      throw new AssertionError("go tool nm has no " + name);
    }
    return s;
  }

  /** Runs a tool and returns its standard output. */
  static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new AssertionError(String.join(" ", cmd) + " failed with " + p.exitValue());
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
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
