package org.dlv4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GoNm and GoAddr2line on the hello fixture, checked against readelf's symbol table. */
class GoToolsOracleTest {
  private static final Path HELLO = GoBuild.fixture("hello").build();

  @Test
  void symbolsAreReadelfs() {
    long mainMain = GoNm.address(HELLO, "main.main");
    assertEquals(readelfSymbol("main.main"), mainMain);
    GoNm.Symbol symbol = GoNm.symbols(HELLO).stream().filter(s -> s.name().equals("main.main"))
        .findFirst().orElseThrow();
    assertEquals(new GoNm.Symbol(mainMain, readelfSize("main.main"), 'T', "main.main"), symbol);
    assertEquals(mainMain, GoNm.address(HELLO, "main.main", "Tt"));
    assertTrue(GoNm.symbols(HELLO).stream().anyMatch(s -> s.name().contains(" ")),
        "names with blanks (generic shapes) are kept whole");
  }

  @Test
  void aMissingSymbolOrTypeFails() {
    assertEquals("no symbol main.nothing in go tool nm " + HELLO,
        assertThrows(AssertionError.class, () -> GoNm.address(HELLO, "main.nothing")).getMessage());
    assertEquals("no symbol main.main of type DdBb in go tool nm " + HELLO,
        assertThrows(AssertionError.class, () -> GoNm.address(HELLO, "main.main", "DdBb")).getMessage());
  }

  @Test
  void positionsOfAFunctionEntryAndOfNoFunction() throws IOException {
    long mainMain = GoNm.address(HELLO, "main.main");
    List<GoAddr2line.Position> at = GoAddr2line.positions(HELLO, mainMain, 0);
    assertEquals("main.main", at.get(0).function());
    Path source = GoBuild.testdataRoot().resolve("hello/main.go");
    assertEquals(source.toString(), at.get(0).file());
    assertEquals(Files.readAllLines(source).indexOf("func main() {") + 1, at.get(0).line());
    assertEquals(at.get(0), GoAddr2line.position(HELLO, mainMain));
    assertEquals(at.get(0).file() + ":" + at.get(0).line(), at.get(0).fileLine());
    assertEquals(new GoAddr2line.Position("?", "?", 0), at.get(1));
  }

  private static long readelfSymbol(String name) {
    return Long.parseUnsignedLong(readelfFields(name)[1], 16);
  }

  private static long readelfSize(String name) {
    return Long.parseLong(readelfFields(name)[2]);
  }

  private static String[] readelfFields(String name) {
    return Command.output("readelf", "-s", "-W", HELLO.toString()).lines()
        .map(l -> l.trim().split("\\s+")).filter(f -> f.length == 8 && f[7].equals(name))
        .findFirst().orElseThrow();
  }
}
