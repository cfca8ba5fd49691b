package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwForm;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.constants.DwUt;
import org.dlv4j.dwarf.loc.AddressRange;
import org.dlv4j.dwarf.loc.Location;
import org.dlv4j.dwarf.loc.LocationEntry;
import org.dlv4j.dwarf.loc.LocationList;
import org.junit.jupiter.api.Test;

/** Range lists, location lists and low/high pc, from exact bytes. */
class ListsTest {
  private static final long LOW_PC = 0x400000;
  private static final DwarfFormat F = DwarfFormat.DWARF32;

  /**
   * Builds a unit with base address {@link #LOW_PC} (and, for DWARF 5, addr/rnglists/loclists
   * bases just past contribution headers at offset 0) whose root's only child has the given
   * (attribute, form) pairs, encoded by {@code values}; returns that child.
   */
  private static Die child(DwarfBuilder b, int version, int addressSize, int[][] specs,
      Consumer<SectionBuilder> values) {
    SectionBuilder ab = b.abbrev();
    ab.uleb(1).uleb(DwTag.DW_TAG_compile_unit.code()).u8(1)
        .uleb(DwAt.DW_AT_low_pc.code()).uleb(DwForm.DW_FORM_addr.code());
    if (version >= 5) {
      for (DwAt at : List.of(DwAt.DW_AT_addr_base, DwAt.DW_AT_rnglists_base, DwAt.DW_AT_loclists_base)) {
        ab.uleb(at.code()).uleb(DwForm.DW_FORM_sec_offset.code());
      }
    }
    ab.uleb(0).uleb(0).uleb(2).uleb(DwTag.DW_TAG_variable.code()).u8(0);
    for (int[] s : specs) {
      ab.uleb(s[0]).uleb(s[1]);
    }
    ab.uleb(0).uleb(0).uleb(0);
    SectionBuilder info = b.info();
    SectionBuilder.Length l = b.unitHeader(F, version, DwUt.DW_UT_compile, addressSize, 0);
    info.uleb(1).unsigned(addressSize, LOW_PC);
    if (version >= 5) {
      info.offset(F, 8).offset(F, 12).offset(F, 12);
    }
    info.uleb(2);
    values.accept(info);
    info.u8(0).endLength(l);
    DieCursor c = b.load().units().get(0).cursor();
    c.nextDfs();
    c.nextDfs();
    return c.die();
  }

  private static int[] spec(DwAt at, DwForm form) {
    return new int[] {at.code(), form.code()};
  }

  private static void addressTable(DwarfBuilder b, long... addresses) {
    SectionBuilder.Length l = b.contributionHeader(SectionId.DEBUG_ADDR, F, 8);
    for (long a : addresses) {
      b.section(SectionId.DEBUG_ADDR).u64(a);
    }
    b.section(SectionId.DEBUG_ADDR).endLength(l);
  }

  private static ByteBuffer bytes(int... b) {
    return new SectionBuilder().bytes(b).toBuffer();
  }

  @Test
  void debugRangesAppliesBaseSelectionAndDropsEmptyRanges() {
    DwarfBuilder b = new DwarfBuilder();
    b.section(SectionId.DEBUG_RANGES).zeros(16) // another list's end, so ours is at 16
        .u64(0x10).u64(0x20).u64(-1).u64(0x500000).u64(0).u64(8).u64(5).u64(5).u64(0).u64(0);
    Die d = child(b, 4, 8, new int[][] {spec(DwAt.DW_AT_ranges, DwForm.DW_FORM_sec_offset)},
        info -> info.u32(16));
    assertEquals(List.of(new AddressRange(0x400010, 0x400020), new AddressRange(0x500000, 0x500008)),
        d.ranges());
  }

  @Test
  void debugRangesWithFourByteAddressesUsesAFourByteSelector() {
    DwarfBuilder b = new DwarfBuilder();
    b.section(SectionId.DEBUG_RANGES).u32(0xffff_ffffL).u32(0x1000).u32(1).u32(3).u32(0).u32(0);
    Die d = child(b, 3, 4, new int[][] {spec(DwAt.DW_AT_ranges, DwForm.DW_FORM_data4)}, info -> info.u32(0));
    assertEquals(List.of(new AddressRange(0x1001, 0x1003)), d.ranges(), "DWARF 3: data4 is a rangelistptr");
  }

