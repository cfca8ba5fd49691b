package org.dlv4j.dwarf.line;

import static org.dlv4j.dwarf.ByteBuilder.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.dwarf.ByteBuilder;
import org.junit.jupiter.api.Test;

/** Byte-exact tests of line-program headers, versions 2 to 5, 32- and 64-bit. */
class LineHeaderTest {
  /** A version 2 unit written out byte by byte. */
  static final byte[] V2 = hex(""
      + "40 00 00 00"                          // unit_length
      + "02 00"                                // version
      + "28 00 00 00"                          // header_length
      + "01 01 fb 0e 0a"                       // min_inst, is_stmt, line_base -5, range 14, base 10
      + "00 01 01 01 01 00 00 00 01"           // standard_opcode_lengths
      + "2f 69 6e 63 00 00"                    // include_directories: "/inc", end
      + "61 2e 63 00 01 00 00"                 // "a.c" dir 1 mtime 0 size 0
      + "2f 61 62 73 2f 62 2e 68 00 00 05 06"  // "/abs/b.h" dir 0 mtime 5 size 6
      + "00"                                   // end of file_names
      + "00 09 02 00 10 00 00 00 00 00 00"     // DW_LNE_set_address 0x1000
      + "14"                                   // special 20: line += 5
      + "02 04 01"                             // advance_pc 4, copy
      + "00 01 01");                           // DW_LNE_end_sequence

  /** A version 5 unit written out byte by byte. */
  static final byte[] V5 = hex(""
      + "69 00 00 00 05 00 08 00"              // unit_length, version, address_size, seg_sel
      + "50 00 00 00"                          // header_length
      + "01 01 00 fb 0e 0d"                    // min_inst, max_ops, is_stmt 0, -5, 14, base 13
      + "00 01 01 01 01 00 00 00 01 00 00 01"  // standard_opcode_lengths
      + "01 01 08"                             // directory format: path string
      + "02 2f 63 75 00 73 75 62 00"           // 2 directories: "/cu", "sub"
      + "03 01 08 02 0b 05 1e"                 // file format: path string, dir data1, md5 data16
      + "02 6d 2e 63 00 00 000102030405060708090a0b0c0d0e0f"  // "m.c" dir 0
      + "68 2e 68 00 01 101112131415161718191a1b1c1d1e1f"     // "h.h" dir 1
      + "00 09 02 00 00 40 00 00 00 00 00"     // DW_LNE_set_address 0x400000
      + "0a 01"                                // prologue_end, copy
      + "21"                                   // special 33: address += 1, line += 1
      + "00 01 01");                           // DW_LNE_end_sequence

  static LineProgram read(byte[] section, String compDir) {
    return LineProgram.read(LineSections.of(ByteBuffer.wrap(section)), 0, 8, compDir);
  }

  static List<LineRow> rows(LineProgram program) {
    List<LineRow> rows = new ArrayList<>();
    LineRow.Mutable row = new LineRow.Mutable();
    for (LineCursor c = program.cursor(); c.next(row); ) {
      rows.add(row.toRow());
    }
    return rows;
  }

  static LineRow row(long address, int file, int line, boolean stmt, boolean end,
      boolean prologueEnd) {
    return new LineRow(address, 0, file, line, 0, stmt, false, end, prologueEnd, false, 0, 0);
  }

  @Test
  void version2HeaderByteByByte() {
    LineProgram p = read(V2, "/cu");
    assertEquals(2, p.version());
    assertFalse(p.dwarf64());
    assertEquals(0, p.offset());
    assertEquals(68, p.end());
    assertEquals(50, p.programOffset());
    assertEquals(8, p.addressSize());
    assertEquals(1, p.minimumInstructionLength());
    assertEquals(1, p.maximumOperationsPerInstruction());
    assertTrue(p.defaultIsStmt());
    assertEquals(-5, p.lineBase());
    assertEquals(14, p.lineRange());
    assertEquals(10, p.opcodeBase());
    int[] lengths = new int[9];
    for (int op = 1; op < 10; op++) {
      lengths[op - 1] = p.standardOpcodeLength(op);
    }
    assertEquals(List.of(0, 1, 1, 1, 1, 0, 0, 0, 1), List.of(box(lengths)));
    assertEquals(List.of("/cu", "/inc"), p.directories());
    assertEquals(1, p.firstFileIndex());
    assertEquals(List.of(
        new FileEntry("a.c", 1, "/inc/a.c", 0, 0, Optional.empty()),
        new FileEntry("/abs/b.h", 0, "/abs/b.h", 5, 6, Optional.empty())), p.files());
    assertEquals(Optional.empty(), p.file(0));
    assertEquals("/abs/b.h", p.file(2).orElseThrow().path());
    assertEquals(List.of(
        row(0x1000, 1, 6, true, false, false),
        row(0x1004, 1, 6, true, false, false),
        row(0x1004, 1, 6, true, true, false)), rows(p));
  }

