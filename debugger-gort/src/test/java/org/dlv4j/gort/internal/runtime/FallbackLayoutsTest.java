package org.dlv4j.gort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.GoVersion;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoBuildException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The fallback layout table equals the offsets the DWARF of each supported toolchain gives,
 * for amd64 and arm64; toolchains that cannot be downloaded here are skipped.
 */
class FallbackLayoutsTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "local, amd64", "local, arm64",
      "go1.22.12, amd64", "go1.22.12, arm64",
      "go1.23.12, amd64", "go1.23.12, arm64",
      "go1.24.13, amd64", "go1.24.13, arm64",
      "go1.25.5, amd64", "go1.25.5, arm64"})
  void tableMatchesDwarf(String toolchain, String goarch) {
    Binary b = Binary.open(build(toolchain, goarch));
    int[] fromDwarf = RuntimeLayout.dwarfValues(b.dwarf().orElseThrow()).orElseThrow();
    int[] table = FallbackLayouts.forVersion(b.version(), b.arch()).orElseThrow();
    assertEquals(named(fromDwarf), named(table), "fallback table for " + b.version() + " " + goarch);
    RuntimeLayout layout = RuntimeLayout.of(b.dwarf(), b.version(), b.arch());
    assertEquals("DWARF", layout.source());
    assertEquals(b.version().atLeast(1, 24) ? RuntimeLayout.LabelFormat.LIST : RuntimeLayout.LabelFormat.MAP,
        layout.labelFormat());
  }

  @Test
  void strippedBinaryUsesItsVersionsTable() {
    Binary b = Binary.open(GoBuild.fixture("hello").flags("-ldflags=-s -w").build());
    RuntimeLayout layout = RuntimeLayout.of(b.dwarf(), b.version(), b.arch());
    assertEquals(Optional.empty(), b.dwarf().map(d -> "has DWARF"));
    assertEquals("go1." + b.version().minor() + " table", layout.source());
    Binary withDwarf = Binary.open(GoBuild.fixture("hello").build());
    assertEquals(RuntimeLayout.of(withDwarf.dwarf(), withDwarf.version(), withDwarf.arch()).asMap(), layout.asMap());
  }

  @Test
  void versionsOutsideTheTable() {
    assertEquals(Optional.empty(), FallbackLayouts.forVersion(new GoVersion(1, 21, 0, ""), Arch.AMD64));
    assertThrows(DebuggerException.class,
        () -> RuntimeLayout.of(Optional.empty(), new GoVersion(1, 21, 0, ""), Arch.AMD64));
    assertEquals(Arrays.toString(FallbackLayouts.forVersion(new GoVersion(1, 26, 0, ""), Arch.AMD64).orElseThrow()),
        Arrays.toString(FallbackLayouts.forVersion(new GoVersion(1, 27, 0, "rc1"), Arch.AMD64).orElseThrow()));
    assertEquals("go1.26 table", RuntimeLayout.of(Optional.empty(), new GoVersion(1, 27, 1, ""), Arch.ARM64).source());
  }

  static Path build(String toolchain, String goarch) {
    GoBuild b = GoBuild.fixture("hello").env("GOARCH", goarch);
    if (!toolchain.equals("local")) {
      b = b.env("GOTOOLCHAIN", toolchain);
    }
    try {
      return b.build();
    } catch (GoBuildException e) {
      assumeTrue(false, "toolchain " + toolchain + " unavailable: " + e.getMessage());
      throw e;
    }
  }

  private static Map<RuntimeField, Integer> named(int[] values) {
    Map<RuntimeField, Integer> out = new EnumMap<>(RuntimeField.class);
    for (RuntimeField f : RuntimeField.values()) {
      out.put(f, values[f.ordinal()]);
    }
    return out;
  }
}
