package org.dlv4j.gort.pclntab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Inline trees: exact frames for known calls, and the Go runtime's own expansion of many pcs. */
class InlineTreeTest {
  private static final Path SAMPLE_SOURCES = GoBuild.testdataRoot().resolve("pclnsample");

  /**
   * In the optimized fixture, {@code run} calls {@code Point.Norm2}, which calls {@code square};
   * both calls are inlined. At an instruction of {@code square}'s body the table must give
   * exactly: square called from Norm2's line, Norm2 called from run's line.
   */
  @ParameterizedTest
  @EnumSource(value = Binaries.class, names = {"SAMPLE_OPTIMIZED", "SAMPLE_STRIPPED", "SAMPLE_EXTERNAL_STRIPPED",
      "SAMPLE_ARM64", "SAMPLE_GO122", "SAMPLE_GO122_STRIPPED", "SAMPLE_GO122_PIE_EXTERNAL", "SAMPLE_GO119", "SAMPLE_GO119_STRIPPED"})
  void squareInlinedIntoNorm2InlinedIntoRun(Binaries b) {
    Pclntab tab = b.pclntab();
    String geometry = SAMPLE_SOURCES.resolve("geometry.go").toString();
    String main = SAMPLE_SOURCES.resolve("main.go").toString();
    int squareBody = lineOf("geometry.go", "return v * v");
    FuncInfo run = tab.functionNamed("main.run").orElseThrow();
    List<PcLocation> hits = new ArrayList<>();
    for (long pc : tab.lineToPcs(geometry, squareBody)) {
      PcLocation loc = tab.location(pc).orElseThrow();
      if (run.contains(pc) && loc.inlined().size() == 2
          && loc.inlined().get(1).function().equals("main.Point.Norm2")) {
        hits.add(loc);
      }
    }
    assertFalse(hits.isEmpty(), "no pc of square's body inlined through Norm2 in run");
    boolean go120 = tab.format() == PclntabFormat.GO120;
    for (PcLocation loc : hits) {
      assertEquals(geometry, loc.file());
      assertEquals(squareBody, loc.line());
      assertEquals("main.square", loc.innermostFunction());
      InlinedCall square = loc.inlined().get(0);
      InlinedCall norm2 = loc.inlined().get(1);
      assertEquals(new InlinedCall("main.square", 0, go120 ? lineOf("geometry.go", "func square(") : 0,
          geometry, lineOf("geometry.go", "return square(p.X) + square(p.Y)"), square.callPc()), square);
      assertEquals(new InlinedCall("main.Point.Norm2", 0, go120 ? lineOf("geometry.go", "func (p Point) Norm2(") : 0,
          main, lineOf("main.go", "total := p.Norm2()"), norm2.callPc()), norm2);
      assertTrue(run.contains(square.callPc()) && run.contains(norm2.callPc()));
      // The call pcs carry the call sites' positions and their own (shorter) inline chains.
      assertEquals(List.of(norm2), tab.inlinedCalls(square.callPc()));
      assertEquals(List.of(), tab.inlinedCalls(norm2.callPc()));
    }
  }

  /**
   * Asks the fixture itself (runtime.CallersFrames) to expand pcs of functions with inlined
   * calls, and compares every frame's function, file and line. The fixture is told where
   * main.main is linked, so it can move the pcs by its load bias when it is a PIE. Runtimes before Go 1.23 give
   * only the innermost frame of a pc; for those the call pc of every level is looked up as
   * well, so each level is still checked against the runtime.
   */
  @ParameterizedTest
  @EnumSource(value = Binaries.class, names = {"SAMPLE_OPTIMIZED", "SAMPLE_STRIPPED", "SAMPLE_EXTERNAL",
      "SAMPLE_EXTERNAL_STRIPPED", "SAMPLE_PIE_EXTERNAL", "SAMPLE_GO122", "SAMPLE_GO122_STRIPPED",
      "SAMPLE_GO122_PIE_EXTERNAL", "SAMPLE_GO122_PIE_EXTERNAL_STRIPPED", "SAMPLE_GO119", "SAMPLE_GO119_STRIPPED"})
  void framesMatchTheGoRuntime(Binaries b) {
    Pclntab tab = b.pclntab();
    List<Long> pcs = new ArrayList<>();
    for (long pc : inlinedPcs(tab, 400)) {
      pcs.add(pc);
      tab.inlinedCalls(pc).forEach(call -> pcs.add(call.callPc()));
    }
    long[] all = pcs.stream().mapToLong(Long::longValue).toArray();
    String linkedMain = "0x" + Long.toHexString(tab.functionNamed("main.main").orElseThrow().entry());
    String[] runtime = Command.outputWithInput(GoTools.hexLines(all), b.path().toString(), "frames", linkedMain)
        .split("\n\n");
    assertEquals(all.length, runtime.length);
    int withInlining = 0;
    for (int i = 0; i < all.length; i++) {
      PcLocation loc = tab.location(all[i]).orElseThrow();
      withInlining += loc.inlined().isEmpty() ? 0 : 1;
      String expected = expectedFrames(loc);
      if (!b.runtimeExpandsInlinedFrames()) {
        expected = expected.lines().limit(2).collect(Collectors.joining("\n"));
      }
      assertEquals(expected, runtime[i].strip(), "pc 0x" + Long.toHexString(all[i]));
    }
    assertTrue(withInlining >= 100, withInlining + " pcs with inlined calls");
  }

