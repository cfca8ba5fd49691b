package org.dlv4j.dwarf.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.dlv4j.dwarf.expr.Encoding;
import org.dlv4j.dwarf.expr.EvalStep;
import org.dlv4j.dwarf.expr.Evaluation;
import org.dlv4j.dwarf.expr.Expression;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real binaries: every row of every FDE must match what {@code readelf
 * --debug-dump=frames-interp} prints, for Go's {@code .debug_frame} (amd64 and arm64), an
 * externally linked Go binary with both sections, and GCC's {@code .eh_frame} (C and C++)
 * and {@code .debug_frame} (CIE versions 1 and 4). Sections come from
 * {@link org.dlv4j.elf.ElfFile}.
 */
class ReadelfFrameTest {
  private static final System.Logger LOG = System.getLogger("dwarf");

  @TempDir
  static Path out;

  private static Path c;
  private static Path cpp;

  @BeforeAll
  static void locateSources() throws URISyntaxException {
    c = Path.of(ReadelfFrameTest.class.getResource("cfisample.c").toURI());
    cpp = Path.of(ReadelfFrameTest.class.getResource("cfisample.cc").toURI());
  }


  /** Checks one section of {@code elf} alone against readelf; returns the rows checked. */
  private static int checkSection(Path elf, FrameSection section, List<String> names)
      throws IOException {
    List<ReadelfFrames.Table> tables = ReadelfFrames.read(elf).get(section.kind().sectionName());
    int rows = ReadelfFrames.check(CallFrameInfo.of(section), tables, names);
    assertTrue(rows > 0);
    LOG.log(System.Logger.Level.INFO, "{0} {1}: {2} rows of {3} FDEs match readelf",
        elf.getFileName(), section.kind().sectionName(), rows, tables.size());
    return rows;
  }

  @Test
  void goHello() throws IOException {
    Path hello = GoBuild.fixture("hello").build();
    FrameSection df = ElfFrames.debugFrame(hello);
    assertTrue(checkSection(hello, df, ReadelfFrames.AMD64) > 1000);
    Cie cie = CallFrameInfo.of(df).fdes().get(0).cie();
    // What runtime-internals.md §3.1 says Go emits for amd64.
    assertEquals(3, cie.version());
    assertEquals(1, cie.codeAlignmentFactor());
    assertEquals(-4, cie.dataAlignmentFactor());
    assertEquals(16, cie.returnAddressRegister());
  }

  @Test
  void goCfisampleDeepCallChain() throws IOException {
    for (GoBuild build : List.of(GoBuild.fixture("cfisample"),
        GoBuild.fixture("cfisample").optimized())) {
      Path bin = build.build();
      FrameSection df = ElfFrames.debugFrame(bin);
      checkSection(bin, df, ReadelfFrames.AMD64);
      // main.bigFrame has a 4 KiB frame: the CFA is rsp plus more than 4096 in its body.
      long bigFrame = GoNm.address(bin, "main.bigFrame");
      CallFrameInfo cfi = CallFrameInfo.of(df);
      UnwindContext ctx = new UnwindContext();
      Fde fde = cfi.fdeFor(bigFrame).orElseThrow();
      assertEquals(bigFrame, fde.initialLocation());
      long max = 0;
      for (long pc = fde.initialLocation(); pc < fde.endLocation(); pc++) {
        assertTrue(cfi.rowAt(pc, ctx));
        max = Math.max(max, ((CfaRule.RegisterOffset) ctx.row().cfa()).offset());
        assertEquals(new RegisterRule.Offset(-8), ctx.row().rule(16));
      }
      assertTrue(max > 4096, "largest CFA offset " + max);
    }
  }

  @Test
  void goArm64() throws IOException {
    Path bin = GoBuild.fixture("cfisample").env("GOARCH", "arm64").build();
    FrameSection df = ElfFrames.debugFrame(bin);
    checkSection(bin, df, ReadelfFrames.ARM64);
    Cie cie = CallFrameInfo.of(df).fdes().get(0).cie();
    assertEquals(30, cie.returnAddressRegister());
  }

