package org.dlv4j.gort.pclntab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte-exact decoding of hand-built tables in both formats. */
class PclntabDecodeTest {
  static final long TEXT = 0x1000;
  static final long GOFUNC = 0x8000;
  static final int TREE_OFF = 0x100;

  /**
   * Two functions: main.a (0x1000-0x1020) with code from a.go and b.go, and main.b
   * (0x1020-0x1030) whose tables cover only its first 8 bytes, with two nested inlined calls.
   */
  static PclntabBuilder sample(PclntabFormat format) {
    return sample(format, TREE_OFF);
  }

  /** The sample with main.b's inline tree at {@code treeOff} from gofunc. */
  static PclntabBuilder sample(PclntabFormat format, int treeOff) {
    PclntabBuilder b = new PclntabBuilder(format, 1);
    b.func("main.a", 0).files("/src/a.go", "/src/b.go").startLine(9)
        .pcfile(p(0, 0x10), p(1, 0x14), p(0, 0x20))
        .pcln(p(10, 0x8), p(11, 0x14), p(12, 0x20))
        .pcsp(p(0, 1), p(8, 0x1f), p(0, 0x20));
    b.func("main.b", 0x20).files("/src/a.go").startLine(19)
        .pcfile(p(0, 8)).pcln(p(20, 8))
        .inline(treeOff, p(-1, 2), p(0, 4), p(1, 6), p(-1, 8));
    return b.end(0x30);
  }

  /** The inline tree of main.b: record 0 inlines main.a (called at +1), record 1 main.b (called at +3). */
  static ImageMemory treeMemory(PclntabFormat format) {
    ByteBuffer tree = treeBytes(format);
    return address -> address >= GOFUNC + TREE_OFF && address < GOFUNC + TREE_OFF + 64
        ? Optional.of(tree.slice((int) (address - GOFUNC - TREE_OFF), (int) (GOFUNC + TREE_OFF + 64 - address)))
        : Optional.empty();
  }

  /** Returns the 64 bytes of main.b's inline tree. */
  static ByteBuffer treeBytes(PclntabFormat format) {
    ByteBuffer tree = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    int[][] records = {{-1, 0, 1, 5}, {0, 7, 3, 15}}; // parent, nameOff, parentPc, startLine
    for (int i = 0; i < records.length; i++) {
      int[] r = records[i];
      if (format == PclntabFormat.GO120) {
        tree.putInt(i * 16 + 4, r[1]).putInt(i * 16 + 8, r[2]).putInt(i * 16 + 12, r[3]);
      } else {
        tree.putShort(i * 20, (short) r[0]).putInt(i * 20 + 12, r[1]).putInt(i * 20 + 16, r[2]);
      }
    }
    return tree;
  }

