package org.dlv4j.dwarf.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** LineIndex over synthetic programs: lookups, ordering, overlaps and malformed programs. */
class LineIndexTest {
  private static LineIndex index(byte[]... units) {
    return LineIndex.build(LineProgram.all(
        LineSections.of(ByteBuffer.wrap(LineTableBuilder.section(units))), 8, "/cu"));
  }

  private static LineLocation at(long address, long end, String file, int line, boolean stmt) {
    return new LineLocation(address, end, file, line, 0, stmt);
  }

  @Test
  void findAcrossProgramsInAnyOrder() {
    LineIndex index = index(
        new LineTableBuilder().setAddress(0x2000).advanceLine(19).copy().advancePc(8)
            .advanceLine(1).copy().advancePc(8).endSequence().build(),
        new LineTableBuilder().setAddress(0x1000).setFile(0).copy().advancePc(8).endSequence()
            .build());
    assertEquals(Optional.of(at(0x1000, 0x1008, "/src/a.go", 1, true)), index.find(0x1000));
    assertEquals(Optional.of(at(0x1000, 0x1008, "/src/a.go", 1, true)), index.find(0x1007));
    assertEquals(Optional.empty(), index.find(0x1008));
    assertEquals(Optional.empty(), index.find(0xfff));
    assertEquals(Optional.of(at(0x2000, 0x2008, "/src/b.go", 20, true)), index.find(0x2000));
    assertEquals(Optional.of(at(0x2008, 0x2010, "/src/b.go", 21, true)), index.find(0x200f));
    assertEquals(Optional.empty(), index.find(0x2010));
    assertEquals(Optional.empty(), index.find(-1L));
    assertEquals(5, index.rowCount());
    assertEquals(List.of("/src/a.go", "/src/b.go"), index.files());
    assertEquals(List.of(), index.errors());
  }

  @Test
  void lastRowAtAnAddressWins() {
    LineIndex index = index(new LineTableBuilder().setAddress(0x1000).advanceLine(9).copy()
        .advanceLine(1).copy().advancePc(4).advanceLine(1).copy().advancePc(4).endSequence()
        .build());
    assertEquals(11, index.find(0x1000).orElseThrow().line());
    assertEquals(0x1004, index.find(0x1003).orElseThrow().end());
    assertArrayEquals(new long[] {0x1000}, index.pcsForLine("/src/b.go", 10));
  }

  @Test
  void pcsForLineListsStatementRowsOnce() {
    // line 5 at 0x10 (stmt), 0x14 (not stmt), 0x18 (stmt), 0x18 again (stmt); line 6 at 0x1c.
    LineIndex index = index(new LineTableBuilder().setAddress(0x10).advanceLine(4).copy()
        .advancePc(4).op(6).copy().advancePc(4).op(6).copy().copy().advancePc(4).advanceLine(1)
        .copy().advancePc(4).endSequence().build(),
        new LineTableBuilder().setAddress(0x100).advanceLine(4).copy().advancePc(2)
            .endSequence().build());
    assertArrayEquals(new long[] {0x10, 0x18, 0x100}, index.pcsForLine("/src/b.go", 5));
    assertArrayEquals(new long[] {0x1c}, index.pcsForLine("/src/b.go", 6));
    assertArrayEquals(new long[0], index.pcsForLine("/src/b.go", 7));
    assertArrayEquals(new long[0], index.pcsForLine("/src/b.go", 4));
    assertArrayEquals(new long[0], index.pcsForLine("b.go", 5));
    assertEquals(false, index.find(0x14).orElseThrow().isStmt());
  }

