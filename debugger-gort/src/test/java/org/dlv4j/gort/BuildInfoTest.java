package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
  private static final String SENTINEL_START = "0w\u00af\f\u0092t\b\u0002A\u00e1\u00c1\u0007\u00e6\u00d6\u0018\u00e6";
  private static final String SENTINEL_END = "\u00f92C1\u0086\u0018 r\u0000\u0082B\u0010A\u0016\u00d8\u00f2";

  @Test
  void helloAsGoVersionMReportsIt() {
    Path hello = GoBuild.fixture("hello").build();
    BuildInfo info = read(hello);
    assertEquals(GoTools.goVersion(hello), info.goVersion());
    assertEquals(GoVersion.parse(runGoVersion()), info.version());
    assertEquals("dlv4j.test/testdata/hello", info.path());
    assertEquals(Optional.of(new BuildInfo.Module("dlv4j.test/testdata", "(devel)", "", Optional.empty())),
        info.mainModule());
    assertEquals(List.of(), info.dependencies());
    assertEquals(Optional.of("all=-N -l"), info.setting("-gcflags"));
    assertEquals(Optional.of("0"), info.setting("CGO_ENABLED"));
    assertEquals(Optional.of("amd64"), info.setting("GOARCH"));
    assertEquals(Optional.of("linux"), info.setting("GOOS"));
    assertTrue(info.setting("GOAMD64").isPresent());
    assertEquals(Optional.empty(), info.setting("no such key"));
  }

  @Test
  void olderToolchainsAndOtherArchitectures() {
    Path go122 = GoBuild.fixture("pclnsample").env("GOTOOLCHAIN", "go1.22.12").build();
    assertEquals("go1.22.12", read(go122).goVersion());
    assertEquals(GoTools.goVersion(go122), read(go122).goVersion());
    Path go119 = GoBuild.fixture("pclnsample").env("GOTOOLCHAIN", "go1.19.13").flags("-modfile=go118.mod").build();
    assertEquals("go1.19.13", read(go119).goVersion());
    Path arm = GoBuild.fixture("pclnsample").optimized().env("GOARCH", "arm64").build();
    BuildInfo armInfo = read(arm);
    assertEquals(Optional.of("arm64"), armInfo.setting("GOARCH"));
    assertEquals(Optional.empty(), armInfo.setting("-gcflags"));
  }

  @Test
  void cmdGoIsBuiltFromGorootWithoutModuleLines() {
    Path gocmd = GoBuild.goPackage("cmd/go").build();
    BuildInfo info = read(gocmd);
    assertEquals(GoTools.goVersion(gocmd), info.goVersion());
    assertEquals("cmd/go", info.path());
    assertEquals(Optional.empty(), info.mainModule());
    assertEquals(List.of(), info.dependencies());
    assertEquals(Optional.of("all=-N -l"), info.setting("-gcflags"));
  }

  @Test
  void parsesTheExactLayout() {
    String mod = "path\texample.com/app\n"
        + "mod\texample.com/app\tv1.2.3\th1:abc=\n"
        + "dep\tgolang.org/x/sys\tv0.30.0\th1:def=\n"
        + "=>\t../sys\t(devel)\t\n"
        + "dep\tgolang.org/x/text\tv0.22.0\th1:ghi=\n"
        + "build\t-ldflags=\"-s -w\"\n"
        + "build\t\"weird key\"=v\n"
        + "build\tvcs.modified=false\n";
    BuildInfo info = BuildInfo.parse(blob("go1.24.1", SENTINEL_START + mod + SENTINEL_END, 0));
    assertEquals("go1.24.1", info.goVersion());
    assertEquals("example.com/app", info.path());
    assertEquals("v1.2.3", info.mainModule().orElseThrow().version());
    assertEquals(List.of(
        new BuildInfo.Module("golang.org/x/sys", "v0.30.0", "h1:def=",
            Optional.of(new BuildInfo.Module("../sys", "(devel)", "", Optional.empty()))),
        new BuildInfo.Module("golang.org/x/text", "v0.22.0", "h1:ghi=", Optional.empty())), info.dependencies());
    assertEquals(Map.of("-ldflags", "-s -w", "weird key", "v", "vcs.modified", "false"), info.settings());
    assertEquals(List.of("-ldflags", "weird key", "vcs.modified"), List.copyOf(info.settings().keySet()));
  }

  @Test
  void findsTheBlobAtA16ByteBoundaryAndAllowsNoModuleInfo() {
    BuildInfo info = BuildInfo.parse(blob("go1.22.0", "", 32));
    assertEquals("go1.22.0", info.goVersion());
    assertEquals("", info.path());
    assertEquals(Optional.empty(), info.mainModule());
    assertEquals(Map.of(), info.settings());
  }

  @Test
  void rejectsMalformedBlobs() {
    assertMessage("no Go build information", ByteBuffer.wrap(new byte[64]));
    ByteBuffer old = blob("go1.17", "", 0);
    old.put(15, (byte) 0);
    assertMessage("pointer format of Go 1.17", old);
    ByteBuffer truncated = blob("go1.22.0", SENTINEL_START + "path\tx\n" + SENTINEL_END, 0);
    assertMessage("runs past the end", truncated.slice(0, truncated.limit() - 5));
    ByteBuffer huge = blob("go1.22.0", "", 0);
    huge.put(32, (byte) 0xff).put(33, (byte) 0xff).put(34, (byte) 0xff).put(35, (byte) 0x7f);
    assertMessage("runs past the end", huge);
    assertMessage("empty Go version", blob("", "", 0));
    assertMessage("needs 2 or 3 columns", blob("go1.22.0", SENTINEL_START + "mod\tx\n" + SENTINEL_END, 0));
    assertMessage("without a module", blob("go1.22.0", SENTINEL_START + "=>\ta\tb\tc\n" + SENTINEL_END, 0));
    assertMessage("bad quoted value", blob("go1.22.0", SENTINEL_START + "build\tk=\"x\n" + SENTINEL_END, 0));
  }

  private static void assertMessage(String part, ByteBuffer section) {
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> BuildInfo.parse(section));
    assertTrue(e.getMessage().contains(part) && e.getMessage().contains(".go.buildinfo"), e.getMessage());
  }

  /** Builds a section holding a Go 1.18+ build information blob at {@code at}. */
  static ByteBuffer blob(String version, String mod, int at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[at], 0, at);
    byte[] magic = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    out.write(magic, 0, magic.length);
    out.write(8);
    out.write(2);
    out.write(new byte[16], 0, 16);
    for (String s : List.of(version, mod)) {
      byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
      for (long v = b.length; ; v >>>= 7) {
        out.write((int) (v & 0x7f) | (v >= 0x80 ? 0x80 : 0));
        if (v < 0x80) {
          break;
        }
      }
      out.write(b, 0, b.length);
    }
    return ByteBuffer.wrap(out.toByteArray());
  }

  private static BuildInfo read(Path binary) {
    return BuildInfo.read(ElfFile.open(binary));
  }

  private static String runGoVersion() {
    return GoTools.goVersion(GoBuild.fixture("hello").build());
  }
}
