package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwForm;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.constants.DwUt;
import org.junit.jupiter.api.Test;

/** Navigation over a small hand-built DIE tree. */
class DieCursorTest {
  private static final int NAME = DwAt.DW_AT_name.code();
  private static final int STRING = DwForm.DW_FORM_string.code();

  /**
   * Builds one DWARF 4 unit:
   *
   * <pre>
   * cu
   *   A (subprogram)      A1 (variable), A2 (lexical_block) { A2a (variable) }
   *   B (base_type)
   *   C (structure_type, DW_AT_sibling -> D)  { C1 (member) }
   *   D (typedef)
   * </pre>
   *
   * followed by two bytes of null padding. If {@code garbageUnderC}, C's children are an
   * abbreviation code that is not in the table.
   */
  private static Dwarf tree(int siblingDelta, boolean garbageUnderC) {
    DwarfBuilder b = new DwarfBuilder();
    SectionBuilder ab = b.abbrev();
    abbrev(ab, 1, DwTag.DW_TAG_compile_unit, true);
    abbrev(ab, 2, DwTag.DW_TAG_subprogram, true);
    abbrev(ab, 3, DwTag.DW_TAG_variable, false);
    ab.uleb(4).uleb(DwTag.DW_TAG_lexical_block.code()).u8(1).uleb(0).uleb(0);
    abbrev(ab, 5, DwTag.DW_TAG_base_type, false);
    ab.uleb(6).uleb(DwTag.DW_TAG_structure_type.code()).u8(1).uleb(NAME).uleb(STRING)
        .uleb(DwAt.DW_AT_sibling.code()).uleb(DwForm.DW_FORM_ref4.code()).uleb(0).uleb(0);
    abbrev(ab, 7, DwTag.DW_TAG_member, false);
    abbrev(ab, 8, DwTag.DW_TAG_typedef, false);
    ab.uleb(0);
    SectionBuilder info = b.info();
    SectionBuilder.Length l = b.unitHeader(DwarfFormat.DWARF32, 4, DwUt.DW_UT_compile, 8, 0);
    info.uleb(1).cstring("cu");
    info.uleb(2).cstring("A");
    info.uleb(3).cstring("A1");
    info.uleb(4);
    info.uleb(3).cstring("A2a");
    info.u8(0);
    info.u8(0);
    info.uleb(5).cstring("B");
    info.uleb(6).cstring("C");
    int siblingField = info.position();
    info.u32(0);
    if (garbageUnderC) {
      info.uleb(99);
    } else {
      info.uleb(7).cstring("C1");
    }
    info.u8(0);
    info.patch(siblingField, 4, info.position() + siblingDelta);
    info.uleb(8).cstring("D");
    info.u8(0);
    info.u8(0).u8(0);
    info.endLength(l);
    return b.load();
  }

  private static void abbrev(SectionBuilder ab, int code, DwTag tag, boolean children) {
    ab.uleb(code).uleb(tag.code()).u8(children ? 1 : 0).uleb(NAME).uleb(STRING).uleb(0).uleb(0);
  }

  private static String name(DieCursor c) {
    return c.die().attrString(DwAt.DW_AT_name).orElse("?");
  }

  private static String lexicalAware(DieCursor c) {
    return c.die().tag().equals(DwTag.DW_TAG_lexical_block) ? "A2" : name(c);
  }

  @Test
  void nextDfsVisitsEveryEntryInOrderWithDepths() {
    DieCursor c = tree(0, false).units().get(0).cursor();
    List<String> seen = new ArrayList<>();
    while (c.nextDfs()) {
      seen.add(lexicalAware(c) + "@" + c.die().depth());
    }
    assertEquals(List.of("cu@0", "A@1", "A1@2", "A2@2", "A2a@3", "B@1", "C@1", "C1@2", "D@1"), seen);
    assertThrows(IllegalStateException.class, c::die);
  }

