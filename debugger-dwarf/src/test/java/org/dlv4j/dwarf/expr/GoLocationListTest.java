package org.dlv4j.dwarf.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * Real expressions: every location-list entry of an optimized Go binary's
 * {@code .debug_loclists} is evaluated, and its pieces must be those that
 * {@code readelf --debug-dump=loc}'s rendering of the same bytes describes. Go uses
 * DW_OP_reg*, fbreg, call_frame_cfa and piece.
 */
class GoLocationListTest {
  private static final Pattern ENTRY = Pattern.compile(
      "^\\s+([0-9a-f]{8}) [0-9a-f]{16} [0-9a-f]{16} \\((DW_OP.*?)\\)(?: \\(start == end\\))?$");
  private static final Pattern REG = Pattern.compile("DW_OP_reg(\\d+) \\(\\w+\\)");

  @Test
  void everyEntryMatchesReadelf() throws IOException, InterruptedException {
    Path bin = GoBuild.fixture("cfisample").optimized().build();
    ByteBuffer loclists = ElfFile.open(bin).sectionData(".debug_loclists").orElseThrow();
    ByteCursor section = new ByteCursor(loclists, ".debug_loclists");
    FakeTarget target = new FakeTarget();
    Evaluation ev = new Evaluation(Encoding.AMD64_DWARF5);
    int checked = 0;
    for (String line : readelf(bin)) {
      Matcher m = ENTRY.matcher(line);
      if (!m.find()) {
        continue;
      }
      Expression expr = expressionAt(section, Long.parseLong(m.group(1), 16));
      List<Piece> expected = describe(m.group(2));
      assertEquals(expected, target.run(ev, ev.evaluate(expr)).pieces(), line);
      checked++;
    }
    assertTrue(checked > 1000, checked + " entries");
  }

  /** Reads the expression of the DWARF 5 location-list entry at {@code offset}. */
  private static Expression expressionAt(ByteCursor section, long offset) {
    ByteCursor c = section.duplicate().seek(offset);
    int kind = c.u8();
    switch (kind) {
      case 2: case 3: case 4: c.uleb(); c.uleb(); break; // startx_endx, startx_length, pair
      case 7: c.u64(); c.u64(); break; // start_end
      case 8: c.u64(); c.uleb(); break; // start_length
      case 5: break; // default_location
      default: throw new AssertionError("DW_LLE kind " + kind + " has no expression");
    }
    return Expression.view(c.view(c.ulebInt()));
  }

  /** The pieces readelf's text describes, with FakeTarget's frame base and CFA. */
  private static List<Piece> describe(String ops) {
    List<Piece> pieces = new ArrayList<>();
    ValueLocation location = new ValueLocation.Empty();
    for (String op : ops.split("; ")) {
      Matcher reg = REG.matcher(op);
      if (reg.matches()) {
        location = new ValueLocation.Register(Integer.parseInt(reg.group(1)));
      } else if (op.startsWith("DW_OP_fbreg: ")) {
        location = new ValueLocation.Memory(0x7000 + Long.parseLong(op.substring(13)));
      } else if (op.equals("DW_OP_call_frame_cfa")) {
        location = new ValueLocation.Memory(0x8000);
      } else if (op.startsWith("DW_OP_piece: ")) {
        pieces.add(new Piece(location, OptionalLong.of(8 * Long.parseLong(op.substring(13))), 0));
        location = new ValueLocation.Empty();
      } else {
        throw new AssertionError("operation outside Go's set: " + op);
      }
    }
    return pieces.isEmpty() ? List.of(Piece.whole(location)) : pieces;
  }

  private static List<String> readelf(Path bin) {
    return Command.output("readelf", "--debug-dump=loc", bin.toString()).lines().toList();
  }
}
