package org.dlv4j.dwarf.line;

import static org.dlv4j.dwarf.line.GoFixture.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.dlv4j.dwarf.line.GoFixture.Row;
import org.dlv4j.dwarf.line.GoFixture.Symbol;
import org.dlv4j.dwarf.line.GoFixture.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Line tables of real Go binaries (testdata/linesample built with DWARF 5, DWARF 4, for arm64
 * and optimized), cross-checked against readelf's decoding of the same bytes and against
 * go tool addr2line, which answers from pclntab instead of DWARF.
 */
class LineGoBinaryTest {
  /** Source lines of testdata/linesample (see the files). */
  private static final Map<String, Integer> DECLARATIONS = Map.of(
      "main.main", 11, "main.describe", 20, "main.square", 4, "main.sumTo", 9);

  @ParameterizedTest
  @EnumSource(Variant.class)
  void everyProgramHasTheExpectedVersion(Variant v) {
    GoFixture f = GoFixture.of(v);
    assertTrue(f.programs.size() > 10);
    for (LineProgram p : f.programs) {
      assertEquals(v.lineVersion, p.version(), p.toString());
      assertFalse(p.dwarf64());
    }
    assertEquals(List.of(), f.index.errors());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void everyRowMatchesReadelf(Variant v) {
    GoFixture f = GoFixture.of(v);
    List<Row> ours = new ArrayList<>();
    LineRow.Mutable row = new LineRow.Mutable();
    for (LineProgram p : f.programs) {
      for (LineCursor c = p.cursor(); c.next(row); ) {
        String name = c.file(row.file()).orElseThrow().name();
        ours.add(new Row(name, row.endSequence() ? -1 : row.line(), row.address(),
            row.isStmt() && !row.endSequence()));
      }
    }
    List<Row> theirs = f.readelfRows.stream()
        .map(r -> new Row(r.name(), r.line(), r.address(), r.stmt() && r.line() >= 0)).toList();
    assertEquals(theirs.size(), ours.size());
    for (int i = 0; i < ours.size(); i++) {
      assertEquals(theirs.get(i), ours.get(i), "row " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void prologueEndRowsMatchReadelf(Variant v) {
    GoFixture f = GoFixture.of(v);
    TreeSet<Long> ours = new TreeSet<>();
    LineRow.Mutable row = new LineRow.Mutable();
    for (LineProgram p : f.programs) {
      for (LineCursor c = p.cursor(); c.next(row); ) {
        if (row.prologueEnd()) {
          ours.add(row.address());
        }
      }
    }
    assertTrue(ours.size() > 100);
    assertEquals(f.readelfPrologueEnds, ours);
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void functionEntriesMapToTheirDeclarations(Variant v) {
    GoFixture f = GoFixture.of(v);
    DECLARATIONS.forEach((name, line) -> {
      Symbol s = f.symbols.get(name);
      if (s == null) {
        assertEquals(Variant.OPTIMIZED, v, name + " missing");
        assertEquals("main.square", name);
        return;
      }
      LineLocation loc = f.index.find(s.address()).orElseThrow();
      String file = name.equals("main.square") || name.equals("main.sumTo") ? "calc.go" : "main.go";
      assertEquals(source(file), loc.file(), name);
      if (v != Variant.OPTIMIZED) { // optimized code may start with a later line's instructions
        assertEquals(line, loc.line(), name);
      }
      assertEquals(s.address(), loc.address());
      assertTrue(loc.isStmt());
      assertEquals(List.of(loc.file() + ":" + loc.line()), f.addr2line(List.of(s.address())));
    });
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void everyRowOfMainAgreesWithAddr2line(Variant v) {
    GoFixture f = GoFixture.of(v);
    List<Long> pcs = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    for (Row r : f.readelfRows) {
      if (r.line() >= 0 && inMainPackage(f, r.address())) {
        LineLocation loc = f.index.find(r.address()).orElseThrow();
        pcs.add(r.address());
        ours.add(loc.file() + ":" + loc.line());
        // also the last byte of the row's range
        pcs.add(loc.end() - 1);
        ours.add(loc.file() + ":" + loc.line());
      }
    }
    assertTrue(pcs.size() > 40, "rows in main: " + pcs.size());
    assertEquals(f.addr2line(pcs), ours);
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void pcsForLineAreTheStatementRowsReadelfShows(Variant v) {
    GoFixture f = GoFixture.of(v);
    String[][] lines = {{"calc.go", "12"}, {"calc.go", "5"}, {"main.go", "14"},
        {"main.go", "22"}, {"main.go", "16"}};
    for (String[] fl : lines) {
      String path = source(fl[0]);
      int line = Integer.parseInt(fl[1]);
      long[] expected = f.readelfRows.stream()
          .filter(r -> r.stmt() && r.line() == line && r.name().equals(fl[0])
              && inMainPackage(f, r.address()))
          .mapToLong(Row::address).distinct().sorted().toArray();
      long[] pcs = f.index.pcsForLine(path, line);
      assertTrue(pcs.length > 0, fl[0] + ":" + line);
      assertArrayEquals(expected, pcs, fl[0] + ":" + line);
      List<Long> boxed = new ArrayList<>();
      for (long pc : pcs) {
        boxed.add(pc);
      }
      assertEquals(boxed.stream().map(pc -> path + ":" + line).toList(), f.addr2line(boxed));
    }
    Symbol sumTo = f.symbols.get("main.sumTo");
    for (long pc : f.index.pcsForLine(source("calc.go"), 12)) {
      assertTrue(pc >= sumTo.address() && pc < sumTo.address() + sumTo.size());
    }
  }

  @Test
  void optimizedBuildInlinesSquareIntoMain() {
    GoFixture f = GoFixture.of(Variant.OPTIMIZED);
    Symbol main = f.symbols.get("main.main");
    assertFalse(f.symbols.containsKey("main.square"));
    long[] pcs = f.index.pcsForLine(source("calc.go"), 5);
    assertTrue(pcs.length > 0);
    for (long pc : pcs) {
      assertTrue(pc >= main.address() && pc < main.address() + main.size(), Long.toHexString(pc));
      assertEquals(5, f.index.find(pc).orElseThrow().line());
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void prologueEndOfEachFunction(Variant v) {
    GoFixture f = GoFixture.of(v);
    for (String name : DECLARATIONS.keySet()) {
      Symbol s = f.symbols.get(name);
      if (s == null) {
        continue;
      }
      long end = s.address() + s.size();
      Long marked = f.readelfPrologueEnds.ceiling(s.address());
      long expected;
      if (marked != null && marked < end) {
        expected = marked;
      } else {
        expected = f.readelfRows.stream()
            .filter(r -> r.stmt() && r.line() >= 0 && r.address() > s.address()
                && r.address() < end)
            .mapToLong(Row::address).min().orElseThrow();
      }
      assertEquals(OptionalLong.of(expected), f.index.prologueEnd(s.address(), end), name);
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void sourceFilesIncludeTheFixture(Variant v) {
    List<String> files = GoFixture.of(v).index.files();
    assertTrue(files.contains(source("main.go")));
    assertTrue(files.contains(source("calc.go")));
    assertEquals(files.stream().sorted().distinct().toList(), files);
  }

  private static boolean inMainPackage(GoFixture f, long pc) {
    for (Map.Entry<String, Symbol> e : f.symbols.entrySet()) {
      Symbol s = e.getValue();
      if (e.getKey().startsWith("main.") && pc >= s.address() && pc < s.address() + s.size()) {
        return true;
      }
    }
    return false;
  }
}
