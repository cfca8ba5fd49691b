package org.dlv4j.dwarf.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dlv4j.dwarf.expr.Expression;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact tests of every call frame instruction (DWARF 5 §6.4.2): a {@code .debug_frame}
 * with the amd64 CIE (cf=1, df=-8, ra=16, CFA=rsp+8, rip at cfa-8) and one FDE for
 * [0x1000, 0x1100) holding the instructions under test.
 */
class CfaInstructionsTest {
  private static final long START = 0x1000;
  private final UnwindContext ctx = new UnwindContext();

  /** Returns the row at {@code pc} of an FDE with these instructions. */
  private UnwindRow row(long pc, int... instructions) {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.amd64Cie(3);
    b.fde(cie, START, 0x100, instructions);
    assertTrue(b.cfi().rowAt(pc, ctx), "no row at 0x" + Long.toHexString(pc));
    return ctx.row();
  }

  private static CfaRule cfa(int register, long offset) {
    return new CfaRule.RegisterOffset(register, offset);
  }

  private static RegisterRule offset(long n) {
    return new RegisterRule.Offset(n);
  }

  @Test
  void initialRowComesFromTheCie() {
    UnwindRow r = row(START);
    assertEquals(cfa(7, 8), r.cfa());
    assertEquals(offset(-8), r.rule(16));
    assertEquals(16, r.returnAddressRegister());
    assertEquals(START, r.startAddress());
    assertEquals(START + 0x100, r.endAddress());
    assertFalse(r.hasRule(6));
    assertEquals(new RegisterRule.Undefined(), r.rule(6));
    assertEquals(Map.of(16, offset(-8)), r.rules());
  }

  @Test
  void advanceLocInOpcodeByte() {
    int[] ins = {0x44, 0x0e, 16}; // advance_loc 4; def_cfa_offset 16
    UnwindRow before = row(START + 3, ins);
    assertEquals(cfa(7, 8), before.cfa());
    assertEquals(START + 4, before.endAddress());
    UnwindRow after = row(START + 4, ins);
    assertEquals(cfa(7, 16), after.cfa());
    assertEquals(START + 4, after.startAddress());
    assertEquals(START + 0x100, after.endAddress());
  }

  @Test
  void advanceLoc1To8() {
    assertEquals(START + 0x80, row(START + 0x80, 0x02, 0x80, 0x0e, 16).startAddress());
    assertEquals(cfa(7, 8), row(START + 0x7f, 0x02, 0x80, 0x0e, 16).cfa());
    assertEquals(START + 0x90, row(START + 0x95, 0x03, 0x90, 0x00, 0x0e, 16).startAddress());
    assertEquals(START + 0xa0, row(START + 0xa0, 0x04, 0xa0, 0, 0, 0, 0x0e, 16).startAddress());
    UnwindRow mips = row(START + 0xb0, 0x1d, 0xb0, 0, 0, 0, 0, 0, 0, 0, 0x0e, 16);
    assertEquals(START + 0xb0, mips.startAddress());
    assertEquals(cfa(7, 16), mips.cfa());
  }

  @Test
  void setLocMovesToAnAbsoluteAddress() {
    int[] ins = {0x01, 0x40, 0x10, 0, 0, 0, 0, 0, 0, 0x0e, 32}; // set_loc 0x1040
    assertEquals(cfa(7, 8), row(START + 0x3f, ins).cfa());
    assertEquals(cfa(7, 32), row(START + 0x40, ins).cfa());
  }

