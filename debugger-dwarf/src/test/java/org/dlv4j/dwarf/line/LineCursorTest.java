package org.dlv4j.dwarf.line;

import static org.dlv4j.dwarf.line.LineHeaderTest.read;
import static org.dlv4j.dwarf.line.LineHeaderTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte-exact tests of every line-program opcode and of special-opcode arithmetic. */
class LineCursorTest {
  private static List<LineRow> run(LineTableBuilder b) {
    return rows(read(b.build(), "/cu"));
  }

  @Test
  void copyAppendsRowAndClearsPerRowRegisters() {
    List<LineRow> rows = run(new LineTableBuilder().setAddress(0x100).setDiscriminator(7)
        .op(7, 10, 11).copy().copy().endSequence());
    assertEquals(new LineRow(0x100, 0, 1, 1, 0, true, true, false, true, true, 0, 7), rows.get(0));
    assertEquals(new LineRow(0x100, 0, 1, 1, 0, true, false, false, false, false, 0, 0),
        rows.get(1));
    assertTrue(rows.get(2).endSequence());
  }

  @Test
  void advancePcMultipliesByMinimumInstructionLength() {
    List<LineRow> rows = run(new LineTableBuilder().minInst(4).setAddress(0x1000).advancePc(3)
        .copy().advancePc(0x81).copy().endSequence());
    assertEquals(0x100c, rows.get(0).address());
    assertEquals(0x100c + 4 * 0x81, rows.get(1).address());
  }

  @Test
  void advanceLineBothWays() {
    List<LineRow> rows = run(new LineTableBuilder().setAddress(0).advanceLine(999).copy()
        .advanceLine(-500).copy().advanceLine(-499).copy().advancePc(1).endSequence());
    assertEquals(List.of(1000, 500, 1, 1), rows.stream().map(LineRow::line).toList());
  }

  @Test
  void setFileColumnIsaAndNegateStmt() {
    List<LineRow> rows = run(new LineTableBuilder().setAddress(0).setFile(0).setColumn(300)
        .setIsa(5).op(6).copy().op(6).copy().advancePc(1).endSequence());
    assertEquals(new LineRow(0, 0, 0, 1, 300, false, false, false, false, false, 5, 0),
        rows.get(0));
    assertTrue(rows.get(1).isStmt());
    assertEquals(300, rows.get(1).column());
  }

  @Test
  void constAddPcAddsTheAdvanceOfSpecialOpcode255() {
    // (255 - 13) / 14 = 17 instructions of 4 bytes.
    List<LineRow> rows = run(new LineTableBuilder().minInst(4).setAddress(0x1000).op(8).copy()
        .endSequence());
    assertEquals(0x1000 + 68, rows.get(0).address());
    assertEquals(1, rows.get(0).line());
  }

  @Test
  void fixedAdvancePcIsInBytesAndResetsOpIndex() {
    List<LineRow> rows = run(new LineTableBuilder().minInst(4).maxOps(2).version(4)
        .setAddress(0x1000).advancePc(1).copy().fixedAdvancePc(0xfffe).copy().endSequence());
    assertEquals(new LineRow(0x1000, 1, 1, 1, 0, true, false, false, false, false, 0, 0),
        rows.get(0));
    assertEquals(0x1000 + 0xfffe, rows.get(1).address());
    assertEquals(0, rows.get(1).opIndex());
  }

  @Test
  void endSequenceResetsEveryRegister() {
    List<LineRow> rows = run(new LineTableBuilder().defaultIsStmt(false).setAddress(0x50)
        .setFile(0).setColumn(3).advanceLine(9).op(6).setIsa(2).copy().advancePc(1).endSequence()
        .setAddress(0x60).copy().advancePc(1).endSequence());
    assertEquals(new LineRow(0x51, 0, 0, 10, 3, true, false, true, false, false, 2, 0),
        rows.get(1));
    assertEquals(new LineRow(0x60, 0, 1, 1, 0, false, false, false, false, false, 0, 0),
        rows.get(2));
  }

