package org.dlv4j.gort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoAddr2line;
import org.dlv4j.junit.GoNm;

/** What the Go tools and binutils say about a binary, parsed: the references GoBinary is checked against. */
final class ToolOracle {
  /** One instruction as {@code go tool objdump} prints it. */
  record Instruction(String function, String baseFile, int line, long address, String asm) {
  }

  /** One row of {@code readelf --debug-dump=decodedline}; line -1 ends a sequence. */
  record Row(String file, int line, long address, boolean stmt) {
  }

  private static final Pattern TEXT = Pattern.compile("^TEXT (\\S+)\\(SB\\) .*$");
  private static final Pattern INSN =
      Pattern.compile("^\\s+(\\S+):(\\d+)\\s+0x([0-9a-f]+)\\s+[0-9a-f]+\\s+(.*?)\\s*$");
  private static final Pattern FILE = Pattern.compile("^(\\S+):$");
  private static final Pattern ROW =
      Pattern.compile("^(\\S+)\\s+(\\d+|-)\\s+0x([0-9a-f]+)(?:\\s+(x))?\\s*$");

  private ToolOracle() {
  }

  /** Returns the instructions of the functions whose names match {@code regex}, in address order. */
  static List<Instruction> objdump(Path binary, String regex) {
    List<Instruction> out = new ArrayList<>();
    String function = "";
    for (String line : GoTools.objdump(binary, regex).split("\n")) {
      Matcher t = TEXT.matcher(line);
      if (t.matches()) {
        function = t.group(1);
        continue;
      }
      Matcher m = INSN.matcher(line);
      if (m.matches()) {
        out.add(new Instruction(function, m.group(1), Integer.parseInt(m.group(2)),
            Long.parseUnsignedLong(m.group(3), 16), m.group(4)));
      }
    }
    return out;
  }

  /**
   * Returns every row of the DWARF line tables. readelf names each row's file by its base name
   * and, when a sequence starts, prints the full path above; a row gets that path if the base
   * names agree, else only its base name.
   */
  static List<Row> dwarfRows(Path binary) {
    List<Row> out = new ArrayList<>();
    String header = "";
    for (String line : GoTools.readelfDecodedLines(binary).split("\n")) {
      Matcher f = FILE.matcher(line);
      if (f.matches()) {
        header = f.group(1);
        continue;
      }
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        String base = m.group(1);
        String file = header.endsWith("/" + base) ? header : base;
        int number = m.group(2).equals("-") ? -1 : Integer.parseInt(m.group(2));
        out.add(new Row(file, number, Long.parseUnsignedLong(m.group(3), 16), m.group(4) != null));
      }
    }
    return out;
  }

  /** Returns the address of each symbol {@code go tool nm} lists (the first, if a name repeats). */
  static Map<String, Long> nm(Path binary) {
    Map<String, Long> out = new HashMap<>();
    for (GoNm.Symbol s : GoNm.symbols(binary)) {
      out.putIfAbsent(s.name(), s.address());
    }
    return out;
  }

  /** Returns {@code go tool addr2line}'s "file:line" of each pc. */
  static List<String> fileLines(Path binary, long[] pcs) {
    return GoAddr2line.positions(binary, pcs).stream().map(GoAddr2line.Position::fileLine).toList();
  }
}
