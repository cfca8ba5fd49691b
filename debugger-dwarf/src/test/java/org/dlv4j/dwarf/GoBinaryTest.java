package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwLang;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.loc.AddressRange;
import org.dlv4j.dwarf.loc.Location;
import org.dlv4j.dwarf.loc.LocationList;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact facts read from testdata/dwarfsample built with DWARF 5 (Go's default) and DWARF 4
 * (GOEXPERIMENT=nodwarf5), cross-checked against {@code go tool nm} and {@code readelf}.
 */
class GoBinaryTest {
  private static final long GO_KIND_STRUCT = 25;
  private static final long GO_KIND_MAP = 21;

  private static String name(Die d) {
    return d.attrString(DwAt.DW_AT_name).orElse("");
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void everyUnitIsReadAndHasTheRequestedVersion(int version) {
    Dwarf dwarf = GoSample.dwarfsample(version, false).dwarf();
    assertEquals(List.of(), dwarf.unitErrors());
    assertTrue(dwarf.units().size() > 20);
    for (Unit u : dwarf.units()) {
      assertEquals(version, u.version(), u.toString());
      assertEquals(DwarfFormat.DWARF32, u.format());
      assertEquals(8, u.addressSize());
      assertEquals(Optional.of(DwLang.DW_LANG_Go), u.language());
    }
    assertEquals(List.of(), dwarf.index().errors());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void dieCountMatchesReadelf(int version) {
    GoSample s = GoSample.dwarfsample(version, false);
    Matcher m = Pattern.compile("(?m)^ <\\d+><[0-9a-f]+>: Abbrev Number: [1-9]")
        .matcher(Command.output("readelf", "--debug-dump=info", s.path().toString()));
    long expected = 0;
    while (m.find()) {
      expected++;
    }
    long count = 0;
    for (Unit u : s.dwarf().units()) {
      DieCursor c = u.cursor();
      while (c.nextDfs()) {
        for (int i = 0; i < c.die().attributeCount(); i++) {
          c.die().valueAt(i); // every value decodes
        }
        count++;
      }
    }
    assertEquals(expected, count);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void functionAddressesMatchGoToolNm(int version) {
    GoSample s = GoSample.dwarfsample(version, false);
    DwarfIndex index = s.dwarf().index();
    for (String fn : List.of("main.main", "main.add", "main.makeCounter", "main.makeCounter.func1",
        "main.(*Point).Move", "main.Sum[go.shape.int]", "main.Sum[go.shape.float64]", "runtime.main")) {
      GoNm.Symbol sym = s.symbol(fn);
      FunctionEntry f = index.function(fn).orElseThrow(() -> new AssertionError(fn));
      assertEquals(List.of(new AddressRange(sym.address(), sym.address() + sym.size())), f.ranges(), fn);
      assertEquals(Optional.of(f), index.functionAt(sym.address() + sym.size() - 1), fn);
      assertEquals(fn, s.at(f.dieOffset(), GoBinaryTest::name));
    }
    GoNm.Symbol main = s.symbol("main.main");
    Unit unit = index.unitForPc(main.address()).orElseThrow();
    assertEquals(Optional.of("main"), unit.name());
    DieCursor root = unit.cursor();
    root.nextDfs();
    assertEquals(Optional.of("main"), root.die().attrString(DwAt.DW_AT_go_package_name));
    assertTrue(root.die().attrString(DwAt.DW_AT_producer).orElseThrow().contains("-N -l"));
    assertTrue(unit.stmtList().isPresent());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void structMembersHaveTheirNamesAndOffsets(int version) {
    GoSample s = GoSample.dwarfsample(version, false);
    long point = s.dwarf().index().type("main.Point").orElseThrow();
    assertEquals(DwTag.DW_TAG_structure_type, s.at(point, Die::tag));
    assertEquals(56L, s.<Long>at(point, d -> d.attrUnsigned(DwAt.DW_AT_byte_size, -1)));
    assertEquals(GO_KIND_STRUCT, s.<Long>at(point, d -> d.attrUnsigned(DwAt.DW_AT_go_kind, -1)));
    assertEquals(List.of("X@0", "Y@4", "Name@8", "Tags@24", "next@48"), s.children(point,
        d -> name(d) + "@" + d.attrUnsigned(DwAt.DW_AT_data_member_location, -1)));
    assertEquals(List.of("int32", "int32", "string", "[]string", "*main.Point"), s.children(point,
        d -> s.at(d.attrReference(DwAt.DW_AT_type).orElseThrow(), GoBinaryTest::name)));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void goExtensionsAreReadable(int version) {
    GoSample s = GoSample.dwarfsample(version, false);
    DwarfIndex index = s.dwarf().index();
    long counter = index.type("main.Counter").orElseThrow();
    assertEquals(List.of("Point:true", "N:false"), s.children(counter,
        d -> name(d) + ":" + d.attrFlag(DwAt.DW_AT_go_embedded_field)));
    long map = s.children(counter, d -> d.attrReference(DwAt.DW_AT_type, -1)).get(1);
    assertEquals("map[string]int", s.at(map, GoBinaryTest::name));
    assertEquals(GO_KIND_MAP, s.<Long>at(map, d -> d.attrUnsigned(DwAt.DW_AT_go_kind, -1)));
    assertEquals("string", s.at(s.at(map, d -> d.attrReference(DwAt.DW_AT_go_key, -1)), GoBinaryTest::name));
    assertEquals("int", s.at(s.at(map, d -> d.attrReference(DwAt.DW_AT_go_elem, -1)), GoBinaryTest::name));
    assertTrue(s.at(map, d -> d.attrAddress(DwAt.DW_AT_go_runtime_type)).isPresent());
    long sum = index.function("main.Sum[go.shape.int]").orElseThrow().dieOffset();
    List<String> typeParams = s.children(sum, d -> d.tag().equals(DwTag.DW_TAG_typedef)
        ? name(d) + "=" + d.attrUnsigned(DwAt.DW_AT_go_dict_index, -1) : "");
    assertEquals(List.of(".param0=0", ".param1=1"), typeParams.stream().filter(x -> !x.isEmpty()).toList());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void packageVariablesHaveAddressLocations(int version) {
    GoSample s = GoSample.dwarfsample(version, false);
    DwarfIndex index = s.dwarf().index();
    for (String var : List.of("main.Origin", "main.Visits", "main.Verbose", "main.Numbers")) {
      long offset = index.variable(var).orElseThrow(() -> new AssertionError(var));
      Location loc = s.at(offset, d -> d.location(DwAt.DW_AT_location).orElseThrow());
      ByteBuffer expr = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN)
          .put((byte) 0x03).putLong(s.symbol(var).address()).flip(); // DW_OP_addr
      assertEquals(new Location.Single(expr), loc, var);
    }
    long origin = index.variable("main.Origin").orElseThrow();
    assertEquals("main.Point", s.at(s.at(origin, d -> d.attrReference(DwAt.DW_AT_type, -1)), GoBinaryTest::name));
    assertTrue(s.<Boolean>at(origin, d -> d.attrFlag(DwAt.DW_AT_external)));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void parameterLocationListsFollowThePc(int version) {
    GoSample s = GoSample.dwarfsample(version, false);
    FunctionEntry move = s.dwarf().index().function("main.(*Point).Move").orElseThrow();
    long entry = move.lowPc().getAsLong();
    long dx = s.children(move.dieOffset(), d -> name(d).equals("dx") ? d.offset() : -1L).stream()
        .filter(o -> o >= 0).findFirst().orElseThrow();
    LocationList list = (LocationList) s.at(dx, d -> d.location(DwAt.DW_AT_location).orElseThrow());
    assertEquals(2, list.entries().size());
    assertEquals(entry, list.entries().get(0).range().start());
    assertEquals(move.highPc().getAsLong(), list.entries().get(1).range().end());
    assertEquals(Optional.of(ByteBuffer.wrap(new byte[] {0x53})), list.expressionAt(entry), "DW_OP_reg3 (rbx)");
    assertEquals(Optional.of(ByteBuffer.wrap(new byte[] {(byte) 0x91, 0x08})),
        list.expressionAt(move.highPc().getAsLong() - 1), "DW_OP_fbreg 8");
    assertEquals(Optional.empty(), list.expressionAt(move.highPc().getAsLong()));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void optimizedBuildsHaveInlinedOnlyFunctionsAndInlinedCallSites(int version) {
    GoSample s = GoSample.dwarfsample(version, true);
    DwarfIndex index = s.dwarf().index();
    assertFalse(s.nm().containsKey("main.add"), "the linker dropped the unused out-of-line copy");
    FunctionEntry add = index.function("main.add").orElseThrow();
    assertTrue(add.inlinedOnly());
    assertEquals(OptionalLong.of(1), s.at(add.dieOffset(), d -> d.attrUnsigned(DwAt.DW_AT_inline)));
    GoNm.Symbol func1 = s.symbol("main.makeCounter.func1");
    assertEquals(OptionalLong.of(func1.address()), index.function("main.makeCounter.func1").orElseThrow().lowPc());
    // main.main calls add inline: one of its inlined subroutines has add as abstract origin.
    FunctionEntry main = index.function("main.main").orElseThrow();
    DieCursor c = s.dwarf().cursorAt(main.dieOffset());
    boolean found = false;
    while (c.nextDfs() && c.die().depth() > 0) {
      if (c.die().tag().equals(DwTag.DW_TAG_inlined_subroutine)
          && c.die().attrReference(DwAt.DW_AT_abstract_origin, -1) == add.dieOffset()) {
        found = true;
        assertFalse(c.die().ranges().isEmpty());
        assertTrue(main.ranges().get(0).contains(c.die().ranges().get(0).start()));
      }
    }
    assertTrue(found, "an inlined call of main.add in main.main");
  }
}