  @Test
  void defineFileAddsAFileForThisCursor() {
    LineProgram p = read(new LineTableBuilder().version(4).dir("inc").setAddress(0)
        .defineFile("gen.c", 1, 3, 4).setFile(2).copy().advancePc(1).endSequence().build(), "/cu");
    assertEquals(1, p.files().size());
    LineCursor c = p.cursor();
    LineRow.Mutable row = new LineRow.Mutable();
    assertTrue(c.next(row));
    assertEquals(2, row.file());
    assertEquals(new FileEntry("gen.c", 1, "/cu/inc/gen.c", 3, 4, java.util.Optional.empty()),
        c.file(2).orElseThrow());
    assertTrue(c.file(3).isEmpty());
  }

  @Test
  void defineFileIsSkippedInVersion5() {
    List<LineRow> rows = run(new LineTableBuilder().setAddress(0).defineFile("x", 0, 0, 0)
        .copy().advancePc(1).endSequence());
    assertEquals(2, rows.size());
  }

  @Test
  void unknownAndEmptyExtendedOpcodesAreSkipped() {
    List<LineRow> rows = run(new LineTableBuilder().setAddress(0x10)
        .extended(0x80, new byte[] {1, 2, 3}).op(0, 0).copy().advancePc(1).endSequence());
    assertEquals(List.of(0x10L, 0x11L), rows.stream().map(LineRow::address).toList());
  }

  @Test
  void extendedOpcodeLengthCoversPadding() {
    List<LineRow> rows = run(new LineTableBuilder().setAddress(0)
        .extended(4, new byte[] {5, 0, 0}).copy().advancePc(1).endSequence());
    assertEquals(5, rows.get(0).discriminator());
    assertEquals(2, rows.size());
  }

  @Test
  void discriminatorAppliesToTheNextRowOnly() {
    List<LineRow> rows = run(new LineTableBuilder().setAddress(0).setDiscriminator(0x1234).copy()
        .copy().advancePc(1).endSequence());
    assertEquals(0x1234, rows.get(0).discriminator());
    assertEquals(0, rows.get(1).discriminator());
  }

  @ParameterizedTest(name = "opcode {0} with line_base {1}, line_range {2}, min_inst {3}")
  @CsvSource({
      // opcode, line_base, line_range, min_inst, address advance, line advance
      "13, -5, 14, 1, 0, -5",
      "26, -5, 14, 1, 0, 8",
      "27, -5, 14, 1, 1, -5",
      "255, -5, 14, 1, 17, -1",
      "255, -5, 14, 4, 68, -1",
      "100, -5, 14, 4, 24, -2",
      "13, -128, 255, 1, 0, -128",
      "255, -128, 255, 1, 0, 114",
      "255, 127, 1, 2, 484, 127",
      "14, 0, 1, 1, 1, 0",
      "13, 0, 255, 1, 0, 0",
  })
  void specialOpcodeArithmetic(int opcode, int lineBase, int lineRange, int minInst,
      long addressAdvance, int lineAdvance) {
    List<LineRow> rows = run(new LineTableBuilder().lineBase(lineBase).lineRange(lineRange)
        .minInst(minInst).setAddress(0x1000).advanceLine(1000).op(opcode).advancePc(1)
        .endSequence());
    assertEquals(0x1000 + addressAdvance, rows.get(0).address());
    assertEquals(1001 + lineAdvance, rows.get(0).line());
  }

  @Test
  void opcodeBaseOneMakesEveryNonZeroOpcodeSpecial() {
    // line_base 0, line_range 10: opcode 1 adds nothing, 2 adds a line, 11 an address.
    List<LineRow> rows = run(new LineTableBuilder().opcodeBase(1).lineBase(0).lineRange(10)
        .setAddress(0).op(1, 2, 11).endSequence());
    assertEquals(List.of(0L, 0L, 1L, 1L), rows.stream().map(LineRow::address).toList());
    assertEquals(List.of(1, 2, 2, 2), rows.stream().map(LineRow::line).toList());
  }