  @Test
  void version5HeaderByteByByte() {
    LineProgram p = read(V5, "/ignored");
    assertEquals(5, p.version());
    assertEquals(109, p.end());
    assertEquals(92, p.programOffset());
    assertEquals(8, p.addressSize());
    assertFalse(p.defaultIsStmt());
    assertEquals(13, p.opcodeBase());
    assertEquals(1, p.standardOpcodeLength(12));
    assertEquals(List.of("/cu", "/cu/sub"), p.directories());
    assertEquals(0, p.firstFileIndex());
    assertEquals(List.of(
        new FileEntry("m.c", 0, "/cu/m.c", 0, 0,
            Optional.of("000102030405060708090a0b0c0d0e0f")),
        new FileEntry("h.h", 1, "/cu/sub/h.h", 0, 0,
            Optional.of("101112131415161718191a1b1c1d1e1f"))), p.files());
    assertEquals("/cu/m.c", p.file(0).orElseThrow().path());
    assertEquals(List.of(
        row(0x400000, 1, 1, false, false, true),
        row(0x400001, 1, 2, false, false, false),
        row(0x400001, 1, 2, false, true, false)), rows(p));
  }

  @Test
  void version3HasNoMaximumOperationsField() {
    LineProgram p = read(new LineTableBuilder().version(3).dir("inc").file("x.c", 1)
        .setAddress(0x10).copy().advancePc(1).endSequence().build(), "/cu");
    assertEquals(3, p.version());
    // 10 bytes of lengths and version, 5 fixed fields, 12 opcode lengths, "inc\0" + end,
    // "a.go\0" 0 0 0, "x.c\0" 1 0 0, end.
    assertEquals(10 + 5 + 12 + 5 + 8 + 7 + 1, p.programOffset());
    assertEquals(1, p.maximumOperationsPerInstruction());
    assertEquals(List.of("/cu", "/cu/inc"), p.directories());
    assertEquals("/cu/inc/x.c", p.file(2).orElseThrow().path());
    assertEquals("/cu/a.go", p.file(1).orElseThrow().path());
    assertEquals(2, rows(p).size());
  }

  @Test
  void version4With64BitFormat() {
    byte[] unit = new LineTableBuilder().version(4).dwarf64().maxOps(1)
        .setAddress(0x20).copy().advancePc(2).endSequence().build();
    LineProgram p = read(unit, "");
    assertTrue(p.dwarf64());
    assertEquals(4, p.version());
    assertEquals(unit.length, p.end());
    assertEquals(12 + 2 + 8 + 6 + 12 + 1 + 8 + 1, p.programOffset());
    assertEquals(List.of(""), p.directories());
    assertEquals("a.go", p.file(1).orElseThrow().path());
    assertEquals(List.of(row(0x20, 1, 1, true, false, false), row(0x22, 1, 1, true, true, false)),
        rows(p));
  }

  @Test
  void version5With64BitFormat() {
    byte[] unit = new LineTableBuilder().dwarf64().setAddress(0x20).copy().advancePc(2)
        .endSequence().build();
    LineProgram p = read(unit, "");
    assertTrue(p.dwarf64());
    assertEquals(12 + 2 + 2 + 8 + 6 + 12 + 3 + 1 + 5 + 5 + 1 + 6 + 6, p.programOffset());
    assertEquals("/src/b.go", p.file(1).orElseThrow().path());
    assertEquals(2, rows(p).size());
  }

  @Test
  void version2With64BitFormat() {
    byte[] unit = new LineTableBuilder().version(2).dwarf64().setAddress(0x20).copy()
        .advancePc(2).endSequence().build();
    LineProgram p = read(unit, "/c");
    assertTrue(p.dwarf64());
    assertEquals(12 + 2 + 8 + 5 + 12 + 1 + 8 + 1, p.programOffset());
    assertEquals("/c/a.go", p.file(1).orElseThrow().path());
  }

  @Test
  void fourByteAddressesInVersion5() {
    byte[] unit = new LineTableBuilder().addressSize(4).setAddress(0x8000_0000L).copy()
        .advancePc(4).endSequence().build();
    LineProgram p = read(unit, "");
    assertEquals(4, p.addressSize());
    assertEquals(0x8000_0004L, rows(p).get(1).address());
  }

  @Test
  void pathsFromLineStrAndStrSections() {
    ByteBuilder lineStr = new ByteBuilder().cstring("unused").cstring("/base").cstring("gen");
    ByteBuilder str = new ByteBuilder().cstring("z.go");
    for (boolean dwarf64 : new boolean[] {false, true}) {
      int size = dwarf64 ? 8 : 4;
      LineTableBuilder b = new LineTableBuilder().tables(t -> {
        t.u8(1).uleb(1).uleb(0x1f);                               // path line_strp
        t.u8(2).fixed(7, size).fixed(13, size);                   // "/base", "gen"
        t.u8(2).uleb(1).uleb(0x0e).uleb(2).uleb(0x0b);            // path strp, dir data1
        t.u8(1).fixed(0, size).u8(1);                             // "z.go" in "gen"
      });
      if (dwarf64) {
        b.dwarf64();
      }
      byte[] unit = b.setAddress(0).setFile(0).copy().advancePc(1).endSequence().build();
      LineSections sections = LineSections.of(ByteBuffer.wrap(unit))
          .withLineStr(lineStr.buffer()).withStr(str.buffer());
      LineProgram p = LineProgram.read(sections, 0, 8, "");
      assertEquals(List.of("/base", "/base/gen"), p.directories());
      assertEquals("/base/gen/z.go", p.file(0).orElseThrow().path());
    }
  }

