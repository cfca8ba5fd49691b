package org.dlv4j.dwarf.line;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;

/**
 * A build of testdata/linesample with its line programs and what external tools say about
 * it: every decoded row (readelf), the prologue_end rows (readelf's raw dump) and the symbols
 * (go tool nm). Built once per variant and shared by the tests.
 */
final class GoFixture {
  /** The builds the tests cover. */
  enum Variant {
    DWARF5(GoBuild.fixture("linesample"), 5),
    DWARF4(GoBuild.fixture("linesample").env("GOEXPERIMENT", "nodwarf5"), 2),
    ARM64(GoBuild.fixture("linesample").env("GOARCH", "arm64"), 5),
    OPTIMIZED(GoBuild.fixture("linesample").optimized(), 5);

    final GoBuild build;
    final int lineVersion;

    Variant(GoBuild build, int lineVersion) {
      this.build = build;
      this.lineVersion = lineVersion;
    }
  }

  /**
   * A row as readelf's decoded dump prints it: the file's name as the table stores it (its
   * headers are no reliable guide to the directory), line -1 for an end of sequence.
   */
  record Row(String name, int line, long address, boolean stmt) {}

  /** A text symbol of go tool nm. */
  record Symbol(long address, long size) {}

  private static final Map<Variant, GoFixture> CACHE = new ConcurrentHashMap<>();
  private static final Pattern ROW =
      Pattern.compile("^(\\S+)\\s+(\\d+|-)\\s+(0x[0-9a-f]+)(?:\\s+(x))?\\s*$");
  private static final Pattern TO_ADDRESS = Pattern.compile(" to (0x[0-9a-f]+)");

  final Path binary;
  final List<LineProgram> programs;
  final LineIndex index;
  final List<Row> readelfRows;
  final TreeSet<Long> readelfPrologueEnds;
  final Map<String, Symbol> symbols;

  private GoFixture(Variant v) {
    binary = v.build.build();
    ByteBuffer debugLine = Tools.debugLine(binary);
    programs = LineProgram.all(LineSections.of(debugLine), 8, ".");
    index = LineIndex.build(programs);
    readelfRows = decodedRows(Command.output("readelf", "--debug-dump=decodedline",
        binary.toString()));
    readelfPrologueEnds = prologueEnds(Command.output("readelf", "--debug-dump=rawline",
        binary.toString()));
    symbols = textSymbols(binary);
  }

  static GoFixture of(Variant v) {
    return CACHE.computeIfAbsent(v, GoFixture::new);
  }

  /** Returns the full path of a linesample source file, as the compiler recorded it. */
  static String source(String name) {
    return GoBuild.testdataRoot().resolve("linesample").resolve(name).toString();
  }

  /** Returns go tool addr2line's "file:line" for each pc. */
  List<String> addr2line(List<Long> pcs) {
    return Tools.addr2line(binary, pcs);
  }

  /** Parses the rows of readelf's decoded dump. */
  private static List<Row> decodedRows(String dump) {
    List<Row> rows = new ArrayList<>();
    for (String line : dump.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        int number = m.group(2).equals("-") ? -1 : Integer.parseInt(m.group(2));
        rows.add(new Row(m.group(1), number, Long.parseUnsignedLong(m.group(3).substring(2), 16),
            m.group(4) != null));
      }
    }
    return rows;
  }

  /**
   * Follows readelf's raw dump of the opcodes: after "Set prologue_end", the next row appended
   * (by a special opcode or "Copy") is a prologue end.
   */
  private static TreeSet<Long> prologueEnds(String dump) {
    TreeSet<Long> out = new TreeSet<>();
    long address = 0;
    boolean pending = false;
    for (String line : dump.split("\n")) {
      String op = line.replaceFirst("^\\s*\\[0x[0-9a-f]+\\]\\s+", "");
      Matcher m = TO_ADDRESS.matcher(op);
      if ((op.contains("Address") || op.startsWith("Advance PC")) && m.find()) {
        address = Long.parseUnsignedLong(m.group(1).substring(2), 16);
      }
      if (op.startsWith("Set prologue_end")) {
        pending = true;
      } else if (op.startsWith("Special opcode") || op.startsWith("Copy")) {
        if (pending) {
          out.add(address);
        }
        pending = false;
      } else if (op.startsWith("Extended opcode 1:")) {
        pending = false;
      }
    }
    return out;
  }

  private static Map<String, Symbol> textSymbols(Path binary) {
    Map<String, Symbol> out = new HashMap<>();
    for (GoNm.Symbol s : GoNm.symbols(binary)) {
      if (s.type() == 'T' || s.type() == 't') {
        out.put(s.name(), new Symbol(s.address(), s.size()));
      }
    }
    return out;
  }
}
