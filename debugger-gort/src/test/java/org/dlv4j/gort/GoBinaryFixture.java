package org.dlv4j.gort;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoBuild;

/** Builds of testdata/gobinary that the GoBinary tests read, built once per run (cached on disk by GoBuild). */
enum GoBinaryFixture {
  /** {@code -N -l}, the toolchain's default DWARF (5 from Go 1.25, 4 before): what a debugger is usually given. */
  PLAIN(() -> GoBuild.fixture("gobinary")),
  /** Default optimization: describe, add and util.Double are inlined into main.main. */
  OPTIMIZED(() -> GoBuild.fixture("gobinary").optimized()),
  /** {@code -N -l}, no symbol table and no DWARF; the same code layout as {@link #PLAIN}. */
  STRIPPED(() -> GoBuild.fixture("gobinary").flags("-ldflags=-s -w")),
  /**
   * {@code -N -l}, DWARF 4 (line table version 2): GOEXPERIMENT=nodwarf5 from Go 1.25, which
   * made DWARF 5 the default; older toolchains write DWARF 4 anyway and know no such experiment.
   */
  DWARF4(() -> GoTools.toolchainVersion().atLeast(1, 25)
      ? GoBuild.fixture("gobinary").env("GOEXPERIMENT", "nodwarf5") : GoBuild.fixture("gobinary")),
  /** {@code -N -l} with a GNU build ID note, which Go writes by default only from 1.24. */
  BUILD_ID(() -> GoBuild.fixture("gobinary").flags("-ldflags=-B gobuildid")),
  /** {@code -N -l} for arm64: parsed here, never run. */
  ARM64(() -> GoBuild.fixture("gobinary").env("GOARCH", "arm64"));

  private static final Map<GoBinaryFixture, Path> PATHS = new ConcurrentHashMap<>();

  private final Supplier<GoBuild> build;

  GoBinaryFixture(Supplier<GoBuild> build) {
    this.build = build;
  }

  /** Returns the binary, building it on first use. */
  Path path() {
    return PATHS.computeIfAbsent(this, f -> f.build.get().build());
  }

  /** Opens the binary. */
  GoBinary open() {
    return GoBinary.open(path());
  }

  /** Returns the full path of a source file of the fixture, as the compiler recorded it. */
  static String source(String relative) {
    return GoBuild.testdataRoot().resolve("gobinary").resolve(relative).toString();
  }
}
