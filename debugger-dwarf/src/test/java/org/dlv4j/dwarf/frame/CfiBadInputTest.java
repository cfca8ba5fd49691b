package org.dlv4j.dwarf.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.ByteBuilder;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Malformed sections end in a BinaryFormatException naming section and offset, never a hang. */
class CfiBadInputTest {
  private final UnwindContext ctx = new UnwindContext();

  private static BinaryFormatException fails(String where, long offset, String detail,
      Executable e) {
    BinaryFormatException x = assertThrows(BinaryFormatException.class, e);
    assertEquals(where, x.where(), x.getMessage());
    assertEquals(offset, x.offset(), x.getMessage());
    assertTrue(x.getMessage().contains(detail), x.getMessage());
    return x;
  }

  private static BinaryFormatException indexFails(CfiBuilder b, long offset, String detail) {
    return fails(b.section().kind().sectionName(), offset, detail, () -> b.cfi().fdeCount());
  }

  /** An FDE at 0x1000 with these instructions after the amd64 CIE; fails at rowAt(pc). */
  private void rowFails(long pc, long offset, String detail, int... instructions) {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.fde(b.amd64Cie(3), 0x1000, 0x100, instructions);
    CallFrameInfo cfi = b.cfi();
    fails(".debug_frame", offset, detail, () -> cfi.rowAt(pc, ctx));
  }

  /** The amd64 CIE takes 0x12 bytes, so the FDE's instructions start at 0x12 + 24 = 0x2a. */
  private static final int INS = 0x2a;