  /** External linking adds GCC's .eh_frame for the C start-up code beside Go's .debug_frame. */
  @Test
  void goExternalLinkMergesBothSections() throws IOException {
    Path bin = GoBuild.fixture("cfisample").env("CGO_ENABLED", "1")
        .flags("-ldflags=-linkmode=external").build();
    FrameSection df = ElfFrames.debugFrame(bin);
    FrameSection eh = ElfFrames.ehFrame(bin);
    checkSection(bin, df, ReadelfFrames.AMD64);
    checkSection(bin, eh, ReadelfFrames.AMD64);
    CallFrameInfo merged = CallFrameInfo.of(df, eh);
    Set<Long> starts = new HashSet<>();
    for (CallFrameInfo one : List.of(CallFrameInfo.of(df), CallFrameInfo.of(eh))) {
      one.fdes().forEach(f -> starts.add(f.initialLocation()));
    }
    assertEquals(starts.size(), merged.fdeCount());
    Map<String, List<ReadelfFrames.Table>> readelf = ReadelfFrames.read(bin);
    ReadelfFrames.Table first = readelf.get(".eh_frame").stream()
        .filter(t -> t.end() > t.start()).findFirst().orElseThrow();
    assertEquals(FrameSection.Kind.EH_FRAME,
        merged.fdeFor(first.start()).orElseThrow().cie().section());
  }

  @Test
  void gccEhFrame() throws IOException {
    for (String opt : List.of("-O2", "-O0")) {
      Path bin = Tools.compile("gcc", c, out, "c" + opt, opt);
      FrameSection eh = ElfFrames.ehFrame(bin);
      checkSection(bin, eh, ReadelfFrames.AMD64);
      Fde main = CallFrameInfo.of(eh).fdes().get(0);
      assertEquals("zR", main.cie().augmentation());
      assertEquals(0x1b, main.cie().fdeEncoding()); // pcrel | sdata4
    }
  }

  /** -fno-omit-frame-pointer: the CFA moves to rbp and rbp is saved at CFA-16. */
  @Test
  void gccEhFrameWithFramePointers() throws IOException {
    Path bin = Tools.compile("gcc", c, out, "cfp", "-O1", "-fno-omit-frame-pointer");
    checkSection(bin, ElfFrames.ehFrame(bin), ReadelfFrames.AMD64);
  }

  @Test
  void gppEhFrameWithPersonalityAndLsda() throws IOException {
    Path bin = Tools.compile("g++", cpp, out, "cpp", "-O2");
    FrameSection eh = ElfFrames.ehFrame(bin);
    checkSection(bin, eh, ReadelfFrames.AMD64);
    long withLsda = CallFrameInfo.of(eh).fdes().stream()
        .filter(f -> f.cie().augmentation().equals("zPLR")).filter(f -> f.lsda().isPresent())
        .peek(f -> assertTrue(f.cie().personality().orElseThrow().indirect()))
        .count();
    assertTrue(withLsda > 0);
  }

  @Test
  void gccDebugFrameVersions1And4() throws IOException {
    for (int version : new int[] {1, 4}) {
      String flag = "-Wa,--gdwarf-cie-version=" + version;
      Path bin = Tools.compile("gcc", c, out, "cdebug" + version, "-O2", "-g",
          "-fno-asynchronous-unwind-tables", flag);
      FrameSection df = ElfFrames.debugFrame(bin);
      checkSection(bin, df, ReadelfFrames.AMD64);
      assertEquals(version, CallFrameInfo.of(df).fdes().get(0).cie().version());
    }
  }

  /**
   * The PLT's CFA is a DWARF expression, "rsp + 8, plus 8 more once rip is past the push in
   * its 16-byte entry"; the evaluator computes it from the bytes in the real section.
   */
  @Test
  void pltCfaExpressionEvaluates() throws IOException {
    Path bin = Tools.compile("gcc", c, out, "cplt", "-O0");
    long plt = ElfFile.open(bin).section(".plt").orElseThrow().address();
    CallFrameInfo cfi = CallFrameInfo.of(ElfFrames.ehFrame(bin));
    UnwindContext ctx = new UnwindContext();
    long rsp = 0x7ffe_0000L;
    for (long pc = plt + 0x10; pc < plt + 0x20; pc++) {
      assertTrue(cfi.rowAt(pc, ctx));
      Expression expr = ((CfaRule.Expression) ctx.row().cfa()).expression();
      assertArrayEquals(new byte[] {0x77, 0x08, (byte) 0x80, 0x00, 0x3f, 0x1a, 0x3b, 0x2a, 0x33,
          0x24, 0x22}, expr.toByteArray());
      Evaluation ev = new Evaluation(Encoding.AMD64_DWARF5);
      EvalStep step = ev.evaluate(expr);
      assertEquals(new EvalStep.NeedsRegister(7), step);
      step = ev.resumeWithRegister(rsp);
      assertEquals(new EvalStep.NeedsRegister(16), step);
      EvalStep.Done done = (EvalStep.Done) ev.resumeWithRegister(pc);
      long expected = rsp + 8 + ((pc & 15) >= 11 ? 8 : 0);
      assertEquals(OptionalLong.of(expected), done.address(), "pc 0x" + Long.toHexString(pc));
    }
  }
}
