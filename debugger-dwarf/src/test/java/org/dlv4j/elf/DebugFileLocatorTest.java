package org.dlv4j.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DebugFileLocator on Go binaries split with objcopy, in every place gdb looks. */
class DebugFileLocatorTest {
  @TempDir Path tmp;
  private Path bin;
  private Path debug;
  private Path global;
  /** Splits hello into tmp/bin/hello (stripped, with a debug link) and a debug file. */
  @BeforeEach
  void split() throws IOException {
    Path hello = GoBuild.fixture("hello").flags("-ldflags=-B gobuildid").build();
    Path binDir = Files.createDirectories(tmp.resolve("bin"));
    global = Files.createDirectories(tmp.resolve("global"));
    debug = Tools.objcopy(hello, tmp.resolve("hello.debug"), "--only-keep-debug");
    bin = binDir.resolve("hello");
    Command.output("objcopy", "--strip-debug", "--add-gnu-debuglink=" + debug, hello.toString(),
        bin.toString());
  }

  @Test
  void splitBinaryHasLinkAndNoDwarf() throws IOException {
    try (ElfFile elf = ElfFile.open(bin); ElfFile d = ElfFile.open(debug)) {
      assertTrue(elf.sectionData(".debug_info").isEmpty());
      DebugLink link = elf.debugLink().orElseThrow();
      assertEquals("hello.debug", link.name());
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(Files.readAllBytes(debug));
      assertEquals(crc.getValue(), link.crc32());
      assertTrue(d.sectionData(".debug_info").orElseThrow().remaining() > 0);
      assertEquals(elf.buildId(), d.buildId());
      assertTrue(elf.buildId().isPresent(), "-B gobuildid gives a GNU build ID");
    }
  }

  @Test
  void findsByBuildId() throws IOException {
    Path byId = buildIdPath();
    Files.move(debug, byId);
    assertEquals(Optional.of(byId), new DebugFileLocator(List.of(global)).locate(bin));
  }

  @Test
  void buildIdCandidateWithOtherIdIsSkipped() throws IOException {
    Path byId = buildIdPath();
    Files.copy(GoBuild.fixture("hello").env("GOARCH", "arm64").build(), byId);
    Path sibling = Files.move(debug, bin.resolveSibling("hello.debug"));
    assertEquals(Optional.of(sibling), new DebugFileLocator(List.of(global)).locate(bin));
  }

  @Test
  void findsLinkNextToBinary() throws IOException {
    Path sibling = Files.move(debug, bin.resolveSibling("hello.debug"));
    assertEquals(Optional.of(sibling), new DebugFileLocator(List.of(global)).locate(bin));
  }

  @Test
  void findsLinkInDotDebug() throws IOException {
    Path dotDebug = Files.createDirectories(bin.resolveSibling(".debug")).resolve("hello.debug");
    Files.move(debug, dotDebug);
    assertEquals(Optional.of(dotDebug), new DebugFileLocator(List.of(global)).locate(bin));
  }

  @Test
  void findsLinkInGlobalDirectoryUnderBinaryPath() throws IOException {
    Path dir = bin.toRealPath().getParent();
    Path mirrored = global.resolve(dir.getRoot().relativize(dir)).resolve("hello.debug");
    Files.createDirectories(mirrored.getParent());
    Files.move(debug, mirrored);
    assertEquals(Optional.of(mirrored), new DebugFileLocator(List.of(global)).locate(bin));
  }

  @Test
  void followsSymlinkedBinary() throws IOException {
    Path sibling = Files.move(debug, bin.resolveSibling("hello.debug"));
    Path link = Files.createSymbolicLink(tmp.resolve("app"), bin);
    assertEquals(Optional.of(sibling), new DebugFileLocator(List.of(global)).locate(link));
  }

  @Test
  void decoyWithWrongCrcIsRejectedAndSearchContinues() throws IOException {
    Path decoy = bin.resolveSibling("hello.debug");
    Files.write(decoy, Files.readAllBytes(bin)); // right name, wrong contents
    Path dotDebug = Files.createDirectories(bin.resolveSibling(".debug")).resolve("hello.debug");
    Files.move(debug, dotDebug);
    assertEquals(Optional.of(dotDebug), new DebugFileLocator(List.of(global)).locate(bin));
  }

  @Test
  void onlyDecoyGivesEmpty() throws IOException {
    Files.delete(debug);
    Files.write(bin.resolveSibling("hello.debug"), new byte[] {1, 2, 3});
    assertEquals(Optional.empty(), new DebugFileLocator(List.of(global)).locate(bin));
  }

  @Test
  void binaryWithoutLinkOrMatchingIdGivesEmpty() {
    Path plain = GoBuild.fixture("hello").build();
    assertEquals(Optional.empty(), new DebugFileLocator(List.of(global)).locate(plain));
    assertFalse(new DebugFileLocator().directories().isEmpty());
    assertEquals(List.of(DebugFileLocator.DEFAULT_DIRECTORY), new DebugFileLocator().directories());
  }

  /** The build-ID path of {@code bin}'s debug file in {@code global}; creates its directory. */
  private Path buildIdPath() throws IOException {
    String id;
    try (ElfFile elf = ElfFile.open(bin)) {
      id = elf.buildId().orElseThrow();
    }
    Path byId = global.resolve(".build-id").resolve(id.substring(0, 2))
        .resolve(id.substring(2) + ".debug");
    Files.createDirectories(byId.getParent());
    return byId;
  }
}
