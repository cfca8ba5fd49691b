package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwLang;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.constants.DwUt;
import org.junit.jupiter.api.Test;

/** Unit headers of every version, format and DWARF 5 unit type, and their failures. */
class UnitHeaderTest {
  /** Abbreviation 1: a childless unit root of {@code tag} without attributes. */
  private static void rootAbbrev(DwarfBuilder b, DwTag tag) {
    b.abbrev().uleb(1).uleb(tag.code()).u8(0).uleb(0).uleb(0).uleb(0);
  }

  private static UnitHeader onlyHeader(DwarfBuilder b) {
    Dwarf dwarf = b.load();
    assertEquals(List.of(), dwarf.unitErrors());
    return dwarf.units().get(0).header();
  }

  @Test
  void dwarf5CompileUnitIn32And64BitFormats() {
    for (DwarfFormat f : DwarfFormat.values()) {
      DwarfBuilder b = new DwarfBuilder();
      rootAbbrev(b, DwTag.DW_TAG_compile_unit);
      SectionBuilder.Length l = b.unitHeader(f, 5, DwUt.DW_UT_compile, 8, 0);
      b.info().uleb(1).endLength(l);
      int headerSize = f == DwarfFormat.DWARF32 ? 12 : 24;
      assertEquals(new UnitHeader(0, headerSize + 1 - f.initialLengthSize(), f, 5, DwUt.DW_UT_compile, 8, 0,
          headerSize, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()), onlyHeader(b));
    }
  }

