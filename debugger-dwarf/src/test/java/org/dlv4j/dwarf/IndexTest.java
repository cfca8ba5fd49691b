package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwForm;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.constants.DwUt;
import org.dlv4j.dwarf.loc.AddressRange;
import org.junit.jupiter.api.Test;

/** The name index over hand-built units, including broken ones. */
class IndexTest {
  private static final int CU = 1;
  private static final int FUNC = 2;
  private static final int ABSTRACT = 3;
  private static final int CONCRETE = 4;
  private static final int VAR = 5;
  private static final int TYPE = 6;
  private static final int DECL = 7;
  private static final int BAD_FORM = 8;

  /** Abbreviations shaped like Go's (DWARF 4 forms), plus a DIE with an unknown form. */
  private static void abbreviations(DwarfBuilder b) {
    SectionBuilder a = b.abbrev();
    a.uleb(CU).uleb(DwTag.DW_TAG_compile_unit.code()).u8(1)
        .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code())
        .uleb(DwAt.DW_AT_low_pc.code()).uleb(DwForm.DW_FORM_addr.code())
        .uleb(DwAt.DW_AT_high_pc.code()).uleb(DwForm.DW_FORM_addr.code()).uleb(0).uleb(0);
    a.uleb(FUNC).uleb(DwTag.DW_TAG_subprogram.code()).u8(0)
        .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code())
        .uleb(DwAt.DW_AT_low_pc.code()).uleb(DwForm.DW_FORM_addr.code())
        .uleb(DwAt.DW_AT_high_pc.code()).uleb(DwForm.DW_FORM_data4.code()).uleb(0).uleb(0);
    a.uleb(ABSTRACT).uleb(DwTag.DW_TAG_subprogram.code()).u8(0)
        .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code())
        .uleb(DwAt.DW_AT_inline.code()).uleb(DwForm.DW_FORM_data1.code()).uleb(0).uleb(0);
    a.uleb(CONCRETE).uleb(DwTag.DW_TAG_subprogram.code()).u8(0)
        .uleb(DwAt.DW_AT_abstract_origin.code()).uleb(DwForm.DW_FORM_ref_addr.code())
        .uleb(DwAt.DW_AT_low_pc.code()).uleb(DwForm.DW_FORM_addr.code())
        .uleb(DwAt.DW_AT_high_pc.code()).uleb(DwForm.DW_FORM_data4.code()).uleb(0).uleb(0);
    a.uleb(VAR).uleb(DwTag.DW_TAG_variable.code()).u8(0)
        .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code()).uleb(0).uleb(0);
    a.uleb(TYPE).uleb(DwTag.DW_TAG_structure_type.code()).u8(0)
        .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code()).uleb(0).uleb(0);
    a.uleb(DECL).uleb(DwTag.DW_TAG_structure_type.code()).u8(0)
        .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code())
        .uleb(DwAt.DW_AT_declaration.code()).uleb(DwForm.DW_FORM_flag_present.code()).uleb(0).uleb(0);
    a.uleb(BAD_FORM).uleb(DwTag.DW_TAG_variable.code()).u8(0).uleb(DwAt.DW_AT_name.code()).uleb(0x7f)
        .uleb(0).uleb(0).uleb(0);
  }

  private static SectionBuilder.Length cu(DwarfBuilder b, String name, long low, long high) {
    SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
    b.info().uleb(CU).cstring(name).u64(low).u64(high);
    return l;
  }

  /**
   * Unit "a" [0x1000, 0x2000): a.f, abstract a.inl (with an out-of-line copy in unit "b"),
   * abstract a.gone (inlined only), variable a.v, type a.T and a declaration of a.Decl.
   * Unit "b" [0x2000, 0x3000): the concrete a.inl, then a DIE with an unknown form.
   * Unit "c" [0x3000, 0x4000): c.g.
   */
  private static Dwarf sample() {
    DwarfBuilder b = new DwarfBuilder();
    abbreviations(b);
    SectionBuilder info = b.info();
    SectionBuilder.Length l = cu(b, "a", 0x1000, 0x2000);
    info.uleb(FUNC).cstring("a.f").u64(0x1000).u32(0x40);
    int inl = info.position();
    info.uleb(ABSTRACT).cstring("a.inl").u8(1);
    info.uleb(ABSTRACT).cstring("a.gone").u8(1);
    info.uleb(VAR).cstring("a.v");
    info.uleb(TYPE).cstring("a.T");
    info.uleb(DECL).cstring("a.Decl");
    info.u8(0).endLength(l);
    l = cu(b, "b", 0x2000, 0x3000);
    info.uleb(CONCRETE).u32(inl).u64(0x2000).u32(0x10);
    info.uleb(BAD_FORM).u8(0);
    info.uleb(FUNC).cstring("b.never").u64(0x2100).u32(1);
    info.u8(0).endLength(l);
    l = cu(b, "c", 0x3000, 0x4000);
    info.uleb(FUNC).cstring("c.g").u64(0x3000).u32(0x20);
    info.u8(0).endLength(l);
    return b.load();
  }

  @Test
  void indexesFunctionsVariablesTypesAndUnits() {
    Dwarf dwarf = sample();
    DwarfIndex index = dwarf.index();
    assertSame(index, dwarf.index());
    FunctionEntry f = index.function("a.f").orElseThrow();
    assertEquals(new FunctionEntry("a.f", 0x1e, List.of(new AddressRange(0x1000, 0x1040))), f);
    assertEquals(OptionalLong.of(0x1000), f.lowPc());
    assertEquals(OptionalLong.of(0x1040), f.highPc());
    assertEquals(Optional.of(f), index.functionAt(0x103f));
    assertEquals(Optional.empty(), index.functionAt(0x1040));
    assertEquals(OptionalLong.of(0x40), index.variable("a.v"));
    assertEquals(OptionalLong.of(0x45), index.type("a.T"));
    assertEquals(OptionalLong.empty(), index.type("a.Decl"), "declarations are not indexed");
    assertEquals(OptionalLong.empty(), index.variable("a.f"));
    assertEquals("c", index.unitForPc(0x3fff).orElseThrow().name().orElseThrow());
    assertEquals("a", index.unitForPc(0x1000).orElseThrow().name().orElseThrow());
    assertEquals(Optional.empty(), index.unitForPc(0x4000));
    assertEquals(Optional.empty(), index.unitForPc(0xfff));
  }

  @Test
  void concreteInstancesTakeTheirNameFromTheAbstractOrigin() {
    DwarfIndex index = sample().index();
    FunctionEntry inl = index.function("a.inl").orElseThrow();
    assertEquals(List.of(new AddressRange(0x2000, 0x2010)), inl.ranges());
    assertEquals("a.inl", index.functionAt(0x2008).orElseThrow().name());
    FunctionEntry gone = index.function("a.gone").orElseThrow();
    assertTrue(gone.inlinedOnly());
    assertEquals(OptionalLong.empty(), gone.lowPc());
    assertEquals(0x37, gone.dieOffset(), "the abstract instance");
    assertEquals(List.of(gone), index.functions("a.gone"));
    assertEquals(4, index.functionCount());
    List<String> names = new ArrayList<>();
    index.forEachFunction(f -> names.add(f.name() + (f.inlinedOnly() ? " (inlined)" : "")));
    assertEquals(List.of("a.f", "c.g", "a.inl", "a.gone (inlined)"), names);
  }

  @Test
  void typesAndVariablesCanBeListed() {
    DwarfIndex index = sample().index();
    List<String> seen = new ArrayList<>();
    index.forEachType((name, offset) -> seen.add(name + "@0x" + Long.toHexString(offset)));
    index.forEachVariable((name, offset) -> seen.add(name + "@0x" + Long.toHexString(offset)));
    assertEquals(List.of("a.T@0x45", "a.v@0x40"), seen);
    assertEquals(1, index.typeCount());
    assertEquals(1, index.variableCount());
  }

  @Test
  void aBrokenUnitIsIndexedUpToTheBadEntryAndRecorded() {
    DwarfIndex index = sample().index();
    assertEquals(1, index.errors().size());
    assertEquals("unknown form DwForm(0x7f) in test .debug_info at 0x83", index.errors().get(0).getMessage());
    assertTrue(index.function("b.never").isEmpty());
    assertTrue(index.function("c.g").isPresent(), "later units are still indexed");
    assertEquals("b", index.unitForPc(0x2001).orElseThrow().name().orElseThrow());
  }

  @Test
  void cyclicAbstractOriginsEndInAnError() {
    DwarfBuilder b = new DwarfBuilder();
    abbreviations(b);
    SectionBuilder info = b.info();
    SectionBuilder.Length l = cu(b, "a", 0x1000, 0x2000);
    int first = info.position();
    info.uleb(CONCRETE).u32(first + 17).u64(0x1000).u32(0x10); // 17 bytes per DIE
    info.uleb(CONCRETE).u32(first).u64(0x1010).u32(0x10);
    info.u8(0).endLength(l);
    DwarfIndex index = b.load().index();
    assertEquals(0, index.functionCount());
    assertEquals(2, index.errors().size());
    assertEquals("reference chain longer than 8 DIEs (a cycle?) in test .debug_info at 0x2f",
        index.errors().get(0).getMessage());
  }
}
