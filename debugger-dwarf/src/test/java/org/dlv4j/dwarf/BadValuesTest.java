package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwForm;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.constants.DwUt;
import org.junit.jupiter.api.Test;

/** Attribute values that point outside their tables or sections, and malformed encodings. */
class BadValuesTest {
  /**
   * Reads a DWARF 5 unit whose root has one attribute DW_AT_name of {@code form}; the root is
   * at 0xc and the value at 0xd.
   */
  private static Die root(DwarfBuilder b, DwForm form, Consumer<SectionBuilder> value) {
    b.abbrev().uleb(1).uleb(DwTag.DW_TAG_compile_unit.code()).u8(0)
        .uleb(DwAt.DW_AT_name.code()).uleb(form.code()).uleb(0).uleb(0).uleb(0);
    SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 5, DwUt.DW_UT_compile, 8, 0);
    b.info().uleb(1);
    value.accept(b.info());
    b.info().endLength(l);
    Dwarf dwarf = b.load();
    if (!dwarf.unitErrors().isEmpty()) {
      throw dwarf.unitErrors().get(0);
    }
    DieCursor c = dwarf.units().get(0).cursor();
    c.nextDfs();
    return c.die();
  }

  private static String nameError(DwarfBuilder b, DwForm form, Consumer<SectionBuilder> value) {
    return assertThrows(BinaryFormatException.class,
        () -> root(b, form, value).attrString(DwAt.DW_AT_name)).getMessage();
  }

  @Test
  void stringReferencesOutsideTheirSectionsAreReported() {
    DwarfBuilder strp = new DwarfBuilder();
    strp.section(SectionId.DEBUG_STR).cstring("x");
    assertEquals("string offset 0x9 outside .debug_str in test .debug_info at 0xd",
        nameError(strp, DwForm.DW_FORM_strp, v -> v.u32(9)));
    assertEquals("reference into missing section .debug_line_str in test .debug_info at 0xd",
        nameError(new DwarfBuilder(), DwForm.DW_FORM_line_strp, v -> v.u32(0)));
    DwarfBuilder strx = new DwarfBuilder();
    strx.section(SectionId.DEBUG_STR_OFFSETS).u32(8).u16(5).u16(0).u32(0);
    assertEquals("string offset index 1 beyond the table of unit 0x0 in test .debug_str_offsets at 0x8",
        nameError(strx, DwForm.DW_FORM_strx1, v -> v.u8(1)));
    DwarfBuilder unterminated = new DwarfBuilder();
    unterminated.section(SectionId.DEBUG_STR).bytes('a', 'b');
    assertEquals("unterminated string in test .debug_str at 0x0",
        nameError(unterminated, DwForm.DW_FORM_strp, v -> v.u32(0)));
  }

  @Test
  void addressIndexesBeyondTheTableAreReported() {
    DwarfBuilder b = new DwarfBuilder();
    b.section(SectionId.DEBUG_ADDR).u32(12).u16(5).u8(8).u8(0).u64(0x1000);
    Die d = root(b, DwForm.DW_FORM_addrx, v -> v.uleb(1));
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> d.attrAddress(DwAt.DW_AT_name));
    assertEquals("address index 1 beyond the table of unit 0x0 in test .debug_addr at 0x8", e.getMessage());
  }

  @Test
  void anUnresolvableBaseAddressLeavesTheUnitReadable() {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev().uleb(1).uleb(DwTag.DW_TAG_compile_unit.code()).u8(0)
        .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code())
        .uleb(DwAt.DW_AT_low_pc.code()).uleb(DwForm.DW_FORM_addrx.code()).uleb(0).uleb(0).uleb(0);
    SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 5, DwUt.DW_UT_split_compile, 8, 0);
    b.info().u64(0x1234).uleb(1).cstring("split.c").uleb(0).endLength(l);
    Unit unit = b.load().units().get(0);
    assertEquals(java.util.Optional.of("split.c"), unit.name());
    BinaryFormatException e = assertThrows(BinaryFormatException.class, unit::baseAddress);
    assertEquals("reference into missing section .debug_addr in test .debug_info at 0x0", e.getMessage());
  }

  @Test
  void malformedEncodingsAreRejectedWithTheirOffset() {
    assertEquals("DW_FORM_indirect names DW_FORM_indirect in test .debug_info at 0xd",
        assertThrows(BinaryFormatException.class,
            () -> root(new DwarfBuilder(), DwForm.DW_FORM_indirect, v -> v.uleb(0x16).u8(0))).getMessage());
    assertEquals("DW_FORM_indirect names DW_FORM_implicit_const in test .debug_info at 0xd",
        assertThrows(BinaryFormatException.class,
            () -> root(new DwarfBuilder(), DwForm.DW_FORM_indirect, v -> v.uleb(0x21))).getMessage());
    assertEquals("block of 0xffffffffffff bytes runs past the end of the unit in test .debug_info at 0xd",
        assertThrows(BinaryFormatException.class,
            () -> root(new DwarfBuilder(), DwForm.DW_FORM_block, v -> v.uleb(0xffff_ffff_ffffL))).getMessage());
    assertEquals("unknown form DwForm(0x2d) in test .debug_info at 0xd",
        assertThrows(BinaryFormatException.class,
            () -> root(new DwarfBuilder(), new DwForm(0x2d), v -> v.u8(0))).getMessage());
    assertEquals("truncated: need 8 bytes, 2 left in test .debug_info at 0xd",
        assertThrows(BinaryFormatException.class,
            () -> root(new DwarfBuilder(), DwForm.DW_FORM_data8, v -> v.u16(0))).getMessage());
    assertEquals("unterminated string in test .debug_info at 0xd",
        assertThrows(BinaryFormatException.class,
            () -> root(new DwarfBuilder(), DwForm.DW_FORM_string, v -> v.bytes('a'))).getMessage());
  }
}
