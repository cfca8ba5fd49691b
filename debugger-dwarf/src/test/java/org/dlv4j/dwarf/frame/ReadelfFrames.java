package org.dlv4j.dwarf.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.junit.Command;

/**
 * Test-only parser of {@code readelf --debug-dump=frames-interp} and checker of our rows
 * against it: for each FDE, readelf prints one line per row with the CFA rule and a column per
 * register ("u" undefined, "s" same value, "c-8" saved at CFA-8, "v+0" value CFA+0, a register
 * name, "exp", "vexp"); "ra" is the return-address column.
 */
final class ReadelfFrames {
  private static final Pattern SECTION = Pattern.compile("^Contents of the (\\S+) section:");
  private static final Pattern FDE = Pattern.compile(
      "^([0-9a-f]+) [0-9a-f]+ [0-9a-f]+ FDE cie=[0-9a-f]+ pc=([0-9a-f]+)\\.\\.([0-9a-f]+)");
  private static final Pattern ROW = Pattern.compile("^([0-9a-f]{8,16}) (.*)$");

  /** One row as readelf prints it. */
  record Row(long loc, String cfa, List<String> rules) {
  }

  /** One FDE's table. */
  record Table(long offset, long start, long end, List<String> columns, List<Row> rows) {
  }

  /** DWARF register names readelf uses, by number, for one architecture. */
  static final List<String> AMD64 = amd64();
  static final List<String> ARM64 = arm64();

  private ReadelfFrames() {
  }

  private static List<String> amd64() {
    List<String> names = new ArrayList<>(List.of("rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp",
        "rsp"));
    for (int i = 8; i <= 15; i++) {
      names.add("r" + i);
    }
    names.add("rip");
    return names;
  }

  private static List<String> arm64() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= 30; i++) {
      names.add("x" + i);
    }
    names.add("sp");
    return names;
  }

  /** Runs readelf on {@code elf} and returns the FDE tables of each section by name. */
  static Map<String, List<Table>> read(Path elf) {
    Map<String, List<Table>> out = new HashMap<>();
    List<Table> current = null;
    Table table = null;
    for (String line : Command.output("readelf", "--debug-dump=frames-interp", elf.toString())
        .split("\n")) {
      Matcher m;
      if ((m = SECTION.matcher(line)).find()) {
        current = out.computeIfAbsent(m.group(1), k -> new ArrayList<>());
        table = null;
      } else if ((m = FDE.matcher(line)).find()) {
        table = new Table(Long.parseLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16),
            Long.parseUnsignedLong(m.group(3), 16), new ArrayList<>(), new ArrayList<>());
        current.add(table);
      } else if (line.isBlank() || line.contains(" CIE") || line.contains("ZERO terminator")) {
        table = null;
      } else if (table != null && line.trim().startsWith("LOC")) {
        String[] cols = line.trim().split("\\s+");
        table.columns().addAll(Arrays.asList(cols).subList(2, cols.length));
      } else if (table != null && (m = ROW.matcher(line)).find()) {
        String[] cells = m.group(2).trim().split("\\s+");
        table.rows().add(new Row(Long.parseUnsignedLong(m.group(1), 16), cells[0],
            Arrays.asList(cells).subList(1, cells.length)));
      }
    }
    return out;
  }

  /**
   * Checks every row of every FDE in {@code tables} against {@code cfi}: the row at its first
   * address and at the last address before the next row must print as readelf prints it.
   *
   * @return the number of rows checked
   */
  static int check(CallFrameInfo cfi, List<Table> tables, List<String> names) {
    UnwindContext ctx = new UnwindContext();
    int checked = 0;
    for (Table t : tables) {
      if (t.start() == t.end()) {
        continue;
      }
      assertEquals(t.offset(), cfi.fdeFor(t.start()).orElseThrow().offset(), "FDE of " + t);
      List<Row> rows = t.rows();
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        long next = i + 1 < rows.size() ? rows.get(i + 1).loc() : t.end();
        if (next == r.loc() || r.loc() >= t.end()) {
          continue; // a later row at the same address replaces this one
        }
        for (long pc : new long[] {r.loc(), Math.min(next, t.end()) - 1}) {
          assertTrue(cfi.rowAt(pc, ctx), "no row at 0x" + Long.toHexString(pc));
          assertRow(ctx.row(), t, r, names, pc);
          checked++;
        }
      }
    }
    return checked;
  }

  private static void assertRow(UnwindRow row, Table t, Row expected, List<String> names,
      long pc) {
    String where = "pc 0x" + Long.toHexString(pc) + " in FDE at 0x" + Long.toHexString(t.offset());
    assertEquals(expected.cfa(), render(row.cfa(), names), "CFA at " + where);
    for (int c = 0; c < t.columns().size(); c++) {
      String column = t.columns().get(c);
      int register = column.equals("ra") ? row.returnAddressRegister() : names.indexOf(column);
      assertTrue(register >= 0, "unknown register name " + column);
      assertEquals(expected.rules().get(c), render(row.rule(register), names),
          column + " at " + where);
    }
    for (int register : row.rules().keySet()) {
      String name = register == row.returnAddressRegister() ? "ra" : names.get(register);
      assertTrue(t.columns().contains(name), "rule for " + name + " not in readelf at " + where);
    }
  }

  static String render(CfaRule rule, List<String> names) {
    if (rule instanceof CfaRule.RegisterOffset r) {
      return names.get(r.register()) + String.format("%+d", r.offset());
    }
    return "exp";
  }

  static String render(RegisterRule rule, List<String> names) {
    if (rule instanceof RegisterRule.Undefined) {
      return "u";
    } else if (rule instanceof RegisterRule.SameValue) {
      return "s";
    } else if (rule instanceof RegisterRule.Offset o) {
      return String.format("c%+d", o.offset());
    } else if (rule instanceof RegisterRule.ValOffset v) {
      return String.format("v%+d", v.offset());
    } else if (rule instanceof RegisterRule.Register r) {
      return names.get(r.register());
    } else if (rule instanceof RegisterRule.Expression) {
      return "exp";
    } else if (rule instanceof RegisterRule.ValExpression) {
      return "vexp";
    }
    return "n/a";
  }
}