  /**
   * Walks the inline tree at the start of every inlined range of an optimized cmd/go: every
   * walk must end (indexes strictly descend) at call sites inside the function, and the
   * innermost call's position must be the pc's own.
   */
  @Test
  void everyInlineTreeOfOptimizedCmdGoWalksCleanly() {
    Pclntab tab = Pclntab.read(ElfFile.open(GoBuild.goPackage("cmd/go").optimized().build()));
    int walks = 0;
    int deepest = 0;
    for (FuncInfo f : tab.functions()) {
      PcValueCursor c = tab.pcValues(f, f.pcdataOffset(FuncInfo.PCDATA_InlTreeIndex));
      while (c.next()) {
        if (c.value() < 0 || c.endPc() == c.startPc()) {
          continue;
        }
        List<InlinedCall> calls = tab.inlinedCalls(c.startPc());
        assertFalse(calls.isEmpty());
        for (InlinedCall call : calls) {
          assertTrue(f.contains(call.callPc()), call.toString());
        }
        walks++;
        deepest = Math.max(deepest, calls.size());
      }
    }
    assertTrue(walks > 50_000 && deepest >= 4, walks + " walks, deepest " + deepest);
  }

  @Test
  void withoutTheImageInlineTreesAreRefusedNotGuessed() {
    Path path = Binaries.SAMPLE_OPTIMIZED.path();
    ElfFile elf = ElfFile.open(path);
    Pclntab full = Binaries.SAMPLE_OPTIMIZED.pclntab();
    Pclntab bare = Pclntab.parse(elf.sectionData(".gopclntab").orElseThrow(), full.textStart());
    assertFalse(bare.hasInlineTrees());
    long pc = inlinedPcs(full, 1)[0];
    assertFalse(full.inlinedCalls(pc).isEmpty());
    assertThrows(IllegalStateException.class, () -> bare.inlinedCalls(pc));
    FuncInfo plain = full.functionNamed("main.main").orElseThrow();
    assertEquals(List.of(), bare.inlinedCalls(plain.entry()));
  }

  /** Formats a location as the fixture's "frames" mode prints the runtime's frames. */
  private static String expectedFrames(PcLocation loc) {
    StringBuilder sb = new StringBuilder("0x" + Long.toHexString(loc.pc()));
    String file = loc.file();
    int line = loc.line();
    for (InlinedCall call : loc.inlined()) {
      sb.append('\n').append(printName(call.function())).append(' ').append(file).append(':').append(line);
      file = call.callFile();
      line = call.callLine();
    }
    sb.append('\n').append(printName(loc.function().name())).append(' ').append(file).append(':').append(line);
    return sb.toString();
  }

  /** The runtime prints generic functions' type arguments as "[...]" (runtime.funcNameForPrint). */
  private static String printName(String name) {
    int open = name.indexOf('[');
    int close = name.lastIndexOf(']');
    return open < 0 || close < open ? name : name.substring(0, open) + "[...]" + name.substring(close + 1);
  }

  /**
   * Returns up to {@code max} pcs where calls are inlined, from functions of package main and
   * of the standard library, plus a pc in each of main's functions: the start of each inline
   * index range and a random pc inside it. Pcs where an outer frame is a special function
   * (nonzero funcID: wrappers, runtime internals) are left out: the runtime elides wrapper
   * frames when it expands inlined calls, which is presentation, not table decoding.
   */
  static long[] inlinedPcs(Pclntab tab, int max) {
    SplittableRandom random = new SplittableRandom(7);
    List<Long> pcs = new ArrayList<>();
    for (int i = 0; i < tab.functionCount() && pcs.size() < max; i++) {
      FuncInfo f = tab.function(i);
      if (f.name().startsWith("main.")) {
        pcs.add(f.entry());
      }
      PcValueCursor c = tab.pcValues(f, f.pcdataOffset(FuncInfo.PCDATA_InlTreeIndex));
      while (c.next() && pcs.size() < max) {
        if (c.value() >= 0 && c.endPc() > c.startPc() && f.funcId() == 0 && ordinaryCallers(tab, c.startPc())) {
          pcs.add(c.startPc());
          pcs.add(random.nextLong(c.startPc(), c.endPc()));
        }
      }
    }
    return pcs.stream().mapToLong(Long::longValue).toArray();
  }

  private static boolean ordinaryCallers(Pclntab tab, long pc) {
    List<InlinedCall> calls = tab.inlinedCalls(pc);
    return calls.subList(1, calls.size()).stream().allMatch(c -> c.funcId() == 0);
  }

  /** Returns the number of the first line of the fixture file {@code file} that contains {@code text}. */
  static int lineOf(String file, String text) {
    try {
      List<String> lines = Files.readAllLines(SAMPLE_SOURCES.resolve(file));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException(text + " not in " + file);
  }
}
