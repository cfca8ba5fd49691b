package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.junit.GoBuild;

/**
 * The benchmarks' input: cmd/go of the local Go toolchain built with {@code -gcflags=all=-N -l}
 * at benchmark time (cached by GoBuild under target/go-fixtures), and query sets drawn from it
 * with fixed seeds.
 */
final class CmdGo {
  /** The seed of every query set, so that runs compare. */
  static final long SEED = 42;

  private static Path binary;

  private CmdGo() {
  }

  /** Returns cmd/go built without optimization, building (or finding it cached) once per JVM. */
  static synchronized Path binary() {
    if (binary == null) {
      binary = GoBuild.goPackage("cmd/go").build();
    }
    return binary;
  }

  /** Returns {@code n} pcs drawn uniformly from the binary's {@code .text} section. */
  static long[] randomPcs(Path binary, int n) {
    Section text;
    try (ElfFile elf = ElfFile.open(binary)) {
      text = elf.section(".text").orElseThrow();
    }
    SplittableRandom random = new SplittableRandom(SEED);
    long[] pcs = new long[n];
    for (int i = 0; i < n; i++) {
      pcs[i] = random.nextLong(text.address(), text.address() + text.size());
    }
    return pcs;
  }

  /** Returns the names of {@code n} functions drawn at random. */
  static String[] randomFunctionNames(GoBinary bin, int n) {
    List<FuncInfo> all = bin.functions();
    SplittableRandom random = new SplittableRandom(SEED);
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = all.get(random.nextInt(all.size())).name();
    }
    return names;
  }

  /** A file:line query with code. */
  record FileLine(String file, int line) {
  }

  /** Returns {@code n} file:line positions of random pcs: lines that have code. */
  static FileLine[] randomLines(GoBinary bin, Path binary, int n) {
    List<FileLine> out = new ArrayList<>();
    for (long pc : randomPcs(binary, 4 * n)) {
      bin.pcToLocation(pc).filter(l -> l.line() > 0).ifPresent(l -> out.add(new FileLine(l.file(), l.line())));
      if (out.size() == n) {
        break;
      }
    }
    return out.toArray(new FileLine[0]);
  }
}
