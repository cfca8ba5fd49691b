package org.dlv4j.gort.pclntab;

import static org.dlv4j.gort.pclntab.PclntabDecodeTest.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Pclntab#lookupAsGosym} (debug/gosym's answers where the tables say nothing) and the
 * runtime's rule that a zero value delta ends a table only once the pc has left the entry.
 * Real binaries are checked against go tool addr2line by the addr2line example's tests.
 */
class PclntabGosymTest {

  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void whereTheTablesEndGosymSaysEmptyFileAndLineMinusOne(PclntabFormat format) {
    Pclntab tab = PclntabDecodeTest.parseSample(format);
    for (long pc = 0x1000; pc < 0x1028; pc++) { // covered: the same answer as lookup
      assertEquals(lookup(tab, pc), gosym(tab, pc), "0x" + Long.toHexString(pc));
    }
    assertEquals("main.b :-1", gosym(tab, 0x1028)); // main.b's tables cover 8 of its 16 bytes
    assertEquals("main.b :-1", gosym(tab, 0x102f));
    assertEquals("main.b ?:0", lookup(tab, 0x102f));
    assertEquals("? ?:0", gosym(tab, 0x1030));
    PcLine row = new PcLine();
    assertFalse(tab.lookupAsGosym(0x0fff, row));
    assertEquals(-1, row.funcIndex());
  }

  /**
   * main.a's line table starts with a pair that does not advance the pc, then a zero value
   * delta: still at the entry, so the table goes on (runtime/symtab.go step, "first" is
   * {@code pc == entry}). main.b has no tables at all: lookup says "?:0"; debug/gosym decodes
   * the padding byte at the start of pctab and the tables after it, which here give -1.
   */
  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void aZeroDeltaAtTheEntryDoesNotEndTheTable(PclntabFormat format) {
    PclntabBuilder b = new PclntabBuilder(format, 1);
    b.func("main.a", 0).files("/src/a.go").pcfile(p(0, 0x10)).pcln(p(5, 0), p(5, 8), p(6, 0x10));
    b.func("main.b", 0x10);
    Pclntab tab = Pclntab.parse(b.end(0x20).build(), PclntabDecodeTest.TEXT);
    assertEquals("main.a /src/a.go:5", lookup(tab, 0x1000));
    assertEquals("main.a /src/a.go:5", lookup(tab, 0x1007));
    assertEquals("main.a /src/a.go:6", lookup(tab, 0x1008));
    assertEquals("main.a /src/a.go:6", gosym(tab, 0x100f));
    FuncInfo a = tab.function(0);
    assertEquals(5, tab.pcValue(a, a.pcln(), 0x1000));
    PcValueCursor lines = tab.pcValues(a, a.pcln());
    StringBuilder ranges = new StringBuilder();
    while (lines.next()) {
      ranges.append(Long.toHexString(lines.startPc())).append('-').append(Long.toHexString(lines.endPc()))
          .append('=').append(lines.value()).append(' ');
    }
    assertEquals("1000-1000=5 1000-1008=5 1008-1010=6 ", ranges.toString());
    assertEquals("main.b ?:0", lookup(tab, 0x1010));
    assertEquals("main.b :-1", gosym(tab, 0x1010));
  }

  private static String lookup(Pclntab tab, long pc) {
    PcLine row = new PcLine();
    tab.lookup(pc, row);
    return row.toString();
  }

  private static String gosym(Pclntab tab, long pc) {
    PcLine row = new PcLine();
    tab.lookupAsGosym(pc, row);
    return row.toString();
  }
}
