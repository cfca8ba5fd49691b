package org.dlv4j.gort.pclntab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.gort.internal.image.GoModules;
import org.dlv4j.gort.internal.image.ModuleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finding runtime.firstmoduledata, and its text and gofunc fields, with and without symbols. */
class ModuleDataTest {

  @ParameterizedTest
  @CsvSource({
      "SAMPLE_OPTIMIZED, section .go.module",
      "SAMPLE_STRIPPED, section .go.module",
      "SAMPLE_EXTERNAL, section .go.module",
      "SAMPLE_EXTERNAL_STRIPPED, section .go.module",
      "SAMPLE_PIE_EXTERNAL, section .go.module",
      "SAMPLE_ARM64, section .go.module",
      "SAMPLE_GO122, search of .noptrdata",
      "SAMPLE_GO122_STRIPPED, search of .noptrdata",
      "SAMPLE_GO122_PIE_EXTERNAL, search of .noptrdata",
      "SAMPLE_GO122_PIE_EXTERNAL_STRIPPED, search of .noptrdata",
      "SAMPLE_GO119, search of .noptrdata",
      "SAMPLE_GO119_STRIPPED, search of .noptrdata",
  })
  void foundAs(Binaries b, String foundBy) {
    ModuleData md = GoModules.moduleData(ElfFile.open(b.path())).orElseThrow();
    // Go 1.26 added the .go.module section; the binaries of older toolchains that build the
    // unpinned fixtures in the go-matrix runs have their module data found like Go 1.22's.
    boolean hasModuleSection = b.goVersion().atLeast(1, 26);
    assertEquals(foundBy.equals("section .go.module") && !hasModuleSection ? "search of .noptrdata" : foundBy,
        md.foundBy());
    // Where the binary has symbols, the fields must be what the symbols say. A stripped binary
    // is laid out slightly differently from its twin (its build settings differ), so only the
    // text start carries over; its gofunc is checked by InlineTreeTest against the runtime.
    Binaries withSymbols = b.hasSymbols() ? b : twin(b);
    ElfFile sym = ElfFile.open(withSymbols.path());
    ModuleData reference = GoModules.moduleData(sym).orElseThrow();
    assertEquals(sym.symbol("runtime.text").orElseThrow().value(), reference.text());
    String gofunc = b.name().startsWith("SAMPLE_GO119") ? "go.func.*" : "go:func.*";
    assertEquals(sym.symbol(gofunc).orElseThrow().value(), reference.gofunc());
    assertEquals(sym.symbol("runtime.firstmoduledata").orElseThrow().value(), reference.address());
    assertEquals(reference.text(), md.text());
    if (b.hasSymbols()) {
      assertEquals(reference, md);
    }
  }

  /** When there is no .noptrdata to search, the symbol still leads to the module data. */
  @Test
  void theSymbolIsTheLastResort() throws IOException {
    Path path = Binaries.SAMPLE_GO122.path();
    byte[] bytes = Files.readAllBytes(path);
    try (ElfFile elf = ElfFile.open(path)) {
      Section names = elf.section(".shstrtab").orElseThrow();
      String table = new String(bytes, (int) names.offset(), (int) names.size(), StandardCharsets.ISO_8859_1);
      int at = table.indexOf("\0.noptrdata\0");
      assertTrue(at >= 0);
      bytes[(int) names.offset() + at + ".noptrdata".length()] = 'X'; // now ".noptrdatX"
    }
    ModuleData md = GoModules.moduleData(ElfFile.of(ByteBuffer.wrap(bytes), "renamed")).orElseThrow();
    assertEquals("symbol runtime.firstmoduledata", md.foundBy());
    assertEquals(GoModules.moduleData(ElfFile.open(Binaries.SAMPLE_GO122.path())).orElseThrow().gofunc(), md.gofunc());
  }

  /**
   * Without a symbol table, a {@code .go.module} section or a pointer to the pclntab in
   * {@code .noptrdata}, the module data cannot be found: functions and lines still work (text
   * from {@code .text}), inline trees are refused.
   */
  @Test
  void withoutModuleDataLinesStillWorkAndInlineTreesAreRefused() throws IOException {
    ElfFile wiped = withoutPointersToPclntab(Binaries.SAMPLE_GO122_STRIPPED.path());
    assertEquals(Optional.empty(), GoModules.moduleData(wiped));
    Pclntab degraded = Pclntab.read(wiped);
    Pclntab full = Binaries.SAMPLE_GO122_STRIPPED.pclntab();
    assertFalse(degraded.hasInlineTrees());
    assertEquals(full.textStart(), degraded.textStart());
    PcLine a = new PcLine();
    PcLine b = new PcLine();
    for (int i = 0; i < full.functionCount(); i += 7) {
      full.lookup(full.entry(i) + 1, a);
      degraded.lookup(full.entry(i) + 1, b);
      assertEquals(a.toString(), b.toString());
    }
  }

  /** Returns a copy of the binary whose .noptrdata no longer points at the pclntab. */
  private static ElfFile withoutPointersToPclntab(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    try (ElfFile elf = ElfFile.open(path)) {
      long pclntab = elf.section(".gopclntab").orElseThrow().address();
      Section noptrdata = elf.section(".noptrdata").orElseThrow();
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      int wiped = 0;
      for (long off = noptrdata.offset(); off + 8 <= noptrdata.offset() + noptrdata.size(); off += 8) {
        if (b.getLong((int) off) == pclntab) {
          b.putLong((int) off, 0);
          wiped++;
        }
      }
      assertEquals(1, wiped);
    }
    return ElfFile.of(ByteBuffer.wrap(bytes), "wiped " + path);
  }

  private static Binaries twin(Binaries stripped) {
    return Binaries.valueOf(stripped.name().replace("_STRIPPED", "").replace("SAMPLE_STRIPPED", "SAMPLE_OPTIMIZED"));
  }
}
