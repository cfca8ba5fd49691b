package org.dlv4j.gort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.dlv4j.elf.Symbol;
import org.dlv4j.gort.GoVersion;
import org.dlv4j.gort.internal.image.GoModules;
import org.dlv4j.gort.pclntab.ImageMemory;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-version wait-reason tables equal each toolchain's own runtime.waitReasonStrings. */
class WaitReasonsTest {

  @ParameterizedTest
  @ValueSource(strings = {"local", "go1.22.12", "go1.23.12", "go1.24.13", "go1.25.5"})
  void versionTableEqualsTheBinarysOwn(String toolchain) {
    Binary b = Binary.open(FallbackLayoutsTest.build(toolchain, "amd64"));
    Symbol sym = b.elf().symbol("runtime.waitReasonStrings").orElseThrow();
    WaitReasons own = WaitReasons.fromImage(sym.value(), sym.size(), GoModules.imageMemory(b.elf())).orElseThrow();
    assertEquals(WaitReasons.forVersion(b.version()).names(), own.names());
    GoRuntime rt = b.runtime();
    assertEquals("runtime.waitReasonStrings", rt.waitReasons().source());
  }

  /** Without symbols, the version's table stands in for the table the unstripped twin carries. */
  @Test
  void strippedBinaryUsesTheVersionTable() {
    Binary b = Binary.open(GoBuild.fixture("hello").flags("-ldflags=-s -w").build());
    GoRuntime rt = b.runtime();
    assertEquals("go1." + b.version().minor() + " table", rt.waitReasons().source());
    Binary twin = Binary.open(GoBuild.fixture("hello").build());
    assertEquals(b.version(), twin.version());
    assertEquals("runtime.waitReasonStrings", twin.runtime().waitReasons().source());
    assertEquals(twin.runtime().waitReasons().names(), rt.waitReasons().names());
  }

  @Test
  void namesAndLimits() {
    WaitReasons go122 = WaitReasons.forVersion(new GoVersion(1, 22, 12, ""));
    assertEquals("", go122.name(0));
    assertEquals("chan receive", go122.name(14));
    assertEquals("semacquire", go122.name(18));
    assertEquals(WaitReasons.UNKNOWN, go122.name(37));
    assertEquals(WaitReasons.UNKNOWN, go122.name(-1));
    WaitReasons go126 = WaitReasons.forVersion(new GoVersion(1, 26, 0, ""));
    assertEquals("chan receive", go126.name(19));
    assertEquals("cleanup wait", go126.name(46));
    assertEquals(go126.names(), WaitReasons.forVersion(new GoVersion(1, 27, 0, "devel")).names());
    assertEquals(go122.names(), WaitReasons.forVersion(new GoVersion(1, 19, 0, "")).names());
    assertEquals(38, WaitReasons.forVersion(new GoVersion(1, 23, 0, "")).names().size());
    assertEquals(44, WaitReasons.forVersion(new GoVersion(1, 24, 0, "")).names().size());
    assertEquals(47, WaitReasons.forVersion(new GoVersion(1, 25, 0, "")).names().size());
  }

  @Test
  void readsATableFromImageBytes() {
    // [0x1000] two string headers; [0x2000] "IO wait"
    ByteBuffer headers = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    headers.putLong(0).putLong(0).putLong(0x2000).putLong(7);
    ByteBuffer text = ByteBuffer.wrap("IO wait".getBytes(StandardCharsets.UTF_8));
    ImageMemory image = address -> address >= 0x1000 && address < 0x1020 ? Optional.of(headers.slice(
        (int) (address - 0x1000), (int) (0x1020 - address))) : address >= 0x2000 && address < 0x2007
        ? Optional.of(text.slice((int) (address - 0x2000), (int) (0x2007 - address))) : Optional.empty();
    WaitReasons r = WaitReasons.fromImage(0x1000, 32, image).orElseThrow();
    assertEquals(java.util.List.of("", "IO wait"), r.names());
    assertTrue(WaitReasons.fromImage(0x1000, 33, image).isEmpty(), "size not a multiple of 16");
    assertTrue(WaitReasons.fromImage(0x1000, 48, image).isEmpty(), "array past the section");
    assertTrue(WaitReasons.fromImage(0x1000, 16 * 257, image).isEmpty(), "absurd count");
    headers.putLong(24, 1 << 20);
    assertTrue(WaitReasons.fromImage(0x1000, 32, image).isEmpty(), "absurd string length");
    headers.putLong(24, 7).putLong(16, 0x3000);
    assertTrue(WaitReasons.fromImage(0x1000, 32, image).isEmpty(), "string outside the image");
  }
}