  @Test
  void prologueEndPrefersTheMarker() {
    LineIndex index = index(
        // function at 0x100..0x120: entry row, prologue_end row at 0x108, body at 0x110.
        new LineTableBuilder().setAddress(0x100).copy().advancePc(4).copy().advancePc(4).op(10)
            .copy().advancePc(8).advanceLine(1).copy().advancePc(16).endSequence()
            // function at 0x200..0x210 without the marker: first statement after entry is 0x208.
            .setAddress(0x200).copy().advancePc(4).op(6).copy().op(6).advancePc(4).copy()
            .advancePc(8).endSequence()
            // function at 0x300..0x304 with one row only.
            .setAddress(0x300).copy().advancePc(4).endSequence().build());
    assertEquals(OptionalLong.of(0x108), index.prologueEnd(0x100, 0x120));
    assertEquals(OptionalLong.of(0x104), index.prologueEnd(0x100, 0x108));
    assertEquals(OptionalLong.of(0x208), index.prologueEnd(0x200, 0x210));
    assertEquals(OptionalLong.empty(), index.prologueEnd(0x300, 0x304));
    assertEquals(OptionalLong.empty(), index.prologueEnd(0x400, 0x500));
    assertEquals(OptionalLong.of(0x100), index.prologueEnd(0, 0x101));
  }

  @Test
  void overlappingAndEmptySequencesAreDropped() {
    LineIndex index = index(
        new LineTableBuilder().setAddress(0).advanceLine(1).copy().advancePc(0x40).endSequence()
            .build(),
        // a discarded function relocated to 0 again, an empty sequence, then a real one
        new LineTableBuilder().setAddress(0).advanceLine(99).copy().advancePc(0x10).endSequence()
            .setAddress(0x40).copy().endSequence()
            .setAddress(0x40).advanceLine(2).copy().advancePc(4).endSequence().build());
    assertEquals(2, index.find(0x8).orElseThrow().line());
    assertEquals(3, index.find(0x40).orElseThrow().line());
    assertArrayEquals(new long[0], index.pcsForLine("/src/b.go", 100));
    assertEquals(4, index.rowCount());
  }

  @Test
  void sequenceGoingBackwardsIsDropped() {
    LineIndex index = index(new LineTableBuilder().setAddress(0x100).copy().setAddress(0x80)
        .copy().advancePc(4).endSequence().setAddress(0x200).copy().advancePc(1).endSequence()
        .build());
    assertEquals(Optional.empty(), index.find(0x100));
    assertTrue(index.find(0x200).isPresent());
  }

  @Test
  void malformedProgramKeepsItsCompleteSequences() {
    byte[] bad = new LineTableBuilder().setAddress(0x100).copy().advancePc(4).endSequence()
        .setAddress(0x200).copy().advanceLine(-5).copy().advancePc(4).endSequence().build();
    byte[] good = new LineTableBuilder().setAddress(0x300).copy().advancePc(4).endSequence()
        .build();
    LineIndex index = index(bad, good);
    assertTrue(index.find(0x100).isPresent());
    assertEquals(Optional.empty(), index.find(0x200));
    assertTrue(index.find(0x300).isPresent());
    assertEquals(1, index.errors().size());
    assertEquals("line 1 advanced by -5 is out of range in .debug_line at 0x56",
        index.errors().get(0).getMessage());
  }

  @Test
  void columnsAndDefinedFiles() {
    LineIndex index = index(new LineTableBuilder().version(4).setAddress(0x10).setColumn(7)
        .copy().defineFile("gen.go", 0, 0, 0).setFile(2).advancePc(2).copy().advancePc(2)
        .endSequence().build());
    assertEquals(new LineLocation(0x10, 0x12, "/cu/a.go", 1, 7, true), index.find(0x10).get());
    assertEquals("/cu/gen.go", index.find(0x12).get().file());
    assertEquals(List.of("/cu/a.go", "/cu/gen.go"), index.files());
  }

  @Test
  void addressesCompareUnsigned() {
    LineIndex index = index(
        new LineTableBuilder().setAddress(0xffff_ffff_ffff_0000L).advanceLine(1).copy()
            .advancePc(0x10).endSequence().build(),
        new LineTableBuilder().setAddress(0x1000).copy().advancePc(0x10).endSequence().build());
    assertEquals(2, index.find(0xffff_ffff_ffff_0008L).orElseThrow().line());
    assertEquals(1, index.find(0x1008).orElseThrow().line());
    assertEquals(Optional.empty(), index.find(0x8000_0000_0000_0000L));
  }

  @Test
  void emptyIndex() {
    LineIndex index = LineIndex.build(List.of());
    assertEquals(0, index.rowCount());
    assertEquals(Optional.empty(), index.find(0));
    assertEquals(List.of(), index.files());
    assertEquals(OptionalLong.empty(), index.prologueEnd(0, 10));
  }
}
