package org.dlv4j.gort.pclntab;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.GoVersion;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoBuild;

/** The Go binaries the pclntab tests read, built once per test run (and cached on disk by GoBuild). */
enum Binaries {
  HELLO(() -> GoBuild.fixture("hello")),
  SAMPLE(() -> GoBuild.fixture("pclnsample")),
  SAMPLE_OPTIMIZED(() -> GoBuild.fixture("pclnsample").optimized()),
  SAMPLE_STRIPPED(() -> GoBuild.fixture("pclnsample").optimized().flags("-ldflags=-s -w")),
  SAMPLE_EXTERNAL(() -> GoBuild.fixture("pclnsample").optimized().env("CGO_ENABLED", "1")
      .flags("-ldflags=-linkmode=external")),
  SAMPLE_EXTERNAL_STRIPPED(() -> GoBuild.fixture("pclnsample").optimized().env("CGO_ENABLED", "1")
      .flags("-ldflags=-linkmode=external -s -w")),
  SAMPLE_PIE_EXTERNAL(() -> GoBuild.fixture("pclnsample").optimized().env("CGO_ENABLED", "1")
      .flags("-buildmode=pie", "-ldflags=-linkmode=external")),
  SAMPLE_ARM64(() -> GoBuild.fixture("pclnsample").optimized().env("GOARCH", "arm64")),
  SAMPLE_GO122(() -> GoBuild.fixture("pclnsample").optimized().env("GOTOOLCHAIN", "go1.22.12")),
  SAMPLE_GO122_STRIPPED(() -> GoBuild.fixture("pclnsample").optimized().env("GOTOOLCHAIN", "go1.22.12")
      .flags("-ldflags=-s -w")),
  /** Before Go 1.26, an externally linked PIE has no .gopclntab section: the table lies in .data.rel.ro. */
  SAMPLE_GO122_PIE_EXTERNAL(() -> GoBuild.fixture("pclnsample").optimized().env("GOTOOLCHAIN", "go1.22.12")
      .env("CGO_ENABLED", "1").flags("-buildmode=pie", "-ldflags=-linkmode=external")),
  /** ...and without symbols, nothing names the table: it is found by its header. */
  SAMPLE_GO122_PIE_EXTERNAL_STRIPPED(() -> GoBuild.fixture("pclnsample").optimized().env("GOTOOLCHAIN", "go1.22.12")
      .env("CGO_ENABLED", "1").flags("-buildmode=pie", "-ldflags=-linkmode=external -s -w")),
  /** Go 1.19 writes the 1.18 format; the fixture's go.mod asks for 1.22, so use a 1.18 one. */
  SAMPLE_GO119(() -> GoBuild.fixture("pclnsample").optimized().env("GOTOOLCHAIN", "go1.19.13")
      .flags("-modfile=go118.mod")),
  SAMPLE_GO119_STRIPPED(() -> GoBuild.fixture("pclnsample").optimized().env("GOTOOLCHAIN", "go1.19.13")
      .flags("-modfile=go118.mod", "-ldflags=-s -w"));

  private static final Map<Binaries, Path> PATHS = new ConcurrentHashMap<>();
  private static final Map<Binaries, Pclntab> TABLES = new ConcurrentHashMap<>();

  private final Supplier<GoBuild> build;

  Binaries(Supplier<GoBuild> build) {
    this.build = build;
  }

  /** Returns the binary, building it on first use. */
  Path path() {
    return PATHS.computeIfAbsent(this, b -> b.build.get().build());
  }

  /** Returns the binary's pclntab, located the way dlv4j locates it. */
  Pclntab pclntab() {
    return TABLES.computeIfAbsent(this, b -> Pclntab.read(ElfFile.open(b.path())));
  }

  /**
   * Returns the binary {@code go tool addr2line} gives correct answers for in place of this one:
   * itself, except for the stripped externally linked binaries: addr2line takes the text start
   * from {@code .text} and is off, or finds no table in the Go 1.22 PIE; their unstripped twins
   * have the same layout.
   */
  Binaries addr2lineOracle() {
    return this == SAMPLE_EXTERNAL_STRIPPED ? SAMPLE_EXTERNAL
        : this == SAMPLE_GO122_PIE_EXTERNAL_STRIPPED ? SAMPLE_GO122_PIE_EXTERNAL : this;
  }

  /**
   * Returns whether the binary's runtime expands a pc into all its inlined frames in
   * runtime.CallersFrames (Go 1.23+); older runtimes give only the innermost frame.
   */
  boolean runtimeExpandsInlinedFrames() {
    return goVersion().atLeast(1, 23);
  }

  /** Returns the Go version the binary was built with, as {@code go version} reads it. */
  GoVersion goVersion() {
    return GoVersion.parse(GoTools.goVersion(path())).orElseThrow();
  }

  /** Returns whether the binary has a symbol table. */
  boolean hasSymbols() {
    return !name().endsWith("STRIPPED");
  }
}
