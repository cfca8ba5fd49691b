package org.dlv4j.dwarf.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CIE and FDE headers of both section flavours, both DWARF formats and every pointer form. */
class CieFdeParsingTest {
  private static final long EH_ADDRESS = 0x40_0000;
  private final UnwindContext ctx = new UnwindContext();

  private static Fde only(CallFrameInfo cfi) {
    assertEquals(1, cfi.fdeCount());
    return cfi.fdes().get(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4})
  void debugFrameCieVersions(int version) {
    for (boolean dwarf64 : new boolean[] {false, true}) {
      CfiBuilder b = new CfiBuilder(FrameSection.Kind.DEBUG_FRAME, dwarf64);
      int cie = b.amd64Cie(version);
      int fde = b.fde(cie, 0x401000, 0x76, 0x47, 0x13, 0x7e);
      Fde f = only(b.cfi());
      Cie c = f.cie();
      assertEquals(fde, f.offset());
      assertEquals(cie, c.offset());
      assertEquals(version, c.version());
      assertEquals("", c.augmentation());
      assertEquals(8, c.addressSize());
      assertEquals(1, c.codeAlignmentFactor());
      assertEquals(-8, c.dataAlignmentFactor());
      assertEquals(16, c.returnAddressRegister());
      assertEquals(FrameSection.Kind.DEBUG_FRAME, c.section());
      assertEquals(0x401000, f.initialLocation());
      assertEquals(0x401076, f.endLocation());
      assertEquals(3, f.instructionsLength());
      assertTrue(b.cfi().rowAt(0x401007, ctx));
      assertEquals(new CfaRule.RegisterOffset(7, 16), ctx.row().cfa());
    }
  }