  static Pclntab parseSample(PclntabFormat format) {
    return Pclntab.parse(sample(format).build(), TEXT, GOFUNC, treeMemory(format));
  }

  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void functionsAndRecords(PclntabFormat format) {
    Pclntab tab = parseSample(format);
    assertEquals(format, tab.format());
    assertEquals(2, tab.functionCount());
    assertEquals(1, tab.pcQuantum());
    assertEquals(8, tab.ptrSize());
    FuncInfo a = tab.function(0);
    assertEquals(0x1000, a.entry());
    assertEquals(0x1020, a.end());
    assertEquals("main.a", a.name());
    assertEquals(format == PclntabFormat.GO120 ? 9 : 0, a.startLine());
    assertEquals(List.of(), a.pcdata());
    assertEquals(OptionalLong.empty(), a.funcdataOffset(FuncInfo.FUNCDATA_InlTree));
    FuncInfo b = tab.function(1);
    assertEquals(0x1030, b.end());
    assertEquals(OptionalLong.of(TREE_OFF), b.funcdataOffset(FuncInfo.FUNCDATA_InlTree));
    assertEquals(OptionalLong.empty(), b.funcdataOffset(0));
    assertEquals(List.of(0, 0), b.pcdata().subList(0, 2));
    assertEquals(List.of(a, b), tab.functions());
    assertEquals(Optional.of(b), tab.functionNamed("main.b"));
    assertEquals(Optional.empty(), tab.functionNamed("main.c"));
    assertEquals(Optional.empty(), tab.functionNamed("main"));
    assertEquals(List.of("/src/a.go", "/src/b.go"), tab.sourceFiles());
  }

  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void pcToFunctionFileAndLine(PclntabFormat format) {
    Pclntab tab = parseSample(format);
    assertEquals("main.a /src/a.go:10", at(tab, 0x1000));
    assertEquals("main.a /src/a.go:10", at(tab, 0x1007));
    assertEquals("main.a /src/a.go:11", at(tab, 0x1008));
    assertEquals("main.a /src/b.go:11", at(tab, 0x1010));
    assertEquals("main.a /src/a.go:12", at(tab, 0x1014));
    assertEquals("main.a /src/a.go:12", at(tab, 0x101f));
    assertEquals("main.b /src/a.go:20", at(tab, 0x1020));
    assertEquals("main.b ?:0", at(tab, 0x1028)); // past the end of main.b's tables
    assertEquals("? ?:0", at(tab, 0x1030));
    assertEquals("? ?:0", at(tab, 0x0fff));
    assertEquals(-1, tab.funcIndex(0x1030));
    assertEquals(1, tab.funcIndex(0x102f));
    assertEquals(Optional.of("/src/b.go"), tab.file(tab.function(0), 0x1011));
    assertEquals(Optional.empty(), tab.file(tab.function(1), 0x1029));
  }

  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void pcValueTables(PclntabFormat format) {
    Pclntab tab = parseSample(format);
    FuncInfo a = tab.function(0);
    assertEquals(0, tab.spDelta(a, 0x1000));
    assertEquals(8, tab.spDelta(a, 0x1001));
    assertEquals(8, tab.spDelta(a, 0x101e));
    assertEquals(0, tab.spDelta(a, 0x101f));
    assertEquals(-1, tab.spDelta(a, 0x1020));
    FuncInfo b = tab.function(1);
    assertEquals(-1, tab.spDelta(b, 0x1020)); // no table
    assertEquals(1, tab.pcData(b, FuncInfo.PCDATA_InlTreeIndex, 0x1025));
    assertEquals(-1, tab.pcData(b, FuncInfo.PCDATA_UnsafePoint, 0x1025));
    assertEquals(-1, tab.pcData(b, 7, 0x1025));
    List<String> ranges = new ArrayList<>();
    PcValueCursor c = tab.pcValues(a, a.pcln());
    while (c.next()) {
      ranges.add(Long.toHexString(c.startPc()) + "-" + Long.toHexString(c.endPc()) + "=" + c.value());
    }
    assertEquals(List.of("1000-1008=10", "1008-1014=11", "1014-1020=12"), ranges);
    assertFalse(c.next());
    assertFalse(tab.pcValues(b, b.pcsp()).next());
  }

  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void inlinedCallsInnermostFirst(PclntabFormat format) {
    Pclntab tab = parseSample(format);
    boolean go120 = format == PclntabFormat.GO120;
    InlinedCall outer = new InlinedCall("main.a", 0, go120 ? 5 : 0, "/src/a.go", 20, 0x1021);
    InlinedCall inner = new InlinedCall("main.b", 0, go120 ? 15 : 0, "/src/a.go", 20, 0x1023);
    assertEquals(List.of(), tab.inlinedCalls(0x1021));
    assertEquals(List.of(outer), tab.inlinedCalls(0x1023));
    assertEquals(List.of(inner, outer), tab.inlinedCalls(0x1025));
    assertEquals(List.of(), tab.inlinedCalls(0x1007)); // main.a has no inline tables
    PcLocation loc = tab.location(0x1025).orElseThrow();
    assertEquals("main.b", loc.function().name());
    assertEquals("main.b", loc.innermostFunction());
    assertEquals("/src/a.go:20", loc.file() + ":" + loc.line());
    assertEquals(List.of(inner, outer), loc.inlined());
    assertEquals("main.a", tab.location(0x1023).orElseThrow().innermostFunction());
    assertEquals(Optional.empty(), tab.location(0x2000));
    assertTrue(tab.hasInlineTrees());
  }

  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void lineToPcsGivesTheStartOfEachRun(PclntabFormat format) {
    Pclntab tab = parseSample(format);
    assertArrayEquals(new long[] {0x1000}, tab.lineToPcs("/src/a.go", 10));
    assertArrayEquals(new long[] {0x1008}, tab.lineToPcs("/src/a.go", 11));
    assertArrayEquals(new long[] {0x1010}, tab.lineToPcs("/src/b.go", 11));
    assertArrayEquals(new long[] {0x1014}, tab.lineToPcs("/src/a.go", 12));
    assertArrayEquals(new long[] {0x1020}, tab.lineToPcs("/src/a.go", 20));
    assertArrayEquals(new long[0], tab.lineToPcs("/src/b.go", 10));
    assertArrayEquals(new long[0], tab.lineToPcs("/src/c.go", 10));
  }

  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void theTwoRunsOfALineBothCount(PclntabFormat format) {
    PclntabBuilder b = new PclntabBuilder(format, 4);
    b.func("main.loop", 0).files("/l.go").pcfile(p(0, 0x40)).pcln(p(5, 0x10), p(6, 0x20), p(5, 0x30), p(7, 0x40));
    Pclntab tab = Pclntab.parse(b.end(0x40).build(), TEXT);
    assertEquals(4, tab.pcQuantum());
    assertArrayEquals(new long[] {0x1000, 0x1020}, tab.lineToPcs("/l.go", 5));
    assertEquals("main.loop /l.go:7", at(tab, 0x103c));
  }