  @Test
  void dwarf2To4HeadersPutTheAddressSizeLast() {
    for (int version = 2; version <= 4; version++) {
      DwarfBuilder b = new DwarfBuilder();
      b.abbrev().zeros(5);
      rootAbbrev(b, DwTag.DW_TAG_compile_unit);
      SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF64, version, DwUt.DW_UT_compile, 4, 5);
      b.info().uleb(1).endLength(l);
      UnitHeader h = onlyHeader(b);
      assertEquals(version, h.version());
      assertEquals(4, h.addressSize());
      assertEquals(5, h.abbrevOffset());
      assertEquals(23, h.headerSize());
      assertEquals(24, h.end());
    }
  }

  @Test
  void skeletonAndSplitUnitsCarryTheirExtraFields() {
    DwarfBuilder b = new DwarfBuilder();
    rootAbbrev(b, DwTag.DW_TAG_skeleton_unit);
    SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 5, DwUt.DW_UT_skeleton, 8, 0);
    b.info().u64(0xabcdef).uleb(1).endLength(l);
    l = b.unitHeader(DwarfFormat.DWARF64, 5, DwUt.DW_UT_split_type, 8, 0);
    b.info().u64(0x77).u64(40).uleb(1).endLength(l);
    l = b.unitHeader(DwarfFormat.DWARF32, 5, DwUt.DW_UT_partial, 8, 0);
    b.info().uleb(1).endLength(l);
    List<Unit> units = b.load().units();
    UnitHeader skeleton = units.get(0).header();
    assertEquals(OptionalLong.of(0xabcdef), skeleton.dwoId());
    assertEquals(20, skeleton.headerSize());
    assertEquals(DwTag.DW_TAG_skeleton_unit, units.get(0).rootTag());
    UnitHeader splitType = units.get(1).header();
    assertEquals(new UnitHeader(21, 29, DwarfFormat.DWARF64, 5, DwUt.DW_UT_split_type, 8, 0, 40,
        OptionalLong.of(0x77), OptionalLong.of(40), OptionalLong.empty()), splitType);
    assertEquals(DwUt.DW_UT_partial, units.get(2).unitType());
  }

  @Test
  void unitsSharingAnAbbrevOffsetShareOneParsedTable() {
    DwarfBuilder b = new DwarfBuilder();
    rootAbbrev(b, DwTag.DW_TAG_compile_unit);
    for (int i = 0; i < 3; i++) {
      SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
      b.info().uleb(1).endLength(l);
    }
    List<Unit> units = b.load().units();
    assertEquals(3, units.size());
    assertSame(units.get(0).abbreviations(), units.get(2).abbreviations());
    assertEquals(List.of(0, 1, 2), units.stream().map(Unit::ordinal).toList());
    assertEquals("Unit(0xc v4 DWARF32 DW_TAG_compile_unit)", units.get(1).toString());
  }

  @Test
  void rootDieGivesLanguageStmtListAndName() {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev().uleb(1).uleb(DwTag.DW_TAG_compile_unit.code()).u8(0)
        .uleb(0x03).uleb(0x08) // DW_AT_name, DW_FORM_string
        .uleb(0x13).uleb(0x0b) // DW_AT_language, DW_FORM_data1
        .uleb(0x10).uleb(0x17) // DW_AT_stmt_list, DW_FORM_sec_offset
        .uleb(0).uleb(0).uleb(0);
    SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 5, DwUt.DW_UT_compile, 8, 0);
    b.info().uleb(1).cstring("main").u8(0x16).u32(0x6bed).endLength(l);
    Unit u = b.load().units().get(0);
    assertEquals(java.util.Optional.of("main"), u.name());
    assertEquals(java.util.Optional.of(DwLang.DW_LANG_Go), u.language());
    assertEquals(OptionalLong.of(0x6bed), u.stmtList());
    assertEquals(0, u.baseAddress());
  }

  @Test
  void anObjectWithoutDebugInfoHasNoUnitsAndAnEmptyIndex() {
    Dwarf dwarf = Dwarf.load(id -> java.util.Optional.empty(), "");
    assertEquals(List.of(), dwarf.units());
    assertEquals(List.of(), dwarf.unitErrors());
    assertEquals(0, dwarf.index().functionCount());
    assertTrue(dwarf.index().unitForPc(0x1000).isEmpty());
    assertTrue(dwarf.section(SectionId.DEBUG_INFO).isEmpty());
    BinaryFormatException e = org.junit.jupiter.api.Assertions.assertThrows(BinaryFormatException.class,
        () -> dwarf.cursorAt(0));
    assertEquals("DIE offset 0x0 is in no readable unit in .debug_info at 0x0", e.getMessage());
  }

  @Test
  void sectionsAreLoadedOnceAndHandedOutReadOnly() {
    int[] loads = new int[1];
    Dwarf dwarf = Dwarf.load(id -> {
      loads[0]++;
      return java.util.Optional.of(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
    }, "x");
    assertTrue(dwarf.section(SectionId.DEBUG_STR).orElseThrow().isReadOnly());
    assertEquals(3, dwarf.section(SectionId.DEBUG_STR).orElseThrow().remaining());
    assertEquals(1, loads[0]);
  }

  private static BinaryFormatException onlyError(DwarfBuilder b) {
    Dwarf dwarf = b.load();
    assertEquals(List.of(), dwarf.units());
    assertEquals(1, dwarf.unitErrors().size());
    return dwarf.unitErrors().get(0);
  }

  @Test
  void malformedHeadersAreReportedWithTheirOffset() {
    DwarfBuilder truncated = new DwarfBuilder();
    truncated.info().u32(20).u16(5);
    assertEquals("truncated unit header in test .debug_info at 0x0", onlyError(truncated).getMessage());

    DwarfBuilder reserved = new DwarfBuilder();
    reserved.info().u32(0xffff_fff0L).zeros(20);
    assertEquals("reserved initial length 0xfffffff0 in test .debug_info at 0x0", onlyError(reserved).getMessage());

    DwarfBuilder version = new DwarfBuilder();
    version.unitHeader(DwarfFormat.DWARF32, 6, DwUt.DW_UT_compile, 8, 0);
    version.info().zeros(4);
    assertEquals("unsupported DWARF version 6 in test .debug_info at 0x0", onlyError(version).getMessage());

    DwarfBuilder type = new DwarfBuilder();
    type.unitHeader(DwarfFormat.DWARF32, 5, new DwUt(0x80), 8, 0);
    type.info().zeros(4);
    assertEquals("unsupported unit type DwUt(0x80) in test .debug_info at 0x0", onlyError(type).getMessage());

    DwarfBuilder size = new DwarfBuilder();
    size.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 3, 0);
    size.info().zeros(4);
    assertEquals("unsupported address size 3 in test .debug_info at 0x0", onlyError(size).getMessage());

    DwarfBuilder tooLong = new DwarfBuilder();
    tooLong.info().u32(0x100).u16(4).u32(0).u8(8).u8(1);
    assertEquals("unit length 0x100 runs past the end of the section in test .debug_info at 0x0",
        onlyError(tooLong).getMessage());

    DwarfBuilder tooShort = new DwarfBuilder();
    tooShort.info().u32(3).u16(4).u32(0).u8(8);
    assertEquals("unit length 0x3 shorter than its header in test .debug_info at 0x0",
        onlyError(tooShort).getMessage());
  }

  @Test
  void aUnitWithABadRootIsSkippedAndTheNextOneRead() {
    DwarfBuilder b = new DwarfBuilder();
    rootAbbrev(b, DwTag.DW_TAG_compile_unit);
    SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
    b.info().uleb(7).endLength(l); // abbreviation 7 does not exist
    l = b.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 99); // no table at 99
    b.info().uleb(1).endLength(l);
    l = b.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
    b.info().u8(0).endLength(l); // only a null entry
    l = b.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
    b.info().uleb(1).endLength(l);
    Dwarf dwarf = b.load();
    assertEquals(1, dwarf.units().size());
    assertEquals(36, dwarf.units().get(0).offset());
    assertEquals(List.of(
        "abbreviation code 7 not in the table at 0x0 of .debug_abbrev in test .debug_info at 0xb",
        "offset 0x63 outside section of 0x6 bytes in test .debug_abbrev at 0x0",
        "unit has no DIEs in test .debug_info at 0x18"),
        dwarf.unitErrors().stream().map(Throwable::getMessage).toList());
    assertTrue(dwarf.unitContaining(5).isEmpty(), "the broken unit is not readable");
    assertEquals(36, dwarf.unitContaining(40).orElseThrow().offset());
  }

  @Test
  void malformedAbbreviationTablesAreRejected() {
    DwarfBuilder dup = new DwarfBuilder();
    dup.abbrev().uleb(1).uleb(0x11).u8(0).uleb(0).uleb(0).uleb(1).uleb(0x11).u8(0).uleb(0).uleb(0).uleb(0);
    SectionBuilder.Length l = dup.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
    dup.info().uleb(1).endLength(l);
    assertEquals("duplicate abbreviation code 1 in test .debug_abbrev at 0x0", onlyError(dup).getMessage());

    DwarfBuilder children = new DwarfBuilder();
    children.abbrev().uleb(1).uleb(0x11).u8(2).uleb(0).uleb(0).uleb(0);
    l = children.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
    children.info().uleb(1).endLength(l);
    assertEquals("abbreviation 1 has bad children flag 2 in test .debug_abbrev at 0x0",
        onlyError(children).getMessage());

    DwarfBuilder truncated = new DwarfBuilder();
    truncated.abbrev().uleb(1).uleb(0x11).u8(0).uleb(3);
    l = truncated.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
    truncated.info().uleb(1).endLength(l);
    assertEquals("truncated: need 1 bytes, 0 left in test .debug_abbrev at 0x4", onlyError(truncated).getMessage());
  }
}