  @Test
  void otherContentTypesAndFormsAreSkipped() {
    byte[] unit = new LineTableBuilder().tables(t -> {
      t.u8(2).uleb(0x2001).uleb(0x06).uleb(1).uleb(0x08);         // vendor data4, path string
      t.uleb(1).u32(0xdeadbeefL).cstring("/d");
      t.u8(6);                                                      // 6 fields per file:
      t.uleb(1).uleb(0x08).uleb(3).uleb(0x09).uleb(4).uleb(0x05);  // path, time block, size data2
      t.uleb(0x2002).uleb(0x0a).uleb(0x2003).uleb(0x0d).uleb(2).uleb(0x0f); // vendor block1, sdata
      t.uleb(2);
      t.cstring("f0").uleb(3).u8(1, 2, 3).u16(77).u8(2, 9, 9).sleb(-3).uleb(0);
      t.cstring("f1").uleb(0).u16(0x1234).u8(0).sleb(1).uleb(0);
    }).setAddress(0).copy().advancePc(1).endSequence().build();
    LineProgram p = read(unit, "");
    assertEquals(List.of("/d"), p.directories());
    assertEquals(new FileEntry("f0", 0, "/d/f0", 0, 77, Optional.empty()), p.file(0).orElseThrow());
    assertEquals(new FileEntry("f1", 0, "/d/f1", 0, 0x1234, Optional.empty()),
        p.file(1).orElseThrow());
  }

  @Test
  void timestampAndSizeInFixedForms() {
    byte[] unit = new LineTableBuilder().tables(t -> {
      t.u8(1).uleb(1).uleb(0x08).uleb(1).cstring("/d");
      t.u8(4).uleb(1).uleb(0x08).uleb(3).uleb(0x07).uleb(4).uleb(0x06).uleb(2).uleb(0x05);
      t.uleb(2);
      t.cstring("f0").u64(1_700_000_000L).u32(4096).u16(0);
      t.cstring("f1").u64(0).u32(1).u16(0);
    }).setAddress(0).copy().advancePc(1).endSequence().build();
    FileEntry f = read(unit, "").file(0).orElseThrow();
    assertEquals(1_700_000_000L, f.modificationTime());
    assertEquals(4096, f.size());
  }

  @Test
  void relativeCompilationDirectoryOfGo() {
    // Go writes comp_dir "." and directory 0 ".": relative names stay as they are.
    byte[] unit = new LineTableBuilder().tables(t -> {
      t.u8(1).uleb(1).uleb(0x08).uleb(2).cstring(".").cstring("/go/src/fmt");
      t.u8(2).uleb(1).uleb(0x08).uleb(2).uleb(0x0f);
      t.uleb(3).cstring("?").uleb(0).cstring("<autogenerated>").uleb(0).cstring("print.go").uleb(1);
    }).setAddress(0).copy().advancePc(1).endSequence().build();
    LineProgram p = read(unit, ".");
    assertEquals(List.of(".", "/go/src/fmt"), p.directories());
    assertEquals(List.of("?", "<autogenerated>", "/go/src/fmt/print.go"),
        p.files().stream().map(FileEntry::path).toList());
  }

  @Test
  void allReadsBackToBackPrograms() {
    byte[] second = new LineTableBuilder().dwarf64().setAddress(0x3000).copy().advancePc(8)
        .endSequence().build();
    byte[] section = LineTableBuilder.section(V2, second, V5);
    List<LineProgram> all = LineProgram.all(LineSections.of(ByteBuffer.wrap(section)), 8, "/cu");
    assertEquals(List.of(0L, 68L, 68L + second.length),
        all.stream().map(LineProgram::offset).toList());
    assertEquals(List.of(2, 5, 5), all.stream().map(LineProgram::version).toList());
    assertEquals(section.length, all.get(2).end());
    assertEquals(0x3008, rows(all.get(1)).get(1).address());
    assertEquals(0x400001, rows(all.get(2)).get(2).address());
    LineProgram third = LineProgram.read(LineSections.of(ByteBuffer.wrap(section)),
        68L + second.length, 8, "");
    assertEquals(rows(all.get(2)), rows(third));
  }

  @Test
  void sectionBufferPositionIsTheSectionStart() {
    byte[] padded = LineTableBuilder.section(new byte[] {9, 9, 9}, V2);
    ByteBuffer buf = ByteBuffer.wrap(padded).position(3);
    LineProgram p = LineProgram.read(LineSections.of(buf), 0, 8, "/cu");
    assertEquals(68, p.end());
    assertEquals(3, rows(p).size());
  }

  private static Integer[] box(int[] a) {
    Integer[] out = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }
}