  @Test
  void opcodeBaseTenInVersion2MakesOpcodeTenSpecial() {
    // opcode 10 is special opcode 0: line += line_base (-5), address += 0.
    List<LineRow> rows = run(new LineTableBuilder().version(2)
        .opcodeBase(10, 0, 1, 1, 1, 1, 0, 0, 0, 1).setAddress(0).advanceLine(10).op(10)
        .advancePc(1).endSequence());
    assertEquals(6, rows.get(0).line());
    assertFalse(rows.get(0).prologueEnd());
  }

  @Test
  void goVersion2TablesUsePrologueEndWithOpcodeBase11() {
    List<LineRow> rows = run(new LineTableBuilder().version(2)
        .opcodeBase(11, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0).setAddress(0).op(10).copy().advancePc(1)
        .endSequence());
    assertTrue(rows.get(0).prologueEnd());
  }

  @Test
  void unknownStandardOpcodesAreSkippedByTheirDeclaredLength() {
    // opcode_base 16: opcodes 13, 14, 15 are unknown with 1, 2 and 0 operands.
    List<LineRow> rows = run(new LineTableBuilder()
        .opcodeBase(16, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 2, 0).setAddress(0)
        .op(13, 0x80, 0x01).op(14, 0x7f, 0xff, 0x7f).op(15).copy().advancePc(1).endSequence());
    assertEquals(List.of(0L, 1L), rows.stream().map(LineRow::address).toList());
    assertEquals(1, rows.get(0).line());
  }

  @Test
  void standardOpcodeWithAnotherOperandCountIsSkipped() {
    // advance_pc declared with 2 operands and negate_stmt with 1: both become unknown.
    List<LineRow> rows = run(new LineTableBuilder()
        .opcodeBase(13, 0, 2, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1).setAddress(0)
        .op(2, 5, 6).op(6, 0x33).copy().op(8).endSequence());
    assertEquals(0, rows.get(0).address());
    assertTrue(rows.get(0).isStmt());
    assertEquals(17, rows.get(1).address());
  }

  @Test
  void vliwOperationIndex() {
    // max_ops 3, min_inst 8: advancing 4 operations from op_index 0 moves one instruction on.
    List<LineRow> rows = run(new LineTableBuilder().version(4).maxOps(3).minInst(8)
        .setAddress(0x100).advancePc(4).copy().op(13 + 14 * 2 + 5).advancePc(2).endSequence());
    assertEquals(0x108, rows.get(0).address());
    assertEquals(1, rows.get(0).opIndex());
    // special opcode 46: operation advance 2, line advance 0; op_index 1 + 2 = 3 -> 0.
    assertEquals(0x110, rows.get(1).address());
    assertEquals(0, rows.get(1).opIndex());
    assertEquals(0x110, rows.get(2).address());
    assertEquals(2, rows.get(2).opIndex());
  }

  @Test
  void emptyProgramHasNoRows() {
    assertEquals(List.of(), run(new LineTableBuilder()));
  }

  @Test
  void mutableRowCopiesAllRegisters() {
    LineRow.Mutable row = new LineRow.Mutable();
    LineCursor c = read(new LineTableBuilder().setAddress(9).setColumn(2).setIsa(3)
        .setDiscriminator(4).op(7, 10, 11).copy().advancePc(1).endSequence().build(), "")
        .cursor();
    assertTrue(c.next(row));
    assertEquals(new LineRow(row.address(), row.opIndex(), row.file(), row.line(), row.column(),
        row.isStmt(), row.basicBlock(), row.endSequence(), row.prologueEnd(),
        row.epilogueBegin(), row.isa(), row.discriminator()), row.toRow());
    assertEquals(new LineRow(9, 0, 1, 1, 2, true, true, false, true, true, 3, 4), row.toRow());
  }
}