  @Test
  void rnglistsDecodesEveryEntryKind() {
    DwarfBuilder b = new DwarfBuilder();
    addressTable(b, 0x1000, 0x2000, 0x3000);
    SectionBuilder.Length l = b.contributionHeader(SectionId.DEBUG_RNGLISTS, F, 8);
    int list = b.section(SectionId.DEBUG_RNGLISTS).position();
    b.section(SectionId.DEBUG_RNGLISTS)
        .u8(1).uleb(0) // DW_RLE_base_addressx -> 0x1000
        .u8(4).uleb(0x10).uleb(0x20) // DW_RLE_offset_pair
        .u8(2).uleb(1).uleb(2) // DW_RLE_startx_endx
        .u8(3).uleb(0).uleb(0x40) // DW_RLE_startx_length
        .u8(5).u64(0x9000) // DW_RLE_base_address
        .u8(4).uleb(1).uleb(2)
        .u8(6).u64(0xa000).u64(0xa100) // DW_RLE_start_end
        .u8(7).u64(0xb000).uleb(0x10) // DW_RLE_start_length
        .u8(0).endLength(l);
    Die d = child(b, 5, 8, new int[][] {spec(DwAt.DW_AT_ranges, DwForm.DW_FORM_sec_offset)},
        info -> info.u32(list));
    assertEquals(List.of(new AddressRange(0x1010, 0x1020), new AddressRange(0x2000, 0x3000),
        new AddressRange(0x1000, 0x1040), new AddressRange(0x9001, 0x9002), new AddressRange(0xa000, 0xa100),
        new AddressRange(0xb000, 0xb010)), d.ranges());
  }

  @Test
  void rnglistxGoesThroughTheOffsetTableAndStartsFromTheUnitBase() {
    DwarfBuilder b = new DwarfBuilder();
    SectionBuilder.Length l = b.contributionHeader(SectionId.DEBUG_RNGLISTS, F, 8);
    SectionBuilder s = b.section(SectionId.DEBUG_RNGLISTS);
    s.patch(8, 4, 2).u32(8).u32(11); // two lists, at base+8 and base+11
    s.u8(4).uleb(1).uleb(2) // list 0: offset_pair from the unit's base address
        .u8(4).uleb(3).uleb(4).u8(0).endLength(l); // list 1
    Die d = child(b, 5, 8, new int[][] {spec(DwAt.DW_AT_ranges, DwForm.DW_FORM_rnglistx)}, info -> info.uleb(1));
    assertEquals(List.of(new AddressRange(LOW_PC + 3, LOW_PC + 4)), d.ranges());
  }

  @Test
  void highPcIsAnAddressOrAnOffsetFromLowPc() {
    Die asOffset = child(new DwarfBuilder(), 4, 8, new int[][] {spec(DwAt.DW_AT_low_pc, DwForm.DW_FORM_addr),
        spec(DwAt.DW_AT_high_pc, DwForm.DW_FORM_data4)}, info -> info.u64(0x401000).u32(0x80));
    assertEquals(List.of(new AddressRange(0x401000, 0x401080)), asOffset.ranges());
    Die asAddress = child(new DwarfBuilder(), 3, 8, new int[][] {spec(DwAt.DW_AT_low_pc, DwForm.DW_FORM_addr),
        spec(DwAt.DW_AT_high_pc, DwForm.DW_FORM_addr)}, info -> info.u64(0x401000).u64(0x401010));
    assertEquals(List.of(new AddressRange(0x401000, 0x401010)), asAddress.ranges());
    DwarfBuilder b = new DwarfBuilder();
    addressTable(b, 0x1000, 0x48fe00);
    Die goStyle = child(b, 5, 8, new int[][] {spec(DwAt.DW_AT_low_pc, DwForm.DW_FORM_addrx),
        spec(DwAt.DW_AT_high_pc, DwForm.DW_FORM_udata)}, info -> info.uleb(1).uleb(264));
    assertEquals(List.of(new AddressRange(0x48fe00, 0x48ff08)), goStyle.ranges());
    Die none = child(new DwarfBuilder(), 4, 8, new int[][] {spec(DwAt.DW_AT_low_pc, DwForm.DW_FORM_addr)},
        info -> info.u64(0x401000));
    assertEquals(List.of(), none.ranges());
  }

