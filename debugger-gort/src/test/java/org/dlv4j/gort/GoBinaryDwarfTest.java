package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.elf.DebugFileLocator;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GoBinary's DWARF side: types and package variables by name, DWARF 4 and 5, separate debug
 * files found by .gnu_debuglink and by build ID, and binaries without any.
 */
class GoBinaryDwarfTest {

  @ParameterizedTest
  @EnumSource(value = GoBinaryFixture.class, names = {"PLAIN", "OPTIMIZED", "DWARF4", "ARM64"})
  void typesByName(GoBinaryFixture f) {
    try (GoBinary bin = f.open()) {
      assertType(bin, "main.Config", 25, "struct", 32); // int64 + string + bool, padded
      assertType(bin, "*main.Config", 22, "ptr", 8);
      assertType(bin, "int", 2, "int", 8);
      assertType(bin, "string", 24, "string", 16);
      assertType(bin, "[]string", 23, "slice", 24);
      assertEquals(Optional.empty(), bin.type("main.Nope"));
      assertTrue(bin.hasDebugInfo());
      assertTrue(bin.dwarf().isPresent());
    }
  }

  /** Addresses agree with the symbol table. */
  @ParameterizedTest
  @EnumSource(value = GoBinaryFixture.class, names = {"PLAIN", "OPTIMIZED", "DWARF4", "ARM64"})
  void packageVariablesByName(GoBinaryFixture f) {
    Map<String, Long> nm = ToolOracle.nm(f.path());
    try (GoBinary bin = f.open()) {
      assertVariable(bin, nm, "main.Counter", "int");
      assertVariable(bin, nm, "main.config", "*main.Config");
      assertVariable(bin, nm, "os.Args", "[]string");
      assertEquals(Optional.empty(), bin.packageVariable("main.nope"));
    }
  }

  @Test
  void withoutDwarfTheDwarfQuestionsHaveNoAnswer() {
    Path stripped = GoBinaryFixture.STRIPPED.path();
    try (GoBinary bin = GoBinary.open(stripped, new DebugFileLocator(List.of()))) {
      assertFalse(bin.hasDebugInfo());
      assertEquals(Optional.empty(), bin.dwarf());
      assertEquals(Optional.empty(), bin.debugFile());
      assertEquals(Optional.empty(), bin.type("main.Config"));
      assertEquals(Optional.empty(), bin.packageVariable("main.Counter"));
      NoDebugInfoException e = assertThrows(NoDebugInfoException.class, bin::requireDwarf);
      assertEquals("no debug info: " + stripped + " has no DWARF sections and no separate debug file was found"
          + " (looked next to it and in [])", e.getMessage());
      assertTrue(bin.pcToLocation(bin.function("main.main").orElseThrow().entry()).isPresent(),
          "the pclntab still answers");
    }
  }

  /** objcopy --only-keep-debug, then --strip-debug --add-gnu-debuglink: the link finds the DWARF. */
  @Test
  void separateDebugFileFoundByDebugLink(@TempDir Path dir) throws IOException {
    Path exe = dir.resolve("gobinary");
    Path debug = dir.resolve("gobinary.debug");
    split(GoBinaryFixture.PLAIN, exe, debug, true);
    try (GoBinary bin = GoBinary.open(exe, new DebugFileLocator(List.of()))) {
      assertEquals(Optional.of(debug), bin.debugFile());
      assertSameDebugAnswersAs(GoBinaryFixture.PLAIN, bin);
    }
  }

  /**
   * Without a debug link, the GNU build ID names the file under D/.build-id/xx/. Go 1.24+ writes
   * the ID by default; {@code -B gobuildid} asks every supported release for it.
   */
  @Test
  void separateDebugFileFoundByBuildId(@TempDir Path dir) throws IOException {
    Path exe = dir.resolve("gobinary");
    Path debug = dir.resolve("gobinary.debug");
    split(GoBinaryFixture.BUILD_ID, exe, debug, false);
    String id;
    try (ElfFile elf = ElfFile.open(exe)) {
      id = elf.buildId().orElseThrow(() -> new AssertionError("-B gobuildid writes a GNU build ID"));
    }
    Path global = dir.resolve("debug");
    Path byId = global.resolve(".build-id").resolve(id.substring(0, 2)).resolve(id.substring(2) + ".debug");
    Files.createDirectories(byId.getParent());
    Files.move(debug, byId);
    try (GoBinary bin = GoBinary.open(exe, new DebugFileLocator(List.of(global)))) {
      assertEquals(Optional.of(byId), bin.debugFile());
      assertSameDebugAnswersAs(GoBinaryFixture.BUILD_ID, bin);
    }
    try (GoBinary bin = GoBinary.open(exe, new DebugFileLocator(List.of(dir.resolve("elsewhere"))))) {
      assertFalse(bin.hasDebugInfo());
    }
  }

  private static void split(GoBinaryFixture fixture, Path exe, Path debug, boolean link) throws IOException {
    Files.copy(fixture.path(), exe);
    Command.output("objcopy", "--only-keep-debug", exe.toString(), debug.toString());
    if (link) {
      Command.output("objcopy", "--strip-debug", "--add-gnu-debuglink=" + debug, exe.toString());
    } else {
      Command.output("objcopy", "--strip-debug", exe.toString());
    }
    try (ElfFile elf = ElfFile.open(exe)) {
      assertEquals(Optional.empty(), elf.section(".debug_info"), "the executable keeps no DWARF");
    }
  }

  /** The split binary answers as {@code fixture}, whose DWARF it was given back, does. */
  private static void assertSameDebugAnswersAs(GoBinaryFixture fixture, GoBinary bin) {
    try (GoBinary plain = fixture.open()) {
      assertTrue(bin.hasDebugInfo());
      assertEquals(plain.type("main.Config"), bin.type("main.Config"));
      assertEquals(plain.packageVariable("main.Counter"), bin.packageVariable("main.Counter"));
      String main = GoBinaryFixture.source("main.go");
      for (int line = 26; line <= 38; line++) {
        assertArrayEquals(plain.lineToPCs(main, line), bin.lineToPCs(main, line), "line " + line);
      }
      for (String name : List.of("main.describe", "main.add", "main.main")) {
        assertEquals(plain.firstPcAfterPrologue(plain.function(name).orElseThrow()),
            bin.firstPcAfterPrologue(bin.function(name).orElseThrow()), name);
      }
    }
  }

  private static void assertType(GoBinary bin, String name, int kind, String kindName, long size) {
    TypeInfo t = bin.type(name).orElseThrow(() -> new AssertionError(name));
    assertEquals(name, t.name());
    assertEquals(kind, t.kind(), name);
    assertEquals(kindName, t.kindName(), name);
    assertEquals(OptionalLong.of(size), t.size(), name);
    assertEquals(Optional.of(name), bin.requireDwarf().cursorAt(t.dieOffset()).die()
        .attrString(org.dlv4j.dwarf.constants.DwAt.DW_AT_name));
  }

  private static void assertVariable(GoBinary bin, Map<String, Long> nm, String name, String type) {
    PackageVariable v = bin.packageVariable(name).orElseThrow(() -> new AssertionError(name));
    assertEquals(name, v.name());
    assertEquals(nm.get(name), v.address(), name);
    assertEquals(type, v.typeName(), name);
  }
}
