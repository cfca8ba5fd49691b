package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwLang;
import org.dlv4j.dwarf.constants.DwUt;
import org.dlv4j.dwarf.loc.AddressRange;
import org.dlv4j.dwarf.loc.Location;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A C program built by GCC at test time exercises forms Go does not emit (strp, line_strp,
 * implicit_const, strx/addrx in split DWARF, GCC's location views): every DIE's name must
 * match {@code readelf}'s, and addresses {@code nm}'s.
 */
class CSampleTest {
  private static final Pattern DIE = Pattern.compile("^ <\\d+><([0-9a-f]+)>: Abbrev Number: [1-9]");
  private static final Pattern NAME = Pattern.compile(
      "^\\s+<[0-9a-f]+>\\s+DW_AT_name\\s*: (?:\\((?:indirect (?:line )?string|indexed string)[^)]*\\): )?(.*)$");

  @TempDir
  static Path dir;

  private static Path compile(String... flags) throws IOException {
    Path src = dir.resolve("csample.c");
    if (!Files.exists(src)) {
      try (InputStream in = CSampleTest.class.getResourceAsStream("csample/csample.c")) {
        Files.copy(in, src);
      }
    }
    Path out = dir.resolve("c" + String.join("", flags).replaceAll("[^a-z0-9]", ""));
    List<String> cmd = new ArrayList<>(List.of("gcc", "-g", "-O2", "-o", out.toString()));
    cmd.addAll(List.of(flags));
    cmd.add(src.toString());
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
      assertEquals(0, p.waitFor(), String.join(" ", cmd));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return out;
  }

  private static Dwarf load(Path file, String suffix) {
    ElfFile elf = ElfFile.open(file);
    return Dwarf.load(id -> elf.sectionData(id.elfName() + suffix), file.toString());
  }

  /** DIE offset to DW_AT_name (or "" for none), as readelf prints them. */
  private static Map<Long, String> readelfNames(Path file) {
    Map<Long, String> names = new TreeMap<>();
    long die = -1;
    for (String line : Command.output("readelf", "--debug-dump=info", file.toString()).split("\n")) {
      Matcher d = DIE.matcher(line);
      Matcher n = NAME.matcher(line);
      if (d.find()) {
        die = Long.parseLong(d.group(1), 16);
        names.put(die, "");
      } else if (n.matches() && die >= 0) {
        names.put(die, n.group(1).trim());
      }
    }
    return names;
  }

  private static Map<Long, String> ourNames(Dwarf dwarf) {
    Map<Long, String> names = new TreeMap<>();
    for (Unit u : dwarf.units()) {
      DieCursor c = u.cursor();
      while (c.nextDfs()) {
        names.put(c.die().offset(), c.die().attrString(DwAt.DW_AT_name).orElse(""));
      }
    }
    return names;
  }

  /** The tag and name of every DIE below the unit roots, in order. */
  private static List<String> tagsAndNames(Dwarf dwarf) {
    List<String> out = new ArrayList<>();
    DieCursor c = dwarf.units().get(0).cursor();
    while (c.nextDfs()) {
      if (c.die().depth() > 0) {
        out.add(c.die().tag() + " " + c.die().attrString(DwAt.DW_AT_name).orElse(""));
      }
    }
    return out;
  }

  private static long nmAddress(Path file, String symbol) {
    for (String line : Command.output("nm", file.toString()).split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3 && f[2].equals(symbol)) {
        return Long.parseUnsignedLong(f[0], 16);
      }
    }
    throw new AssertionError("nm has no " + symbol);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5})
  void namesAddressesAndLocationsMatchTheTools(int version) throws IOException {
    Path bin = compile("-gdwarf-" + version);
    Dwarf dwarf = load(bin, "");
    assertEquals(List.of(), dwarf.unitErrors());
    assertEquals(readelfNames(bin), ourNames(dwarf));
    Unit cu = dwarf.units().get(0);
    assertEquals(version, cu.version());
    assertEquals(Optional.of(version == 5 ? DwLang.DW_LANG_C11 : DwLang.DW_LANG_C99), cu.language());

    DwarfIndex index = dwarf.index();
    assertEquals(List.of(), index.errors());
    FunctionEntry scale = index.function("scale").orElseThrow();
    long entry = nmAddress(bin, "scale");
    assertEquals(entry, scale.lowPc().getAsLong());
    assertEquals(nmAddress(bin, "main"), index.function("main").orElseThrow().lowPc().getAsLong());
    assertTrue(index.function("add").orElseThrow().inlinedOnly());
    assertEquals(cu, index.unitForPc(entry).orElseThrow());

    Map<String, Location> params = new TreeMap<>();
    DieCursor c = dwarf.cursorAt(scale.dieOffset());
    for (boolean more = c.nextDfs() && c.die().depth() == 1; more; more = c.nextSibling()) {
      Die d = c.die();
      d.attrString(DwAt.DW_AT_name).ifPresent(n -> d.location(DwAt.DW_AT_location).ifPresent(l -> params.put(n, l)));
    }
    assertEquals(new Location.Single(ByteBuffer.wrap(new byte[] {0x55})), params.get("p"), "DW_OP_reg5 (rdi)");
    assertEquals(Optional.of(ByteBuffer.wrap(new byte[] {0x54})), params.get("k").expressionAt(entry),
        "DW_OP_reg4 (rsi) at entry");

    long counter = index.variable("counter").orElseThrow();
    ByteBuffer addr = ByteBuffer.allocate(9).order(java.nio.ByteOrder.LITTLE_ENDIAN).put((byte) 0x03)
        .putLong(nmAddress(bin, "counter")).flip();
    assertEquals(new Location.Single(addr), dwarf.cursorAt(counter).die().location(DwAt.DW_AT_location).get());
    long point = index.type("point").orElseThrow();
    assertEquals(List.of("x@0", "y@4", "name@8"), new GoSample(bin, dwarf, Map.of()).children(point,
        d -> d.attrString(DwAt.DW_AT_name).orElse("") + "@" + d.attrUnsigned(DwAt.DW_AT_data_member_location, -1)));
  }

  @Test
  void splitDwarfSkeletonAndDwoAreReadable() throws IOException {
    int version = 5;
    Path bin = compile("-gdwarf-" + version, "-gsplit-dwarf");
    Dwarf skeleton = load(bin, "");
    Unit unit = skeleton.units().get(0);
    assertEquals(DwUt.DW_UT_skeleton, unit.unitType());
    assertTrue(unit.header().dwoId().isPresent());
    DieCursor root = unit.cursor();
    root.nextDfs();
    String dwoName = root.die().attrString(DwAt.DW_AT_dwo_name).orElseThrow();
    List<AddressRange> ranges = root.die().ranges();
    long scale = nmAddress(bin, "scale");
    assertTrue(ranges.stream().anyMatch(r -> r.contains(scale)), ranges.toString());
    assertEquals(unit, skeleton.index().unitForPc(scale).orElseThrow());

    Path dwo = dir.resolve(dwoName);
    Dwarf split = load(dwo, ".dwo"); // .debug_info.dwo, .debug_str_offsets.dwo, ...
    Unit splitUnit = split.units().get(0);
    assertEquals(DwUt.DW_UT_split_compile, splitUnit.unitType());
    assertEquals(unit.header().dwoId(), splitUnit.header().dwoId());
    // readelf 2.40 misreads split DWARF 5 strx names (it ignores the .debug_str_offsets header),
    // so compare with the same program built without -gsplit-dwarf: the trees must agree.
    assertEquals(tagsAndNames(load(compile("-gdwarf-" + version), "")), tagsAndNames(split));
  }
}