  /**
   * The fast lookup guesses a range from the pc's share of the function and gallops from there;
   * on lopsided tables (a long range, then many one-byte ones, then a long one) it must agree
   * with a plain walk of the tables at every pc.
   */
  @ParameterizedTest
  @EnumSource(PclntabFormat.class)
  void fastLookupAgreesWithTheTablesEverywhere(PclntabFormat format) {
    int[][] lines = new int[62][];
    int end = 0;
    for (int k = 0; k < lines.length; k++) {
      end += k == 0 ? 1000 : k == lines.length - 1 ? 500 : 1;
      lines[k] = p(100 + (k % 7), end); // consecutive values differ, as the linker writes them
    }
    PclntabBuilder b = new PclntabBuilder(format, 1);
    b.func("main.lopsided", 0).files("/x.go", "/y.go").pcfile(p(0, 1020), p(1, end)).pcln(lines);
    b.func("main.next", end + 16).files("/x.go").pcfile(p(0, 4)).pcln(p(1, 4));
    Pclntab tab = Pclntab.parse(b.end(end + 32).build(), TEXT);
    FuncInfo f = tab.function(0);
    PcLine row = new PcLine();
    for (long pc = TEXT; pc < TEXT + end + 32; pc++) {
      tab.lookup(pc, row);
      String expected;
      if (pc >= TEXT + end + 16) {
        expected = "main.next /x.go:" + (pc < TEXT + end + 20 ? 1 : 0);
        expected = pc < TEXT + end + 20 ? expected : "main.next ?:0";
      } else if (pc >= TEXT + end) {
        expected = "main.lopsided ?:0"; // padding after the tables
      } else {
        expected = "main.lopsided " + tab.file(f, pc).orElseThrow() + ":" + tab.pcValue(f, f.pcln(), pc);
      }
      assertEquals(expected, row.toString(), "pc 0x" + Long.toHexString(pc));
    }
  }

  private static String at(Pclntab tab, long pc) {
    PcLine row = new PcLine();
    boolean found = tab.lookup(pc, row);
    assertEquals(found, row.funcIndex() >= 0);
    return row.toString();
  }

  static int[] p(int value, int end) {
    return new int[] {value, end};
  }
}