  @Test
  void debugLocAppliesTheUnitBaseAndBaseSelection() {
    DwarfBuilder b = new DwarfBuilder();
    b.section(SectionId.DEBUG_LOC).u64(0).u64(0x10).u16(1).u8(0x50)
        .u64(-1).u64(0x2000)
        .u64(0).u64(4).u16(3).bytes(0x51, 0x93, 0x08)
        .u64(0).u64(0);
    Die d = child(b, 4, 8, new int[][] {spec(DwAt.DW_AT_location, DwForm.DW_FORM_sec_offset)}, info -> info.u32(0));
    LocationList list = (LocationList) d.location(DwAt.DW_AT_location).orElseThrow();
    assertEquals(List.of(new LocationEntry(new AddressRange(LOW_PC, LOW_PC + 0x10), bytes(0x50)),
        new LocationEntry(new AddressRange(0x2000, 0x2004), bytes(0x51, 0x93, 0x08))), list.entries());
    assertEquals(Optional.of(bytes(0x50)), list.expressionAt(LOW_PC + 5));
    assertEquals(Optional.of(bytes(0x51, 0x93, 0x08)), list.expressionAt(0x2003));
    assertEquals(Optional.empty(), list.expressionAt(0x2004));
  }

  @Test
  void loclistsDecodesEveryEntryKind() {
    DwarfBuilder b = new DwarfBuilder();
    addressTable(b, 0x1000, 0x2000, 0x3000);
    SectionBuilder.Length l = b.contributionHeader(SectionId.DEBUG_LOCLISTS, F, 8);
    int list = b.section(SectionId.DEBUG_LOCLISTS).position();
    b.section(SectionId.DEBUG_LOCLISTS)
        .u8(1).uleb(0) // DW_LLE_base_addressx -> 0x1000
        .u8(9).uleb(0).uleb(1) // DW_LLE_GNU_view_pair, ignored
        .u8(4).uleb(0).uleb(8).uleb(1).u8(0x50) // DW_LLE_offset_pair: reg0
        .u8(2).uleb(1).uleb(2).uleb(1).u8(0x51) // DW_LLE_startx_endx: reg1
        .u8(3).uleb(2).uleb(4).uleb(0) // DW_LLE_startx_length: empty expression (optimized out)
        .u8(5).uleb(1).u8(0x9c) // DW_LLE_default_location: call_frame_cfa
        .u8(6).u64(0x8000) // DW_LLE_base_address
        .u8(4).uleb(1).uleb(2).uleb(2).bytes(0x91, 0x08) // offset_pair: fbreg 8
        .u8(7).u64(0xa000).u64(0xa100).uleb(1).u8(0x52) // DW_LLE_start_end
        .u8(8).u64(0xb000).uleb(0x10).uleb(1).u8(0x53) // DW_LLE_start_length
        .u8(0).endLength(l);
    Die d = child(b, 5, 8, new int[][] {spec(DwAt.DW_AT_location, DwForm.DW_FORM_sec_offset)},
        info -> info.u32(list));
    LocationList locs = (LocationList) d.location(DwAt.DW_AT_location).orElseThrow();
    assertEquals(List.of(
        new LocationEntry(new AddressRange(0x1000, 0x1008), bytes(0x50)),
        new LocationEntry(new AddressRange(0x2000, 0x3000), bytes(0x51)),
        new LocationEntry(new AddressRange(0x3000, 0x3004), bytes()),
        new LocationEntry(new AddressRange(0x8001, 0x8002), bytes(0x91, 0x08)),
        new LocationEntry(new AddressRange(0xa000, 0xa100), bytes(0x52)),
        new LocationEntry(new AddressRange(0xb000, 0xb010), bytes(0x53))), locs.entries());
    assertEquals(list, locs.offset());
    assertEquals(Optional.of(bytes(0x9c)), locs.defaultLocation());
    assertEquals(Optional.of(bytes()), locs.expressionAt(0x3001));
    assertEquals(Optional.of(bytes(0x9c)), locs.expressionAt(0x7000), "the default applies elsewhere");
  }