  @Test
  void truncatedEntry() {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.amd64Cie(3);
    byte[] cut = Arrays.copyOf(b.out.toArray(), 10);
    BinaryFormatException e = assertThrows(BinaryFormatException.class,
        () -> CallFrameInfo.of(FrameSection.debugFrame(ByteBuffer.wrap(cut))).fdeCount());
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().contains("does not fit the 0x6 bytes left"), e.getMessage());
  }

  @Test
  void lengthBeyondSection() {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.amd64Cie(3);
    b.out.u32(0x7000_0000L).u32(0);
    indexFails(b, 0x12, "entry length 0x70000000 does not fit");
    CfiBuilder b64 = CfiBuilder.debugFrame();
    b64.out.u32(0xffff_ffffL).u64(-2L);
    indexFails(b64, 0, "entry length 0xfffffffffffffffe does not fit");
  }

  @Test
  void reservedInitialLength() {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.out.u32(0xffff_fff0L);
    indexFails(b, 0, "reserved initial length 0xfffffff0");
  }

  @Test
  void truncatedCieHeader() {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.entry(x -> x.u32(0xffff_ffffL).u8(3).cstring("")); // no factors, no RA
    b.out.u32(0);
    indexFails(b, 0, "CIE header runs past the entry's length");
  }

  @Test
  void ciePointerToAnFde() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.amd64Cie(3);
    int fde = b.fde(cie, 0x1000, 0x10);
    b.fde(fde, 0x2000, 0x10);
    indexFails(b, 0x2a, "points to 0x12, which is not a CIE");
  }

  @Test
  void ciePointerToItself() {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.amd64Cie(3);
    b.fde(0x12, 0x1000, 0x10);
    indexFails(b, 0x12, "points to the FDE itself");
    CfiBuilder eh = CfiBuilder.ehFrame();
    eh.fde(0, 0x1000, 0x10); // pointer 4: back to the entry's own start
    indexFails(eh, 0, "points to the FDE itself");
  }

  @Test
  void ciePointerOutsideTheSection() {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.fde(0x1000, 0x1000, 0x10);
    indexFails(b, 0, "CIE pointer 0x1000 is outside the section");
    CfiBuilder eh = CfiBuilder.ehFrame();
    eh.fde(-0x100, 0x1000, 0x10);
    indexFails(eh, 0, "is outside the section");
  }

  @Test
  void unsupportedVersionAndAugmentation() {
    CfiBuilder v2 = CfiBuilder.debugFrame();
    v2.cie(2, "", 1, -8, 16, x -> { });
    indexFails(v2, 0, "unsupported CIE version 2");
    CfiBuilder v4 = CfiBuilder.ehFrame();
    v4.cie(4, "", 1, -8, 16, x -> { });
    indexFails(v4, 0, "unsupported CIE version 4");
    CfiBuilder aug = CfiBuilder.debugFrame();
    aug.cie(3, "xyz", 1, -8, 16, x -> { });
    indexFails(aug, 0, "unknown augmentation \"xyz\"");
  }

  @Test
  void absurdAugmentationDataLength() {
    CfiBuilder b = CfiBuilder.ehFrame();
    b.cie(1, "zR", 1, -8, 16, x -> x.uleb(0xff_ffff_ffffL).u8(0x1b));
    indexFails(b, 0, "augmentation data length 0xffffffffff exceeds the entry");
    CfiBuilder fde = CfiBuilder.ehFrame();
    int cie = fde.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x03).u8(0x0c, 7, 8));
    fde.fde(cie, x -> x.u32(0x1000).u32(0x10).uleb(0x7fff_ffff));
    indexFails(fde, 0x14, "augmentation data length 0x7fffffff exceeds the entry");
  }

  @Test
  void augmentationDataLongerThanItsLength() {
    CfiBuilder b = CfiBuilder.ehFrame();
    b.cie(1, "zPR", 1, -8, 16, x -> x.uleb(2).u8(0x04).u64(0).u8(0x1b).u8(0x0c, 7, 8));
    indexFails(b, 0, "augmentation data longer than its length");
  }

  @Test
  void badPointerEncodings() {
    CfiBuilder unknown = CfiBuilder.ehFrame();
    unknown.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x07));
    indexFails(unknown, 0x10, "unknown pointer encoding 0x07");
    CfiBuilder indirect = CfiBuilder.ehFrame();
    indirect.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x9b));
    indexFails(indirect, 0x10, "unusable FDE pointer encoding 0x9b");
    CfiBuilder textrel = CfiBuilder.ehFrame();
    int cie = textrel.cie(1, "zR", 1, -8, 16, x -> x.uleb(1).u8(0x23).u8(0x0c, 7, 8));
    textrel.fde(cie, x -> x.u32(0x10).u32(0x10).uleb(0));
    indexFails(textrel, 0x1c, "relative to the text base, which is not known");
  }

  @Test
  void wrappingAddressRange() {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.fde(b.amd64Cie(3), -0x10, 0x20);
    indexFails(b, 0x12, "wraps around");
  }

  @Test
  void failureIsRemembered() {
    CfiBuilder b = CfiBuilder.debugFrame();
    b.out.u32(0xffff_fff0L);
    CallFrameInfo cfi = b.cfi();
    BinaryFormatException first = assertThrows(BinaryFormatException.class, cfi::fdeCount);
    assertSame(first, assertThrows(BinaryFormatException.class, () -> cfi.rowAt(0, ctx)));
  }

  @Test
  void unknownCfaOpcode() {
    rowFails(0x1000, INS + 1, "DwCfa(0x3f): unknown call frame instruction (FDE at 0x12)",
        0x00, 0x3f);
  }

  @Test
  void restoreStateWithoutRemember() {
    rowFails(0x1000, INS, "DW_CFA_restore_state: no state was remembered", 0x0b);
  }

  @Test
  void rememberStateTooDeep() {
    int[] ins = new int[UnwindContext.MAX_REMEMBERED + 1];
    Arrays.fill(ins, 0x0a);
    rowFails(0x1000, INS + UnwindContext.MAX_REMEMBERED, "nested more than 64 deep", ins);
  }

  @Test
  void tooManyRegisterRules() {
    ByteBuilder ins = new ByteBuilder();
    int failing = 0;
    for (int r = 0; r <= UnwindRow.MAX_RULES; r++) {
      if (r == UnwindRow.MAX_RULES - 1) {
        failing = ins.position(); // the CIE's rule for r16 is the 512th
      }
      ins.u8(0x08).uleb(r + 100); // same_value r
    }
    int[] bytes = new int[ins.position()];
    byte[] raw = ins.toArray();
    for (int i = 0; i < raw.length; i++) {
      bytes[i] = raw[i] & 0xff;
    }
    rowFails(0x1000, INS + failing, "more than 512 registers have rules", bytes);
  }

  @Test
  void operandsRunPastTheEntry() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.amd64Cie(3);
    b.fde(cie, 0x1000, 0x100, 0x0c, 7); // def_cfa r7, offset missing: it reads the next byte
    b.fde(cie, 0x2000, 0x100);
    CallFrameInfo cfi = b.cfi();
    fails(".debug_frame", INS, "operands run past the end of the entry",
        () -> cfi.rowAt(0x1000, ctx));
  }

  @Test
  void truncatedOperandAtTheSectionEnd() {
    rowFails(0x1000, INS, "DW_CFA_advance_loc4: bad operand (FDE at 0x12): truncated: need 4 bytes,"
        + " 1 left", 0x04, 0x01);
  }

  @Test
  void instructionsNotAllowedInACie() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.cie(3, "", 1, -8, 16, x -> x.u8(0x0c, 7, 8, 0x41));
    b.fde(cie, 0x1000, 0x100);
    fails(".debug_frame", 0x10, "DW_CFA_advance_loc: not allowed in a CIE (CIE at 0x0)",
        () -> b.cfi().rowAt(0x1000, ctx));
    CfiBuilder r = CfiBuilder.debugFrame();
    int cie2 = r.cie(3, "", 1, -8, 16, x -> x.u8(0x0c, 7, 8, 0xc6));
    r.fde(cie2, 0x1000, 0x100);
    fails(".debug_frame", 0x10, "DW_CFA_restore: not allowed in a CIE",
        () -> r.cfi().rowAt(0x1000, ctx));
  }

  @Test
  void cfaOffsetNeedsARegisterRule() {
    rowFails(0x1000, INS + 3, "DW_CFA_def_cfa_offset: needs a register-and-offset CFA rule",
        0x0f, 1, 0x9c, 0x0e, 8);
  }

  @Test
  void noCfaRule() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.cie(3, "", 1, -8, 16, x -> { });
    b.fde(cie, 0x1000, 0x100);
    fails(".debug_frame", 0xd, "no CFA rule for pc 0x1000 (FDE at 0xd)",
        () -> b.cfi().rowAt(0x1000, ctx));
  }

  @Test
  void setLocBackwards() {
    rowFails(0x1050, INS + 10, "DW_CFA_set_loc: moves the location backwards to 0x1010",
        0x41, 0x01, 0x20, 0x10, 0, 0, 0, 0, 0, 0, 0x01, 0x10, 0x10, 0, 0, 0, 0, 0, 0);
  }

  /** Random bit flips in a real section: each lookup succeeds or fails cleanly. */
  @Test
  void bitFlipsInARealSection() {
    ByteBuffer section = ElfFrames.debugFrame(GoBuild.fixture("hello").build()).data();
    byte[] original = new byte[section.remaining()];
    section.get(0, original);
    byte[] head = Arrays.copyOf(original, entriesWithin(ByteBuffer.wrap(original), 4096));
    Random random = new Random(42);
    int failures = 0;
    for (int round = 0; round < 2000; round++) {
      byte[] bytes = head.clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        CallFrameInfo cfi = CallFrameInfo.of(FrameSection.debugFrame(ByteBuffer.wrap(bytes)));
        for (Fde f : cfi.fdes()) {
          cfi.rowAt(f.initialLocation() + random.nextInt(16), ctx);
        }
      } catch (BinaryFormatException e) {
        failures++;
      }
    }
    assertTrue(failures > 0 && failures < 2000, "failures " + failures);
  }

  /** The size of the whole entries (32-bit DWARF) that fit in the first {@code max} bytes. */
  private static int entriesWithin(ByteBuffer section, int max) {
    int end = 0;
    while (true) {
      int next = end + 4 + section.order(ByteOrder.LITTLE_ENDIAN).getInt(end);
      if (next > max) {
        return end;
      }
      end = next;
    }
  }
}