  @Test
  void codeAlignmentFactorScalesAdvances() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie = b.cie(3, "", 4, -4, 30, x -> x.u8(0x0c, 31, 0));
    b.fde(cie, START, 0x100, 0x42, 0x0e, 16); // advance_loc 2*4
    CallFrameInfo cfi = b.cfi();
    assertTrue(cfi.rowAt(START + 7, ctx));
    assertEquals(cfa(31, 0), ctx.row().cfa());
    assertTrue(cfi.rowAt(START + 8, ctx));
    assertEquals(cfa(31, 16), ctx.row().cfa());
    assertEquals(30, ctx.row().returnAddressRegister());
  }

  @Test
  void offsetRulesAreFactored() {
    UnwindRow r = row(START,
        0x86, 2, // offset r6 2 -> -16
        0x05, 17, 3, // offset_extended r17 3 -> -24
        0x11, 3, 0x7e, // offset_extended_sf r3 -2 -> +16
        0x2f, 12, 2, // GNU_negative_offset_extended r12 2 -> +16
        0x14, 13, 1, // val_offset r13 1 -> -8
        0x15, 14, 0x7f); // val_offset_sf r14 -1 -> +8
    assertEquals(offset(-16), r.rule(6));
    assertEquals(offset(-24), r.rule(17));
    assertEquals(offset(16), r.rule(3));
    assertEquals(offset(16), r.rule(12));
    assertEquals(new RegisterRule.ValOffset(-8), r.rule(13));
    assertEquals(new RegisterRule.ValOffset(8), r.rule(14));
  }

  @Test
  void undefinedSameValueAndRegister() {
    UnwindRow r = row(START, 0x07, 16, 0x08, 3, 0x09, 12, 0);
    assertEquals(new RegisterRule.Undefined(), r.rule(16));
    assertTrue(r.hasRule(16));
    assertEquals(new RegisterRule.SameValue(), r.rule(3));
    assertEquals(new RegisterRule.Register(0), r.rule(12));
  }

  @Test
  void restoreGoesBackToTheCieRule() {
    int[] ins = {0x86, 2, 0x05, 16, 5, 0x41, 0xc6, 0x06, 16};
    UnwindRow before = row(START, ins);
    assertEquals(offset(-16), before.rule(6));
    assertEquals(offset(-40), before.rule(16));
    UnwindRow after = row(START + 1, ins);
    assertFalse(after.hasRule(6)); // r6 had no rule in the CIE
    assertEquals(offset(-8), after.rule(16));
  }

  @Test
  void expressionRules() {
    UnwindRow r = row(START,
        0x10, 6, 2, 0x77, 0x08, // expression r6 {breg7 +8}
        0x16, 3, 1, 0x9c, // val_expression r3 {call_frame_cfa}
        0x0f, 3, 0x77, 0x10, 0x06); // def_cfa_expression {breg7 +16; deref}
    assertEquals(new RegisterRule.Expression(Expression.of((byte) 0x77, (byte) 0x08)), r.rule(6));
    assertEquals(new RegisterRule.ValExpression(Expression.of((byte) 0x9c)), r.rule(3));
    assertEquals(new CfaRule.Expression(Expression.of((byte) 0x77, (byte) 0x10, (byte) 0x06)),
        r.cfa());
  }

  @Test
  void cfaDefinitions() {
    assertEquals(cfa(6, 16), row(START, 0x0c, 6, 16).cfa()); // def_cfa
    assertEquals(cfa(6, 16), row(START, 0x12, 6, 0x7e).cfa()); // def_cfa_sf -2*-8
    assertEquals(cfa(6, 8), row(START, 0x0d, 6).cfa()); // def_cfa_register
    assertEquals(cfa(7, 24), row(START, 0x0e, 24).cfa()); // def_cfa_offset
    assertEquals(cfa(7, 24), row(START, 0x13, 0x7d).cfa()); // def_cfa_offset_sf -3*-8
    assertEquals(cfa(6, 32), row(START, 0x0f, 1, 0x9c, 0x0c, 6, 32).cfa()); // expr, then reg
  }

  @Test
  void rememberAndRestoreState() {
    int[] ins = {0x0e, 16, 0x86, 2, 0x0a, 0x41, 0x0e, 8, 0xc6, 0x41, 0x0b};
    UnwindRow inside = row(START + 1, ins);
    assertEquals(cfa(7, 8), inside.cfa());
    assertFalse(inside.hasRule(6));
    UnwindRow restored = row(START + 2, ins);
    assertEquals(cfa(7, 16), restored.cfa());
    assertEquals(offset(-16), restored.rule(6));
    assertEquals(START + 2, restored.startAddress());
  }

  @Test
  void gnuArgsSizeWindowSaveAndNop() {
    UnwindRow r = row(START, 0x00, 0x2e, 0x20, 0x2d, 0x00);
    assertEquals(0x20, r.argsSize());
    assertTrue(r.returnAddressSigned());
    assertFalse(row(START, 0x2d, 0x2d).returnAddressSigned());
  }

  @Test
  void contextIsReusedAcrossLookupsAndCies() {
    CfiBuilder b = CfiBuilder.debugFrame();
    int cie1 = b.amd64Cie(3);
    int cie2 = b.cie(1, "", 1, -4, 30, x -> x.u8(0x0c, 31, 0, 0x07, 30));
    b.fde(cie1, 0x1000, 0x10, 0x41, 0x0e, 16);
    b.fde(cie2, 0x2000, 0x10, 0x41, 0x9e, 2);
    CallFrameInfo cfi = b.cfi();
    for (int i = 0; i < 3; i++) {
      assertTrue(cfi.rowAt(0x1001, ctx));
      assertEquals(cfa(7, 16), ctx.row().cfa());
      assertTrue(cfi.rowAt(0x2001, ctx));
      assertEquals(cfa(31, 0), ctx.row().cfa());
      assertEquals(offset(-8), ctx.row().rule(30));
      assertTrue(cfi.rowAt(0x2000, ctx));
      assertEquals(new RegisterRule.Undefined(), ctx.row().rule(30));
    }
    assertFalse(cfi.rowAt(0x1010, ctx));
    assertFalse(cfi.rowAt(0xfff, ctx));
  }
}
