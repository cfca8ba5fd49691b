package org.dlv4j.gort.pclntab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.GoAddr2line;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks every function and thousands of pcs against {@code go tool nm} and {@code go tool addr2line}. */
class PclntabGoToolsTest {

  @ParameterizedTest
  @EnumSource(Binaries.class)
  void everyFunctionIsTheSymbolGoToolNmReports(Binaries b) {
    if (!b.hasSymbols()) {
      return;
    }
    assertFunctionsMatchNm(b.pclntab(), b.path());
  }

  @ParameterizedTest
  @EnumSource(Binaries.class)
  void pcsResolveAsGoToolAddr2lineResolvesThem(Binaries b) {
    assertMatchesAddr2line(b.pclntab(), b.addr2lineOracle().path(), 2);
  }

  /**
   * In an externally linked binary {@code .text} starts with C code, before
   * {@code runtime.text}; without symbols, addr2line falls back to {@code .text} and is off.
   * dlv4j takes the text start from the module data, so the stripped binary reads exactly like
   * its unstripped twin (which addr2line confirms above).
   */
  @Test
  void strippedExternallyLinkedBinaryUsesRuntimeTextNotDotText() {
    Pclntab stripped = Binaries.SAMPLE_EXTERNAL_STRIPPED.pclntab();
    Pclntab twin = Binaries.SAMPLE_EXTERNAL.pclntab();
    long dotText = ElfFile.open(Binaries.SAMPLE_EXTERNAL_STRIPPED.path()).section(".text")
        .orElseThrow().address();
    assertTrue(stripped.textStart() > dotText, "runtime.text should follow the C code in .text");
    assertEquals(twin.textStart(), stripped.textStart());
    assertEquals(twin.functionCount(), stripped.functionCount());
    for (int i = 0; i < twin.functionCount(); i++) {
      assertEquals(twin.entry(i), stripped.entry(i));
      assertEquals(twin.name(i), stripped.name(i));
    }
  }

  @Test
  void cmdGoMatchesNmAndAddr2line() {
    for (GoBuild build : List.of(GoBuild.goPackage("cmd/go"), GoBuild.goPackage("cmd/go").optimized())) {
      Path gocmd = build.build();
      Pclntab tab = Pclntab.read(ElfFile.open(gocmd));
      assertTrue(tab.functionCount() > 10_000, tab.toString());
      assertFunctionsMatchNm(tab, gocmd);
      assertMatchesAddr2line(tab, gocmd, 1);
    }
  }

  /**
   * Every pclntab function is a text symbol of the same name at its entry, and vice versa. Names
   * are compared after {@link #normalize}: the symbol table and the pclntab spell a few
   * generated names differently.
   */
  static void assertFunctionsMatchNm(Pclntab tab, Path binary) {
    Map<Long, List<String>> textSymbols = new HashMap<>();
    int sized = 0;
    for (GoNm.Symbol s : GoNm.symbols(binary)) {
      if (s.type() == 'T' || s.type() == 't') {
        textSymbols.computeIfAbsent(s.address(), a -> new ArrayList<>()).add(normalize(s.name()));
        boolean goText = s.address() >= tab.entry(0) && s.address() < tab.end(tab.functionCount() - 1);
        sized += s.size() > 0 && goText ? 1 : 0; // external linking adds C code outside Go's text
      }
    }
    for (int i = 0; i < tab.functionCount(); i++) {
      List<String> names = textSymbols.getOrDefault(tab.entry(i), List.of());
      assertTrue(names.contains(normalize(tab.name(i))),
          "function " + tab.name(i) + " at 0x" + Long.toHexString(tab.entry(i)) + ": nm has " + names);
    }
    assertEquals(sized, tab.functionCount(), "text symbols with a size in Go's text");
  }

  /**
   * Normalizes a function name for comparing the symbol table with the pclntab: ELF names of
   * ABI0 assembly functions end in ".abi0", ELF names spell the middle dot of generated names
   * as '.', and Go 1.19's pclntab shortens bracketed parts (array lengths, type arguments) of
   * generated names to "[...]".
   */
  static String normalize(String name) {
    String n = name.endsWith(".abi0") ? name.substring(0, name.length() - 5) : name;
    n = n.replace('\u00b7', '.');
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (char ch : n.toCharArray()) {
      if (ch == '[' && depth++ == 0) {
        out.append("[...]");
      } else if (ch == ']') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * Looks up every function entry and {@code perFunction} random pcs in each function, plus pcs
   * outside. Where a function's tables end before the function does (alignment padding),
   * debug/gosym reports file "" and line -1 and addr2line prints ":-1"; dlv4j reports the
   * runtime's "?" and 0 there. Functions without line tables (linker-made markers such as
   * {@code go:textfipsstart}) have table offset 0, which the runtime and dlv4j read as "no
   * table" while debug/gosym decodes whatever is at the start of pctab; there only "?:0" is
   * expected.
   */
  static void assertMatchesAddr2line(Pclntab tab, Path binary, int perFunction) {
    SplittableRandom random = new SplittableRandom(42);
    int n = tab.functionCount();
    long[] pcs = new long[n * (1 + perFunction) + 3];
    int k = 0;
    for (int i = 0; i < n; i++) {
      pcs[k++] = tab.entry(i);
      for (int r = 0; r < perFunction; r++) {
        pcs[k++] = random.nextLong(tab.entry(i), tab.end(i));
      }
    }
    pcs[k++] = tab.entry(0) - 1;
    pcs[k++] = tab.end(n - 1);
    pcs[k++] = tab.end(n - 1) - 1;
    List<String> expected = GoAddr2line.positions(binary, pcs).stream()
        .map(p -> p.function() + "\n" + p.fileLine()).toList();
    assertEquals(pcs.length, expected.size());
    PcLine row = new PcLine();
    int mismatches = 0;
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < pcs.length; i++) {
      tab.lookup(pcs[i], row);
      String actual = row.function() + "\n" + row.file() + ":" + row.line();
      String want = expected.get(i).replace("\n:-1", "\n?:0");
      if (row.funcIndex() >= 0 && hasNoLineTable(tab, row.funcIndex())) {
        want = row.function() + "\n?:0";
      }
      if (!actual.equals(want) && mismatches++ < 10) {
        report.append(String.format("0x%x: expected %s, got %s%n", pcs[i], expected.get(i).replace('\n', ' '),
            actual.replace('\n', ' ')));
      }
    }
    assertEquals(0, mismatches, mismatches + " of " + pcs.length + " pcs differ:\n" + report);
  }

  private static boolean hasNoLineTable(Pclntab tab, int index) {
    FuncInfo f = tab.function(index);
    return f.pcln() == 0 || f.pcfile() == 0;
  }
}
