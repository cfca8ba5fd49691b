package org.dlv4j.gort.pclntab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.internal.image.GoModules;
import org.dlv4j.gort.internal.image.ModuleData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finding runtime.firstmoduledata, and its text and gofunc fields, with and without symbols. */
class ModuleDataTest {

  @ParameterizedTest
  @CsvSource({
      "SAMPLE_OPTIMIZED, symbol runtime.firstmoduledata",
      "SAMPLE_STRIPPED, section .go.module",
      "SAMPLE_EXTERNAL, symbol runtime.firstmoduledata",
      "SAMPLE_EXTERNAL_STRIPPED, section .go.module",
      "SAMPLE_ARM64, symbol runtime.firstmoduledata",
      "SAMPLE_GO122, symbol runtime.firstmoduledata",
      "SAMPLE_GO122_STRIPPED, search of .noptrdata",
      "SAMPLE_GO119, symbol runtime.firstmoduledata",
      "SAMPLE_GO119_STRIPPED, search of .noptrdata",
  })
  void foundAs(Binaries b, String foundBy) {
    ModuleData md = GoModules.moduleData(ElfFile.open(b.path())).orElseThrow();
    assertEquals(foundBy, md.foundBy());
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

  private static Binaries twin(Binaries stripped) {
    return Binaries.valueOf(stripped.name().replace("_STRIPPED", "").replace("SAMPLE_STRIPPED", "SAMPLE_OPTIMIZED"));
  }
}
