package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.dlv4j.api.LocationNotFoundException;
import org.dlv4j.dwarf.line.LineLocation;
import org.dlv4j.gort.ToolOracle.Instruction;
import org.dlv4j.gort.ToolOracle.Row;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GoBinary's line questions: file:line to pcs (from DWARF, and from the pclntab when there is
 * none), file names as users write them, and where a function's prologue ends; checked against
 * readelf's decoded line table, go tool objdump and go tool addr2line.
 */
class GoBinaryLinesTest {
  private static final String MAIN = GoBinaryFixture.source("main.go");
  private static final String UTIL = GoBinaryFixture.source("util/main.go");
  private static final String OWN_FUNCTIONS = "^(main|dlv4j.test/testdata/gobinary/util)\\.";

  /** With DWARF, the pcs of a line are the addresses of its is_stmt rows, as Delve takes them. */
  @ParameterizedTest
  @EnumSource(value = GoBinaryFixture.class, names = {"PLAIN", "OPTIMIZED", "DWARF4", "ARM64"})
  void lineToPCsAreTheStatementRowsOfTheLine(GoBinaryFixture f) {
    List<Row> rows = ToolOracle.dwarfRows(f.path());
    List<Long> pcs = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    try (GoBinary bin = f.open()) {
      for (String file : List.of(MAIN, UTIL)) {
        for (int line = 1; line <= 40; line++) {
          TreeSet<Long> expected = new TreeSet<>();
          for (Row r : rows) {
            if (r.stmt() && r.line() == line && r.file().equals(file)) {
              expected.add(r.address());
            }
          }
          long[] actual = bin.lineToPCs(file, line);
          assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), actual, file + ":" + line);
          for (long pc : actual) {
            pcs.add(pc);
            positions.add(file + ":" + line);
          }
        }
      }
    }
    assertTrue(positions.stream().distinct().count() >= (f == GoBinaryFixture.OPTIMIZED ? 6 : 10),
        "lines with code: " + positions);
    assertEquals(positions, ToolOracle.fileLines(f.path(), pcs.stream().mapToLong(Long::longValue).toArray()),
        "go tool addr2line puts each pc on its line");
  }

  /**
   * Without DWARF, the pcs of a line are where each run of its instructions starts. The oracle
   * is the unstripped twin (same layout): objdump's instructions, positioned by addr2line.
   */
  @Test
  void lineToPCsWithoutDwarfAreTheStartsOfTheLinesRuns() {
    List<Instruction> code = ToolOracle.objdump(GoBinaryFixture.PLAIN.path(), OWN_FUNCTIONS);
    long[] addresses = code.stream().mapToLong(Instruction::address).toArray();
    List<String> positions = ToolOracle.fileLines(GoBinaryFixture.PLAIN.path(), addresses);
    try (GoBinary bin = GoBinaryFixture.STRIPPED.open()) {
      assertEquals(false, bin.hasDebugInfo());
      int checked = 0;
      for (String file : List.of(MAIN, UTIL)) {
        for (int line = 1; line <= 40; line++) {
          List<Long> expected = new ArrayList<>();
          String want = file + ":" + line;
          for (int i = 0; i < code.size(); i++) {
            boolean runStart = i == 0 || !positions.get(i - 1).equals(want)
                || !code.get(i - 1).function().equals(code.get(i).function());
            if (positions.get(i).equals(want) && runStart) {
              expected.add(addresses[i]);
            }
          }
          assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), bin.lineToPCs(file, line), want);
          checked += expected.size();
        }
      }
      assertTrue(checked >= 10, "pcs checked: " + checked);
    }
  }

  /**
   * With DWARF, a function's rows tile its code from the entry on, and the rows marked as statements
   * start exactly at the line table's is_stmt rows inside it (readelf's decoded table).
   */
  @ParameterizedTest
  @EnumSource(value = GoBinaryFixture.class, names = {"PLAIN", "OPTIMIZED", "DWARF4", "ARM64"})
  void aFunctionsRowsTileItAndMarkTheStatementRows(GoBinaryFixture f) {
    List<Row> table = ToolOracle.dwarfRows(f.path());
    try (GoBinary bin = f.open()) {
      int checked = 0;
      for (String name : List.of("main.describe", "main.main", "main.add")) {
        Optional<FuncInfo> found = bin.function(name);
        if (found.isEmpty()) {
          continue; // inlined everywhere in the optimized build
        }
        FuncInfo fn = found.get();
        checked++;
        List<LineLocation> rows = bin.lineRows(fn);
        assertTiles(fn, rows);
        TreeSet<Long> expected = new TreeSet<>();
        for (Row r : table) {
          if (r.stmt() && r.address() >= fn.entry() && r.address() < fn.end()) {
            expected.add(r.address());
          }
        }
        assertEquals(List.copyOf(expected), rows.stream().filter(LineLocation::isStmt)
            .map(LineLocation::address).toList(), name);
        for (LineLocation r : rows) {
          assertEquals(bin.pcToLocation(r.address()).orElseThrow().line(), r.line(),
              name + " at 0x" + Long.toHexString(r.address()));
        }
      }
      assertTrue(checked >= 1, "no function checked");
    }
  }

  /**
   * Without DWARF, a function's rows are its runs of instructions on one line (objdump of the
   * unstripped twin, positioned by addr2line), each a statement.
   */
  @Test
  void withoutDwarfAFunctionsRowsAreItsRunsOfOneLine() {
    List<Instruction> code = ToolOracle.objdump(GoBinaryFixture.PLAIN.path(), OWN_FUNCTIONS);
    List<String> positions = ToolOracle.fileLines(GoBinaryFixture.PLAIN.path(),
        code.stream().mapToLong(Instruction::address).toArray());
    try (GoBinary bin = GoBinaryFixture.STRIPPED.open()) {
      for (String name : List.of("main.describe", "main.main", "main.add")) {
        FuncInfo fn = bin.function(name).orElseThrow();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
          boolean start = i == 0 || !positions.get(i - 1).equals(positions.get(i))
              || !code.get(i - 1).function().equals(name);
          if (code.get(i).function().equals(name) && start) {
            expected.add(Long.toHexString(code.get(i).address()) + " " + positions.get(i));
          }
        }
        List<LineLocation> rows = bin.lineRows(fn);
        assertTiles(fn, rows);
        assertTrue(rows.stream().allMatch(LineLocation::isStmt), name);
        assertEquals(expected, rows.stream().map(r -> Long.toHexString(r.address()) + " "
            + r.file() + ":" + r.line()).toList(), name);
      }
    }
  }

  private static void assertTiles(FuncInfo fn, List<LineLocation> rows) {
    long at = fn.entry();
    for (LineLocation r : rows) {
      assertEquals(at, r.address(), fn.name() + ": rows follow each other");
      assertTrue(r.end() > r.address(), fn.name());
      at = r.end();
    }
    assertTrue(at <= fn.end() && at > fn.end() - 32, fn.name() + ": the rows end with the code"
        + " (before the padding up to the next function)");
  }

  @Test
  void filesAreNamedByFullPathOrUniqueSuffix() {
    try (GoBinary bin = GoBinaryFixture.PLAIN.open()) {
      long[] full = bin.lineToPCs(MAIN, 27);
      assertTrue(full.length > 0);
      assertArrayEquals(full, bin.lineToPCs("gobinary/main.go", 27));
      assertArrayEquals(full, bin.lineToPCs("testdata/gobinary/main.go", 27));
      assertArrayEquals(bin.lineToPCs(UTIL, 6), bin.lineToPCs("util/main.go", 6));
      assertEquals(Optional.of(UTIL), bin.resolveSource("gobinary/util/main.go"));
      assertEquals(Optional.of(MAIN), bin.resolveSource(MAIN));
      assertTrue(bin.sources().contains(MAIN) && bin.sources().contains(UTIL));
      assertEquals(List.copyOf(new TreeSet<>(bin.sources())), bin.sources(), "sorted, each once");

      LocationNotFoundException e = assertThrows(LocationNotFoundException.class, () -> bin.lineToPCs("main.go", 27));
      assertEquals("main.go:27", e.location());
      assertEquals("could not find main.go:27: ambiguous: main.go matches 2 files: " + MAIN + ", " + UTIL,
          e.getMessage());
      assertThrows(LocationNotFoundException.class, () -> bin.resolveSource("main.go"));

      assertArrayEquals(new long[0], bin.lineToPCs("ain.go", 27), "a suffix must start after a '/'");
      assertArrayEquals(new long[0], bin.lineToPCs("nope.go", 1));
      assertArrayEquals(new long[0], bin.lineToPCs("", 1));
      assertArrayEquals(new long[0], bin.lineToPCs(MAIN, 3), "a comment line has no code");
      assertArrayEquals(new long[0], bin.lineToPCs(MAIN, 100_000));
    }
  }

  /**
   * With DWARF the prologue ends at the prologue_end row, which Go puts on the frame set-up
   * after the stack check: objdump shows CMPQ/JBE (the stack check), PUSHQ BP and MOVQ SP, BP
   * before it and SUBQ $frame, SP (or ADDQ $-frame, SP) at it. main.add is a leaf without a
   * stack check.
   */
  @ParameterizedTest
  @EnumSource(value = GoBinaryFixture.class, names = {"PLAIN", "DWARF4"})
  void prologueEndsAtTheFrameSetUpAfterTheStackCheck(GoBinaryFixture f) {
    List<Instruction> code = ToolOracle.objdump(f.path(), OWN_FUNCTIONS);
    try (GoBinary bin = f.open()) {
      for (String name : List.of("main.describe", "main.main", "main.add")) {
        FuncInfo fn = bin.function(name).orElseThrow();
        long pc = bin.firstPcAfterPrologue(fn);
        List<String> before = new ArrayList<>();
        Instruction at = null;
        for (Instruction i : code) {
          if (i.function().equals(name) && i.address() < pc) {
            before.add(i.asm());
          } else if (i.address() == pc) {
            at = i;
          }
        }
        assertTrue(at != null && at.asm().matches("SUBQ \\$0x[0-9a-f]+, SP|ADDQ \\$-0x[0-9a-f]+, SP"),
            name + " stops at " + at);
        assertEquals(List.of("PUSHQ BP", "MOVQ SP, BP"), before.subList(before.size() - 2, before.size()), name);
        if (!name.equals("main.add")) {
          assertTrue(before.get(before.size() - 3).startsWith("JBE "), name + ": " + before);
          assertTrue(before.stream().anyMatch(s -> s.startsWith("CMPQ ") && s.endsWith("0x10(R14)")), name);
        }
        assertEquals(bin.pcToLocation(fn.entry()).orElseThrow().line(), bin.pcToLocation(pc).orElseThrow().line(),
            name + ": the prologue is on the entry line");
      }
    }
  }

  /** Without DWARF: the first instruction whose line differs from the entry's, per objdump. */
  @Test
  void prologueWithoutDwarfEndsAtTheFirstOtherLine() {
    List<Instruction> code = ToolOracle.objdump(GoBinaryFixture.PLAIN.path(), OWN_FUNCTIONS);
    try (GoBinary bin = GoBinaryFixture.STRIPPED.open()) {
      for (String name : List.of("main.describe", "main.main", "main.add", "dlv4j.test/testdata/gobinary/util.Double")) {
        FuncInfo fn = bin.function(name).orElseThrow();
        List<Instruction> body = code.stream().filter(i -> i.function().equals(name)).toList();
        Instruction first = body.stream().filter(i -> i.line() != body.get(0).line()).findFirst().orElseThrow();
        assertEquals(first.address(), bin.firstPcAfterPrologue(fn), name);
        assertTrue(body.stream().anyMatch(i -> i.address() < first.address() && i.asm().endsWith(", SP")
            && (i.asm().startsWith("SUBQ $") || i.asm().startsWith("ADDQ $-"))),
            name + ": the frame is set up before");
      }
    }
  }

  /** Every function's answer lies inside it, with and without DWARF, and optimized. */
  @ParameterizedTest
  @EnumSource(GoBinaryFixture.class)
  void everyPrologueEndLiesInsideItsFunction(GoBinaryFixture f) {
    try (GoBinary bin = f.open()) {
      int afterEntry = 0;
      for (FuncInfo fn : bin.functions()) {
        long pc = bin.firstPcAfterPrologue(fn);
        assertTrue(pc >= fn.entry() && pc < fn.end(), fn.name());
        afterEntry += pc > fn.entry() ? 1 : 0;
      }
      assertTrue(afterEntry > bin.functions().size() / 2, afterEntry + " of " + bin.functions().size());
    }
  }
}