  @Test
  void thirtyTwoBitDebugFrame() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.cie(3, "", 1, -4, 8, x -> x.u8(0x0c, 4, 4, 0x88, 1));
    b.fde(cie, x -> x.u32(0x8048000L).u32(0x20).u8(0x41, 0x0e, 8));
    CallFrameInfo cfi = CallFrameInfo.of(b.section().withAddressSize(4));
    Fde f = only(cfi);
    assertEquals(0x8048000L, f.initialLocation());
    assertEquals(0x20, f.addressRange());
    assertEquals(4, f.cie().addressSize());
    assertTrue(cfi.rowAt(0x8048001L, ctx));
    assertEquals(new CfaRule.RegisterOffset(4, 8), ctx.row().cfa());
    assertEquals(new RegisterRule.Offset(-4), ctx.row().rule(8));
  }

  /** An .eh_frame CIE with "zR" and pc-relative sdata4 addresses, as GCC writes it. */
  @Test
  void ehFrameZrPcRelative() {
    CfiBuilder b = CfiBuilder.ehFrame();
    int cie = b.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x1b).u8(0x0c, 7, 8, 0x90, 1));
    int fde = b.fde(cie, x -> {
      long field = EH_ADDRESS + x.position();
      x.u32(0x401000 - field).u32(0x30).uleb(0).u8(0x44, 0x0e, 16);
    });
    CallFrameInfo cfi = CallFrameInfo.of(FrameSection.ehFrame(b.out.buffer(), EH_ADDRESS));
    Fde f = only(cfi);
    assertEquals(fde, f.offset());
    assertEquals(0x401000, f.initialLocation());
    assertEquals(0x30, f.addressRange());
    assertEquals(0x1b, f.cie().fdeEncoding());
    assertEquals(Optional.empty(), f.lsda());
    assertEquals(Optional.empty(), f.cie().personality());
    assertTrue(cfi.rowAt(0x401004, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 16), ctx.row().cfa());
    assertEquals(new RegisterRule.Offset(-8), ctx.row().rule(16));
  }

  /** 64-bit entries in .eh_frame keep a 4-byte CIE id and CIE pointer (LSB). */
  @Test
  void ehFrameWithExtendedLengths() {
    CfiBuilder b = new CfiBuilder(FrameSection.Kind.EH_FRAME, true);
    int cie = b.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x04).u8(0x0c, 7, 8));
    int fde = b.fde(cie, x -> x.u64(0x5000).u64(0x40).uleb(0).u8(0x41, 0x0e, 16));
    Fde f = only(b.cfi());
    assertEquals(fde, f.offset());
    assertEquals(0x5000, f.initialLocation());
    assertTrue(b.cfi().rowAt(0x5001, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 16), ctx.row().cfa());
  }

  @Test
  void ehFrameZWithAbsolutePointers() {
    CfiBuilder b = CfiBuilder.ehFrame();
    int cie = b.cie(1, "z", 1, -8, 16, x -> x.uleb(0).u8(0x0c, 7, 8));
    b.fde(cie, x -> x.u64(0x1000).u64(0x10).uleb(0));
    assertEquals(0x1000, only(b.cfi()).initialLocation());
  }

  /** Personality "P" with pcrel|indirect|sdata4 (0x9b), LSDA "L", FDE encoding "R". */
  @Test
  void ehFrameZplr() {
    CfiBuilder b = CfiBuilder.ehFrame();
    long[] personalityField = new long[1];
    int cie = b.cie(1, "zPLR", 1, -8, 16, x -> {
      x.uleb(7).u8(0x9b);
      personalityField[0] = EH_ADDRESS + x.position();
      x.u32(0x600000 - personalityField[0]).u8(0x1b).u8(0x1b).u8(0x0c, 7, 8);
    });
    b.fde(cie, x -> {
      long field = EH_ADDRESS + x.position();
      x.u32(0x401000 - field).u32(0x40).uleb(4);
      long lsdaField = EH_ADDRESS + x.position();
      x.u32(0x500000 - lsdaField);
    });
    Fde f = only(CallFrameInfo.of(FrameSection.ehFrame(b.out.buffer(), EH_ADDRESS)));
    assertEquals(0x401000, f.initialLocation());
    assertEquals(Optional.of(new EncodedPointer(0x600000, true)), f.cie().personality());
    assertEquals(0x1b, f.cie().lsdaEncoding());
    assertEquals(Optional.of(new EncodedPointer(0x500000, false)), f.lsda());
  }

  @Test
  void ehFrameZpAndZl() {
    CfiBuilder b = CfiBuilder.ehFrame();
    int p = b.cie(1, "zP", 1, -8, 16, x -> x.uleb(9).u8(0x00).u64(0x7777).u8(0x0c, 7, 8));
    int l = b.cie(1, "zL", 1, -8, 16, x -> x.uleb(1).u8(0x04).u8(0x0c, 7, 8));
    b.fde(p, x -> x.u64(0x1000).u64(0x10).uleb(0));
    b.fde(l, x -> x.u64(0x2000).u64(0x10).uleb(8).u64(0x8888));
    b.fde(l, x -> x.u64(0x3000).u64(0x10).uleb(0)); // no LSDA although the CIE has "L"
    List<Fde> fdes = b.cfi().fdes();
    assertEquals(Optional.of(new EncodedPointer(0x7777, false)), fdes.get(0).cie().personality());
    assertEquals(Optional.of(new EncodedPointer(0x8888, false)), fdes.get(1).lsda());
    assertEquals(Optional.empty(), fdes.get(2).lsda());
  }

  @Test
  void signalFrameAugmentations() {
    CfiBuilder b = CfiBuilder.ehFrame();
    int s = b.cie(1, "S", 1, -8, 16, x -> x.u8(0x0c, 7, 8));
    int zrs = b.cie(1, "zRS", 1, -8, 16, x -> x.uleb(1).u8(0x04).u8(0x0c, 7, 8));
    b.fde(s, 0x1000, 0x10);
    b.fde(zrs, x -> x.u64(0x2000).u64(0x10).uleb(0));
    List<Fde> fdes = b.cfi().fdes();
    assertTrue(fdes.get(0).cie().signalFrame());
    assertTrue(fdes.get(1).cie().signalFrame());
    assertFalse(fdes.get(0).cie().hasAugmentationData());
  }

  @Test
  void oldEhAugmentationSkipsItsPointer() {
    CfiBuilder c = CfiBuilder.ehFrame();
    int cie2 = c.entry(x -> x.u32(0).u8(1).cstring("eh").u64(0xdead).uleb(1).sleb(-8).u8(16)
        .u8(0x0c, 7, 8));
    c.fde(cie2, 0x1000, 0x10);
    assertEquals(-8, only(c.cfi()).cie().dataAlignmentFactor());
  }

  @Test
  void unknownLetterAfterZSkipsTheRestOfTheData() {
    CfiBuilder b = CfiBuilder.ehFrame();
    int cie = b.cie(1, "zRX", 1, -8, 16, x -> x.uleb(4).u8(0x03).u8(9, 9, 9).u8(0x0c, 7, 8));
    b.fde(cie, x -> x.u32(0x1000).u32(0x10).uleb(0));
    assertEquals(0x1000, only(b.cfi()).initialLocation());
  }

  /** Every DW_EH_PE value format, absolute, for the FDE's initial location and range. */
  @ParameterizedTest
  @ValueSource(ints = {0x01, 0x02, 0x03, 0x04, 0x09, 0x0a, 0x0b, 0x0c})
  void pointerFormats(int encoding) {
    CfiBuilder b = CfiBuilder.ehFrame();
    int cie = b.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(encoding).u8(0x0c, 7, 8));
    b.fde(cie, x -> {
      switch (encoding) {
        case 0x01: x.uleb(0x1234).uleb(0x20); break;
        case 0x09: x.sleb(0x1234).sleb(0x20); break;
        case 0x02: case 0x0a: x.u16(0x1234).u16(0x20); break;
        case 0x03: case 0x0b: x.u32(0x1234).u32(0x20); break;
        default: x.u64(0x1234).u64(0x20);
      }
      x.uleb(0);
    });
    Fde f = only(b.cfi());
    assertEquals(0x1234, f.initialLocation());
    assertEquals(0x20, f.addressRange());
  }

  @Test
  void signedPcRelativePointersReachBackwards() {
    CfiBuilder b = CfiBuilder.ehFrame();
    int cie = b.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x1a).u8(0x0c, 7, 8)); // pcrel sdata2
    b.fde(cie, x -> x.u16(-0x100 - (x.position())).u16(0x10).uleb(0));
    Fde f = only(CallFrameInfo.of(FrameSection.ehFrame(b.out.buffer(), EH_ADDRESS)));
    assertEquals(EH_ADDRESS - 0x100, f.initialLocation());
  }

  @Test
  void textDataFunctionRelativeAndAlignedPointers() {
    CfiBuilder b = CfiBuilder.ehFrame();
    int text = b.cie(1, "zLR", 1, -8, 16, x -> x.uleb(2).u8(0x43).u8(0x23).u8(0x0c, 7, 8));
    int data = b.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x33).u8(0x0c, 7, 8));
    int aligned = b.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x50).u8(0x0c, 7, 8));
    b.fde(text, x -> x.u32(0x100).u32(0x10).uleb(4).u32(0x8)); // LSDA funcrel: start + 8
    b.fde(data, x -> x.u32(0x200).u32(0x10).uleb(0));
    b.fde(aligned, x -> {
      while ((x.position() + EH_ADDRESS) % 8 != 0) {
        x.u8(0);
      }
      x.u64(0x700000).u64(0x10).uleb(0);
    });
    FrameSection s = FrameSection.ehFrame(b.out.buffer(), EH_ADDRESS)
        .withTextBase(0x401000).withDataBase(0x600000);
    CallFrameInfo cfi = CallFrameInfo.of(s);
    List<Fde> fdes = cfi.fdes();
    assertEquals(0x401100, fdes.get(0).initialLocation());
    assertEquals(Optional.of(new EncodedPointer(0x401108, false)), fdes.get(0).lsda());
    assertEquals(0x600200, fdes.get(1).initialLocation());
    assertEquals(0x700000, fdes.get(2).initialLocation());
  }

  @Test
  void setLocUsesTheFdePointerEncoding() {
    CfiBuilder b = CfiBuilder.ehFrame();
    int cie = b.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x1b).u8(0x0c, 7, 8));
    b.fde(cie, x -> {
      x.u32(0x401000 - (EH_ADDRESS + x.position())).u32(0x100).uleb(0);
      x.u8(0x01);
      x.u32(0x401080 - (EH_ADDRESS + x.position())); // set_loc, pc-relative to its operand
      x.u8(0x0e, 32);
    });
    CallFrameInfo cfi = CallFrameInfo.of(FrameSection.ehFrame(b.out.buffer(), EH_ADDRESS));
    assertTrue(cfi.rowAt(0x40107f, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 8), ctx.row().cfa());
    assertTrue(cfi.rowAt(0x401080, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 32), ctx.row().cfa());
  }

  @Test
  void zeroTerminatorEndsEhFrameButIsSkippedInDebugFrame() {
    CfiBuilder eh = CfiBuilder.ehFrame();
    int cie = eh.cie(1, "", 1, -8, 16, x -> x.u8(0x0c, 7, 8));
    eh.fde(cie, 0x1000, 0x10);
    eh.out.u32(0);
    eh.fde(cie, 0x2000, 0x10);
    assertEquals(1, eh.cfi().fdeCount());
    CfiBuilder debug = CfiBuilder.debugFrame();
    int cie2 = debug.amd64Cie(3);
    debug.fde(cie2, 0x1000, 0x10);
    debug.out.u32(0);
    debug.fde(cie2, 0x2000, 0x10);
    assertEquals(2, debug.cfi().fdeCount());
  }

  @Test
  void sectionsAreMergedAndTheEarlierSectionWins() {
    CfiBuilder debug = CfiBuilder.debugFrame();
    int c1 = debug.amd64Cie(3);
    debug.fde(c1, 0x1000, 0x100, 0x0e, 16);
    debug.fde(c1, 0x3000, 0x100);
    CfiBuilder eh = CfiBuilder.ehFrame();
    int c2 = eh.cie(1, "", 1, -8, 16, x -> x.u8(0x0c, 7, 8));
    eh.fde(c2, 0x1000, 0x100, 0x0e, 48);
    eh.fde(c2, 0x2000, 0x100, 0x0e, 24);
    eh.fde(c2, 0x2800, 0); // empty ranges are dropped
    CallFrameInfo cfi = CallFrameInfo.of(debug.section(), eh.section());
    assertEquals(3, cfi.fdeCount());
    assertEquals(List.of(0x1000L, 0x2000L, 0x3000L),
        cfi.fdes().stream().map(Fde::initialLocation).collect(Collectors.toList()));
    assertTrue(cfi.rowAt(0x1000, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 16), ctx.row().cfa());
    assertEquals(FrameSection.Kind.DEBUG_FRAME, ctx.row().fde().cie().section());
    assertTrue(cfi.rowAt(0x20ff, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 24), ctx.row().cfa());
    assertEquals(FrameSection.Kind.EH_FRAME, cfi.fdeFor(0x2000).orElseThrow().cie().section());
    assertEquals(Optional.empty(), cfi.fdeFor(0x2100));
    assertFalse(cfi.rowAt(0x2800, ctx));
    CallFrameInfo reversed = CallFrameInfo.of(eh.section(), debug.section());
    assertTrue(reversed.rowAt(0x1000, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 48), ctx.row().cfa());
  }

  @Test
  void overlappingRangesAreFound() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.amd64Cie(3);
    b.fde(cie, 0x1000, 0x1000, 0x0e, 16);
    b.fde(cie, 0x1100, 0x100, 0x0e, 32);
    CallFrameInfo cfi = b.cfi();
    assertTrue(cfi.rowAt(0x1150, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 32), ctx.row().cfa());
    assertTrue(cfi.rowAt(0x1300, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 16), ctx.row().cfa());
    assertFalse(cfi.rowAt(0x2000, ctx));
  }

  @Test
  void addressesAboveTwoToThe63AreUnsigned() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.amd64Cie(3);
    b.fde(cie, 0x1000, 0x100);
    b.fde(cie, 0xffff_ffff_8100_0000L, 0x100, 0x0e, 16);
    CallFrameInfo cfi = b.cfi();
    assertEquals(List.of(0x1000L, 0xffff_ffff_8100_0000L),
        cfi.fdes().stream().map(Fde::initialLocation).collect(Collectors.toList()));
    assertTrue(cfi.rowAt(0xffff_ffff_8100_0080L, ctx));
    assertEquals(new CfaRule.RegisterOffset(7, 16), ctx.row().cfa());
    assertFalse(cfi.rowAt(0xffff_ffff_8100_0100L, ctx));
    assertTrue(cfi.rowAt(0x1000, ctx));
  }

  @Test
  void forwardCiePointerInDebugFrame() {
    CfiBuilder b = CfiBuilder.debugFrame();
    // FDE first, pointing at the CIE that follows it (offset 0x18: 4 + 4 + 8 + 8).
    int fde = b.fde(0x18, 0x1000, 0x10);
    int cie = b.amd64Cie(3);
    assertEquals(0x18, cie);
    assertEquals(fde, only(b.cfi()).offset());
  }
}