  @Test
  void loclistxUsesTheUnitsLoclistsBase() {
    DwarfBuilder b = new DwarfBuilder();
    SectionBuilder.Length l = b.contributionHeader(SectionId.DEBUG_LOCLISTS, F, 8);
    b.section(SectionId.DEBUG_LOCLISTS).patch(8, 4, 1).u32(4)
        .u8(4).uleb(0).uleb(2).uleb(1).u8(0x50).u8(0).endLength(l);
    Die d = child(b, 5, 8, new int[][] {spec(DwAt.DW_AT_location, DwForm.DW_FORM_loclistx)}, info -> info.uleb(0));
    assertEquals(Optional.of(bytes(0x50)), d.location(DwAt.DW_AT_location).orElseThrow().expressionAt(LOW_PC + 1));
  }

  @Test
  void exprlocIsASingleLocationAndConstantsAreNoLocation() {
    Die d = child(new DwarfBuilder(), 4, 8, new int[][] {spec(DwAt.DW_AT_location, DwForm.DW_FORM_exprloc),
        spec(DwAt.DW_AT_data_member_location, DwForm.DW_FORM_data1)}, info -> info.uleb(1).u8(0x9c).u8(16));
    Location loc = d.location(DwAt.DW_AT_location).orElseThrow();
    assertEquals(new Location.Single(bytes(0x9c)), loc);
    assertEquals(Optional.of(bytes(0x9c)), loc.expressionAt(12345));
    assertEquals(Optional.empty(), d.location(DwAt.DW_AT_data_member_location));
    assertEquals(16, d.attrUnsigned(DwAt.DW_AT_data_member_location, -1));
    assertEquals(Optional.empty(), d.location(DwAt.DW_AT_frame_base));
  }

  @Test
  void overlongAndUnknownListsAreRejected() {
    DwarfBuilder b = new DwarfBuilder();
    SectionBuilder s = b.section(SectionId.DEBUG_RNGLISTS);
    for (int i = 0; i < (1 << 16) + 1; i++) {
      s.u8(4).uleb(0).uleb(1);
    }
    s.u8(0);
    Die d = child(b, 5, 8, new int[][] {spec(DwAt.DW_AT_ranges, DwForm.DW_FORM_sec_offset)}, info -> info.u32(0));
    BinaryFormatException e = assertThrows(BinaryFormatException.class, d::ranges);
    assertEquals("list longer than 65536 entries in test .debug_rnglists at 0x30000", e.getMessage());
    DwarfBuilder other = new DwarfBuilder();
    other.section(SectionId.DEBUG_RNGLISTS).u8(0x0e);
    Die unknown = child(other, 5, 8, new int[][] {spec(DwAt.DW_AT_ranges, DwForm.DW_FORM_sec_offset)},
        info -> info.u32(0));
    e = assertThrows(BinaryFormatException.class, unknown::ranges);
    assertTrue(e.getMessage().startsWith("unknown range list entry kind 0xe"), e.getMessage());
  }

  @Test
  void missingListSectionNamesTheReferringAttribute() {
    Die d = child(new DwarfBuilder(), 4, 8, new int[][] {spec(DwAt.DW_AT_location, DwForm.DW_FORM_sec_offset)},
        info -> info.u32(0));
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> d.location(DwAt.DW_AT_location));
    assertEquals("reference into missing section .debug_loc in test .debug_info at 0x15", e.getMessage());
  }
}