  @Test
  void nextSiblingWalksTheTopLevel() {
    DieCursor c = tree(0, false).units().get(0).cursor();
    c.nextDfs();
    List<String> seen = new ArrayList<>();
    for (boolean more = c.nextDfs() && c.die().depth() == 1; more; more = c.nextSibling()) {
      seen.add(name(c));
    }
    assertEquals(List.of("A", "B", "C", "D"), seen);
    assertFalse(c.nextSibling(), "past the root's children only padding remains");
  }

  @Test
  void nextSiblingAfterFalseMovesToTheParentsNextSibling() {
    DieCursor c = tree(0, false).units().get(0).cursor();
    c.nextDfs();
    c.nextDfs();
    c.nextDfs();
    assertEquals("A1", name(c));
    assertTrue(c.nextSibling());
    assertEquals("A2", lexicalAware(c));
    assertFalse(c.nextSibling(), "A has no more children");
    assertTrue(c.nextSibling());
    assertEquals("B@1", name(c) + "@" + c.die().depth());
  }

  @Test
  void skipChildrenMakesNextDfsGoToTheNextSibling() {
    DieCursor c = tree(0, false).units().get(0).cursor();
    c.nextDfs();
    c.nextDfs();
    assertEquals("A", name(c));
    c.skipChildren();
    c.skipChildren(); // idempotent
    assertTrue(c.nextDfs());
    assertEquals("B@1", name(c) + "@" + c.die().depth());
  }

  @Test
  void siblingAttributeSkipsChildrenWithoutDecodingThem() {
    DieCursor c = tree(0, true).units().get(0).cursor();
    c.nextDfs();
    c.nextDfs();
    while (!name(c).equals("C")) {
      assertTrue(c.nextSibling());
    }
    assertTrue(c.nextSibling());
    assertEquals("D", name(c));
    DieCursor walk = tree(0, true).units().get(0).cursor();
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> {
      while (walk.nextDfs()) {
        // descends into C's bad child
      }
    });
    assertEquals("abbreviation code 99 not in the table at 0x0 of .debug_abbrev in test .debug_info at 0x28",
        e.getMessage());
  }

  @Test
  void backwardSiblingIsRejectedInsteadOfLooping() {
    DieCursor c = tree(-40, false).units().get(0).cursor();
    c.nextDfs();
    c.nextDfs();
    while (!name(c).equals("C")) {
      c.nextSibling();
    }
    BinaryFormatException e = assertThrows(BinaryFormatException.class, c::nextSibling);
    assertTrue(e.getMessage().startsWith("DW_AT_sibling 0x"), e.getMessage());
    assertEquals(0x21, e.offset(), "the offset of C");
  }

  @Test
  void seekMakesTheTargetCurrentAtDepthZero() {
    Dwarf dwarf = tree(0, false);
    DieCursor c = dwarf.cursorAt(0x21);
    assertEquals("C@0", name(c) + "@" + c.die().depth());
    assertTrue(c.nextDfs());
    assertEquals("C1@1", name(c) + "@" + c.die().depth());
    assertTrue(c.nextDfs());
    assertEquals("D@0", name(c) + "@" + c.die().depth());
    assertFalse(c.nextDfs());
    assertThrows(BinaryFormatException.class, () -> dwarf.cursorAt(0x2)); // inside the header
    assertThrows(BinaryFormatException.class, () -> dwarf.cursorAt(0x1000)); // past the unit
  }

  @Test
  void dieIsReusedAndDescribesItself() {
    DieCursor c = tree(0, false).units().get(0).cursor();
    c.nextDfs();
    Die root = c.die();
    c.nextDfs();
    assertSame(root, c.die());
    assertEquals(DwTag.DW_TAG_subprogram, c.die().tag());
    assertEquals("<0xf> DW_TAG_subprogram depth 1", c.die().toString());
    assertEquals(0xb, root.unit().header().firstDieOffset());
  }
}
