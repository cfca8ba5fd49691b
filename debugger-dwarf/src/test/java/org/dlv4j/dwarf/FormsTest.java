package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwForm;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.constants.DwUt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every attribute form, decoded from exact bytes in both DWARF formats and several versions. */
class FormsTest {
  private static final long STR_HELLO = 1;
  private static final long STR_WORLD = 7;

  /** One attribute of the DIE under test: its form, how to encode it and what it decodes to. */
  private record Case(DwForm form, long implicitConst, Consumer<SectionBuilder> value, AttrValue expected) {}

  private static ByteBuffer bytes(int... b) {
    return new SectionBuilder().bytes(b).toBuffer();
  }

  /** All forms of DWARF 5 plus the GNU ones, for a unit at offset 0 in {@code format}. */
  private static List<Case> allForms(DwarfFormat f) {
    List<Case> c = new ArrayList<>();
    c.add(new Case(DwForm.DW_FORM_addr, 0, b -> b.u64(0x401000), new AttrValue.Address(0x401000)));
    c.add(new Case(DwForm.DW_FORM_block2, 0, b -> b.u16(2).bytes(0xaa, 0xbb), new AttrValue.Block(bytes(0xaa, 0xbb))));
    c.add(new Case(DwForm.DW_FORM_block4, 0, b -> b.u32(1).bytes(0xcc), new AttrValue.Block(bytes(0xcc))));
    c.add(new Case(DwForm.DW_FORM_data2, 0, b -> b.u16(0xfffe), new AttrValue.Unsigned(0xfffe)));
    c.add(new Case(DwForm.DW_FORM_data4, 0, b -> b.u32(0xfffffffeL), new AttrValue.Unsigned(0xfffffffeL)));
    c.add(new Case(DwForm.DW_FORM_data8, 0, b -> b.u64(-2), new AttrValue.Unsigned(-2)));
    c.add(new Case(DwForm.DW_FORM_string, 0, b -> b.cstring("héllo"), new AttrValue.Text("héllo")));
    c.add(new Case(DwForm.DW_FORM_block, 0, b -> b.uleb(3).bytes(1, 2, 3), new AttrValue.Block(bytes(1, 2, 3))));
    c.add(new Case(DwForm.DW_FORM_block1, 0, b -> b.u8(0), new AttrValue.Block(bytes())));
    c.add(new Case(DwForm.DW_FORM_data1, 0, b -> b.u8(0xff), new AttrValue.Unsigned(0xff)));
    c.add(new Case(DwForm.DW_FORM_flag, 0, b -> b.u8(1), new AttrValue.Flag(true)));
    c.add(new Case(DwForm.DW_FORM_sdata, 0, b -> b.sleb(-129), new AttrValue.Signed(-129)));
    c.add(new Case(DwForm.DW_FORM_strp, 0, b -> b.offset(f, STR_WORLD), new AttrValue.Text("world")));
    c.add(new Case(DwForm.DW_FORM_udata, 0, b -> b.uleb(624485), new AttrValue.Unsigned(624485)));
    c.add(new Case(DwForm.DW_FORM_ref_addr, 0, b -> b.offset(f, 0x1234), new AttrValue.Reference(0x1234)));
    c.add(new Case(DwForm.DW_FORM_ref1, 0, b -> b.u8(0x21), new AttrValue.Reference(0x21)));
    c.add(new Case(DwForm.DW_FORM_ref2, 0, b -> b.u16(0x222), new AttrValue.Reference(0x222)));
    c.add(new Case(DwForm.DW_FORM_ref4, 0, b -> b.u32(0x4444), new AttrValue.Reference(0x4444)));
    c.add(new Case(DwForm.DW_FORM_ref8, 0, b -> b.u64(0x8888), new AttrValue.Reference(0x8888)));
    c.add(new Case(DwForm.DW_FORM_ref_udata, 0, b -> b.uleb(0x99), new AttrValue.Reference(0x99)));
    c.add(new Case(DwForm.DW_FORM_indirect, 0, b -> b.uleb(DwForm.DW_FORM_data1.code()).u8(7),
        new AttrValue.Unsigned(7)));
    c.add(new Case(DwForm.DW_FORM_sec_offset, 0, b -> b.offset(f, 0x77), new AttrValue.SectionOffset(0x77)));
    c.add(new Case(DwForm.DW_FORM_exprloc, 0, b -> b.uleb(2).bytes(0x91, 0x10),
        new AttrValue.Expression(bytes(0x91, 0x10))));
    c.add(new Case(DwForm.DW_FORM_flag_present, 0, b -> { }, new AttrValue.Flag(true)));
    c.add(new Case(DwForm.DW_FORM_strx, 0, b -> b.uleb(1), new AttrValue.Text("hello")));
    c.add(new Case(DwForm.DW_FORM_addrx, 0, b -> b.uleb(2), new AttrValue.Address(0x3000)));
    c.add(new Case(DwForm.DW_FORM_ref_sup4, 0, b -> b.u32(0x55), new AttrValue.Supplementary(0x55)));
    c.add(new Case(DwForm.DW_FORM_strp_sup, 0, b -> b.offset(f, 0x66), new AttrValue.Supplementary(0x66)));
    c.add(new Case(DwForm.DW_FORM_data16, 0, b -> b.u64(0x0706050403020100L).u64(0x0f0e0d0c0b0a0908L),
        new AttrValue.Block(bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))));
    c.add(new Case(DwForm.DW_FORM_line_strp, 0, b -> b.offset(f, 1), new AttrValue.Text("line")));
    c.add(new Case(DwForm.DW_FORM_ref_sig8, 0, b -> b.u64(0xfeedface), new AttrValue.Signature(0xfeedface)));
    c.add(new Case(DwForm.DW_FORM_implicit_const, -42, b -> { }, new AttrValue.Signed(-42)));
    c.add(new Case(DwForm.DW_FORM_loclistx, 0, b -> b.uleb(0), new AttrValue.SectionOffset(loclist(f))));
    c.add(new Case(DwForm.DW_FORM_rnglistx, 0, b -> b.uleb(0), new AttrValue.SectionOffset(rnglist(f))));
    c.add(new Case(DwForm.DW_FORM_ref_sup8, 0, b -> b.u64(0x88), new AttrValue.Supplementary(0x88)));
    c.add(new Case(DwForm.DW_FORM_strx1, 0, b -> b.u8(0), new AttrValue.Text("world")));
    c.add(new Case(DwForm.DW_FORM_strx2, 0, b -> b.u16(1), new AttrValue.Text("hello")));
    c.add(new Case(DwForm.DW_FORM_strx3, 0, b -> b.u24(0), new AttrValue.Text("world")));
    c.add(new Case(DwForm.DW_FORM_strx4, 0, b -> b.u32(1), new AttrValue.Text("hello")));
    c.add(new Case(DwForm.DW_FORM_addrx1, 0, b -> b.u8(0), new AttrValue.Address(0x1000)));
    c.add(new Case(DwForm.DW_FORM_addrx2, 0, b -> b.u16(1), new AttrValue.Address(0x2000)));
    c.add(new Case(DwForm.DW_FORM_addrx3, 0, b -> b.u24(2), new AttrValue.Address(0x3000)));
    c.add(new Case(DwForm.DW_FORM_addrx4, 0, b -> b.u32(0), new AttrValue.Address(0x1000)));
    c.add(new Case(DwForm.DW_FORM_GNU_addr_index, 0, b -> b.uleb(1), new AttrValue.Address(0x2000)));
    c.add(new Case(DwForm.DW_FORM_GNU_str_index, 0, b -> b.uleb(0), new AttrValue.Text("world")));
    c.add(new Case(DwForm.DW_FORM_GNU_ref_alt, 0, b -> b.offset(f, 0x10), new AttrValue.Supplementary(0x10)));
    c.add(new Case(DwForm.DW_FORM_GNU_strp_alt, 0, b -> b.offset(f, 0x20), new AttrValue.Supplementary(0x20)));
    return c;
  }

  /** Section offsets of the single list in the test .debug_rnglists/.debug_loclists. */
  private static long rnglist(DwarfFormat f) {
    return f.initialLengthSize() + 8 + f.offsetSize();
  }

  private static long loclist(DwarfFormat f) {
    return rnglist(f);
  }

  /**
   * Builds a DWARF 5 unit whose root (DW_TAG_compile_unit) sets every base and whose only child
   * has one attribute per case, named 0x3000 + i, plus the string, address and list tables.
   */
  static Dwarf buildV5(DwarfFormat f, List<Case> cases) {
    DwarfBuilder b = new DwarfBuilder();
    b.section(SectionId.DEBUG_STR).u8(0).cstring("hello").cstring("world");
    b.section(SectionId.DEBUG_LINE_STR).u8(0).cstring("line");
    SectionBuilder.Length l = b.contributionHeader(SectionId.DEBUG_STR_OFFSETS, f, 8);
    b.section(SectionId.DEBUG_STR_OFFSETS).offset(f, STR_WORLD).offset(f, STR_HELLO).endLength(l);
    l = b.contributionHeader(SectionId.DEBUG_ADDR, f, 8);
    b.section(SectionId.DEBUG_ADDR).u64(0x1000).u64(0x2000).u64(0x3000).endLength(l);
    for (SectionId id : List.of(SectionId.DEBUG_RNGLISTS, SectionId.DEBUG_LOCLISTS)) {
      SectionBuilder s = b.section(id);
      l = b.contributionHeader(id, f, 8);
      s.patch(l.at() + f.initialLengthSize() + 4, 4, 1); // offset_entry_count = 1
      s.offset(f, f.offsetSize()); // list 0 right after the offset table
      if (id == SectionId.DEBUG_RNGLISTS) {
        s.u8(0x06).u64(0x1000).u64(0x1100).u8(0x00); // DW_RLE_start_end, DW_RLE_end_of_list
      } else {
        s.u8(0x07).u64(0x1000).u64(0x1100).uleb(1).u8(0x50).u8(0x00); // DW_LLE_start_end reg0
      }
      s.endLength(l);
    }
    long base = f.initialLengthSize() + 4;
    long listBase = f.initialLengthSize() + 8;
    SectionBuilder ab = b.abbrev();
    ab.uleb(1).uleb(DwTag.DW_TAG_compile_unit.code()).u8(1);
    for (DwAt at : List.of(DwAt.DW_AT_str_offsets_base, DwAt.DW_AT_addr_base, DwAt.DW_AT_rnglists_base,
        DwAt.DW_AT_loclists_base)) {
      ab.uleb(at.code()).uleb(DwForm.DW_FORM_sec_offset.code());
    }
    ab.uleb(0).uleb(0);
    ab.uleb(2).uleb(DwTag.DW_TAG_variable.code()).u8(0);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      ab.uleb(0x3000 + i).uleb(c.form().code());
      if (c.form().equals(DwForm.DW_FORM_implicit_const)) {
        ab.sleb(c.implicitConst());
      }
    }
    ab.uleb(0).uleb(0).uleb(0);
    SectionBuilder info = b.info();
    SectionBuilder.Length unit = b.unitHeader(f, 5, DwUt.DW_UT_compile, 8, 0);
    info.uleb(1).offset(f, base).offset(f, base).offset(f, listBase).offset(f, listBase);
    info.uleb(2);
    cases.forEach(c -> c.value().accept(info));
    info.u8(0).endLength(unit);
    return b.load();
  }

  @ParameterizedTest
  @EnumSource(DwarfFormat.class)
  void everyFormDecodesInDwarf5(DwarfFormat f) {
    List<Case> cases = allForms(f);
    Dwarf dwarf = buildV5(f, cases);
    Unit unit = dwarf.units().get(0);
    assertEquals(f, unit.format());
    assertEquals(f.initialLengthSize() + 4, unit.addrBase());
    DieCursor c = unit.cursor();
    assertTrue(c.nextDfs());
    assertTrue(c.nextDfs());
    Die d = c.die();
    assertEquals(cases.size(), d.attributeCount());
    for (int i = 0; i < cases.size(); i++) {
      Case k = cases.get(i);
      String what = k.form().toString();
      assertEquals(new DwAt(0x3000 + i), d.attributeAt(i), what);
      DwForm effective = k.form().equals(DwForm.DW_FORM_indirect) ? DwForm.DW_FORM_data1 : k.form();
      assertEquals(effective, d.formAt(i), what);
      assertEquals(k.expected(), d.valueAt(i), what);
      assertEquals(Optional.of(k.expected()), d.attr(new DwAt(0x3000 + i)), what);
    }
    assertFalse(c.nextDfs(), "the walk ends exactly at the unit end");
  }

  @ParameterizedTest
  @EnumSource(DwarfFormat.class)
  void typedAccessorsReadTheirClassesOnly(DwarfFormat f) {
    List<Case> cases = allForms(f);
    DieCursor c = buildV5(f, cases).units().get(0).cursor();
    c.nextDfs();
    c.nextDfs();
    Die d = c.die();
    for (int i = 0; i < cases.size(); i++) {
      DwAt at = new DwAt(0x3000 + i);
      AttrValue v = cases.get(i).expected();
      String what = cases.get(i).form().toString();
      assertEquals(v instanceof AttrValue.Address a ? OptionalLong.of(a.address()) : OptionalLong.empty(),
          d.attrAddress(at), what);
      assertEquals(v instanceof AttrValue.Reference r ? OptionalLong.of(r.offset()) : OptionalLong.empty(),
          d.attrReference(at), what);
      assertEquals(v instanceof AttrValue.Text t ? Optional.of(t.value()) : Optional.empty(), d.attrString(at), what);
      assertEquals(v instanceof AttrValue.Flag fl && fl.value(), d.attrFlag(at), what);
      boolean block = v instanceof AttrValue.Block || v instanceof AttrValue.Expression;
      assertEquals(block, d.attrBlock(at).isPresent(), what);
      long expectUnsigned = v instanceof AttrValue.Unsigned u ? u.value()
          : v instanceof AttrValue.Signed s ? s.value()
          : v instanceof AttrValue.Flag fl ? (fl.value() ? 1 : 0)
          : cases.get(i).form().equals(DwForm.DW_FORM_sec_offset) ? 0x77 : -99;
      assertEquals(expectUnsigned, d.attrUnsigned(at, -99), what);
    }
    assertEquals(OptionalLong.of(-1), d.attrSigned(new DwAt(0x3000 + 9)), "data1 0xff sign-extends");
    assertEquals(OptionalLong.of(-2), d.attrSigned(new DwAt(0x3000 + 3)), "data2 0xfffe sign-extends");
    assertEquals(OptionalLong.of(-129), d.attrSigned(new DwAt(0x3000 + 11)), "sdata");
    assertEquals(OptionalLong.empty(), d.attrSigned(new DwAt(0x3000)), "an address is not a constant");
    assertFalse(d.has(DwAt.DW_AT_name));
    assertEquals(OptionalLong.empty(), d.attrUnsigned(DwAt.DW_AT_name));
  }

  @Test
  void refAddrIsAddressSizedInDwarf2AndOffsetSizedLater() {
    for (int version : new int[] {2, 3, 4}) {
      DwarfBuilder b = new DwarfBuilder();
      b.abbrev().uleb(1).uleb(DwTag.DW_TAG_compile_unit.code()).u8(0)
          .uleb(DwAt.DW_AT_type.code()).uleb(DwForm.DW_FORM_ref_addr.code())
          .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code()).uleb(0).uleb(0).uleb(0);
      SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, version, DwUt.DW_UT_compile, 8, 0);
      b.info().uleb(1).unsigned(version == 2 ? 8 : 4, 0x0102).cstring("u").endLength(l);
      Unit unit = b.load().units().get(0);
      assertEquals(version, unit.version());
      assertEquals(11, unit.header().headerSize());
      DieCursor c = unit.cursor();
      c.nextDfs();
      assertEquals(OptionalLong.of(0x0102), c.die().attrReference(DwAt.DW_AT_type), "version " + version);
      assertEquals(Optional.of("u"), c.die().attrString(DwAt.DW_AT_name), "version " + version);
    }
  }

  @Test
  void unitRelativeReferencesAreRebasedOnTheUnitOffset() {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev().uleb(1).uleb(DwTag.DW_TAG_compile_unit.code()).u8(0)
        .uleb(DwAt.DW_AT_type.code()).uleb(DwForm.DW_FORM_ref4.code()).uleb(0).uleb(0).uleb(0);
    for (int i = 0; i < 2; i++) {
      SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF64, 4, DwUt.DW_UT_compile, 8, 0);
      b.info().uleb(1).u32(0x17).endLength(l);
    }
    List<Unit> units = b.load().units();
    assertEquals(2, units.size());
    Unit second = units.get(1);
    assertEquals(28, second.offset()); // 12 + 2 + 8 + 1 header, 1 code, 4 ref
    DieCursor c = second.cursor();
    c.nextDfs();
    assertEquals(28 + 0x17, c.die().attrReference(DwAt.DW_AT_type, -1));
  }

  @Test
  void typeSignaturesResolveToTheTypeUnitsTypeDie() {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev().uleb(1).uleb(DwTag.DW_TAG_type_unit.code()).u8(1).uleb(0).uleb(0)
        .uleb(2).uleb(DwTag.DW_TAG_base_type.code()).u8(0)
        .uleb(DwAt.DW_AT_name.code()).uleb(DwForm.DW_FORM_string.code()).uleb(0).uleb(0)
        .uleb(3).uleb(DwTag.DW_TAG_compile_unit.code()).u8(0)
        .uleb(DwAt.DW_AT_type.code()).uleb(DwForm.DW_FORM_ref_sig8.code()).uleb(0).uleb(0).uleb(0);
    SectionBuilder info = b.info();
    SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 5, DwUt.DW_UT_type, 8, 0);
    info.u64(0x1122334455667788L).u32(25); // signature, type_offset: header 24 + root 1
    info.uleb(1).uleb(2).cstring("int").u8(0).endLength(l);
    SectionBuilder.Length cu = b.unitHeader(DwarfFormat.DWARF32, 5, DwUt.DW_UT_compile, 8, 0);
    info.uleb(3).u64(0x1122334455667788L).endLength(cu);
    Dwarf dwarf = b.load();
    Unit typeUnit = dwarf.units().get(0);
    assertEquals(DwUt.DW_UT_type, typeUnit.unitType());
    assertEquals(OptionalLong.of(0x1122334455667788L), typeUnit.header().typeSignature());
    assertEquals(24, typeUnit.header().headerSize());
    DieCursor c = dwarf.units().get(1).cursor();
    c.nextDfs();
    long target = c.die().attrReference(DwAt.DW_AT_type, -1);
    assertEquals(25, target);
    assertEquals(Optional.of("int"), dwarf.cursorAt(target).die().attrString(DwAt.DW_AT_name));
  }
}
