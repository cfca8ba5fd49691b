package org.dlv4j.dwarf.line;

import static org.dlv4j.dwarf.line.LineHeaderTest.V2;
import static org.dlv4j.dwarf.line.LineHeaderTest.V5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.ByteBuilder;
import org.junit.jupiter.api.Test;

/** Malformed line programs: each must fail with a BinaryFormatException naming the place. */
class MalformedLineProgramTest {
  /** Reads every program and runs every row of {@code section}. */
  private static void readAll(byte[] section, ByteBuffer lineStr) {
    LineSections s = LineSections.of(ByteBuffer.wrap(section));
    if (lineStr != null) {
      s = s.withLineStr(lineStr);
    }
    LineRow.Mutable row = new LineRow.Mutable();
    for (LineProgram p : LineProgram.all(s, 8, "/cu")) {
      for (LineCursor c = p.cursor(); c.next(row); ) {
        // run to the end
      }
    }
  }

  private static void fails(byte[] section, String message, long offset) {
    BinaryFormatException e =
        assertThrows(BinaryFormatException.class, () -> readAll(section, null));
    assertEquals(message + " in .debug_line at 0x" + Long.toHexString(offset), e.getMessage());
    assertEquals(".debug_line", e.where());
    assertEquals(offset, e.offset());
  }

  private static byte[] withByte(byte[] b, int at, int value) {
    byte[] copy = b.clone();
    copy[at] = (byte) value;
    return copy;
  }

  private static byte[] withTables(Consumer<ByteBuilder> tables) {
    return new LineTableBuilder().tables(tables).setAddress(0).copy().advancePc(1).endSequence()
        .build();
  }

  @Test
  void everyTruncationFails() {
    for (byte[] unit : new byte[][] {V2, V5}) {
      for (int n = 1; n < unit.length; n++) {
        byte[] prefix = Arrays.copyOf(unit, n);
        assertThrows(BinaryFormatException.class, () -> readAll(prefix, null), "length " + n);
      }
    }
  }

  @Test
  void truncatedFixedPart() {
    fails(Arrays.copyOf(V2, 12), "truncated", 12);
  }

  @Test
  void unitLengthBeyondSection() {
    fails(withByte(V2, 0, 0x41), "unit_length 0x41 beyond the end of the section", 0);
  }

  @Test
  void reservedUnitLength() {
    byte[] b = V2.clone();
    b[0] = (byte) 0xf0;
    b[1] = b[2] = b[3] = (byte) 0xff;
    fails(b, "reserved unit_length 0xfffffff0", 0);
  }

  @Test
  void unitLengthShorterThanHeader() {
    byte[] b = Arrays.copyOf(withByte(V2, 0, 12), 68);
    fails(b, "line program header longer than its unit_length 0xc", 0);
  }

  @Test
  void unsupportedVersions() {
    fails(withByte(V2, 4, 1), "unsupported line table version 1", 4);
    fails(withByte(V2, 4, 6), "unsupported line table version 6", 4);
  }

  @Test
  void headerLengthBeyondUnit() {
    fails(new LineTableBuilder().headerLengthDelta(1000).build(),
        "header_length 0x415 does not fit the unit ending at 0x39", 0);
  }

  @Test
  void headerLengthShorterThanFixedPart() {
    fails(withByte(V2, 6, 2), "header_length 0x2 does not fit the unit ending at 0x44", 0);
  }

  @Test
  void zeroDivisorsAndBases() {
    fails(new LineTableBuilder().lineRange(0).build(), "line_range 0 in line program header", 0);
    fails(new LineTableBuilder().opcodeBase(0).build(), "opcode_base 0 in line program header", 0);
    fails(new LineTableBuilder().version(4).maxOps(0).build(),
        "maximum_operations_per_instruction 0 in line program header", 0);
  }

  @Test
  void badVersion5AddressSize() {
    fails(new LineTableBuilder().addressSize(3).build(),
        "unsupported address size 3 in line program header", 0);
  }

  /** The default builder's program starts at 0x39 (version 4: 0x26); tables at 0x1e. */
  @Test
  void absurdEntryCounts() {
    failsWithPrefix(withTables(t -> t.u8(1).uleb(1).uleb(0x08).uleb(0xffff_ffffL)),
        "0xffffffff line table entries in 0x", 0x21);
    failsWithPrefix(withTables(t -> t.u8(1).uleb(1).uleb(0x08).uleb(1).cstring("/d")
            .u8(1).uleb(1).uleb(0x08).uleb(Long.MAX_VALUE)),
        "0x7fffffffffffffff line table entries in 0x", 0x28);
  }

  private static void failsWithPrefix(byte[] section, String prefix, long offset) {
    BinaryFormatException e =
        assertThrows(BinaryFormatException.class, () -> readAll(section, null));
    assertEquals(prefix, e.getMessage().substring(0, prefix.length()));
    assertEquals(offset, e.offset());
  }

  @Test
  void entryFormatWithoutPath() {
    fails(withTables(t -> t.u8(1).uleb(2).uleb(0x0b).uleb(1).u8(0)),
        "line table entry format without DW_LNCT_path", 0x21);
  }

  @Test
  void formsThatTheTablesCannotUse() {
    fails(withTables(t -> t.u8(1).uleb(1).uleb(0x25)),
        "form 0x25 not supported for line table content type 0x1", 0x1f);
    fails(withTables(t -> t.u8(2).uleb(1).uleb(0x08).uleb(5).uleb(0x06)),
        "form 0x6 not supported for line table content type 0x5", 0x21);
    fails(withTables(t -> t.u8(1).uleb(0x2000).uleb(0x99)),
        "form 0x99 not supported for line table content type 0x2000", 0x1f);
  }

  @Test
  void lineStrpWithoutSection() {
    fails(withTables(t -> t.u8(1).uleb(1).uleb(0x1f).uleb(1).u32(0)),
        "string offset 0x0 but no .debug_line_str", 0x22);
  }

  @Test
  void lineStrpOutsideSection() {
    byte[] unit = withTables(t -> t.u8(1).uleb(1).uleb(0x1f).uleb(1).u32(99));
    BinaryFormatException e = assertThrows(BinaryFormatException.class,
        () -> readAll(unit, ByteBuffer.wrap(new byte[] {'a', 0})));
    assertEquals(".debug_line_str", e.where());
  }

  @Test
  void directoryIndexOutOfRange() {
    fails(withTables(t -> t.u8(1).uleb(1).uleb(0x08).uleb(1).cstring("/d")
            .u8(2).uleb(1).uleb(0x08).uleb(2).uleb(0x0f).uleb(1).cstring("f").uleb(1)),
        "file f in directory 1 of 1", 0x2b);
    fails(new LineTableBuilder().version(4).file("g", 3).build(), "file g in directory 3 of 1",
        0x25);
  }

  @Test
  void addressOverflow() {
    fails(new LineTableBuilder().setAddress(-16L).advancePc(32).copy().endSequence().build(),
        "address 0xfffffffffffffff0 + 0x20 overflows", 0x44);
    fails(new LineTableBuilder().minInst(4).setAddress(0).advancePc(Long.MAX_VALUE).build(),
        "address advance of 0x7fffffffffffffff instructions overflows", 0x44);
    fails(new LineTableBuilder().addressSize(4).setAddress(0xffff_fff0L).fixedAdvancePc(0x10)
        .build(), "address 0xfffffff0 + 0x10 overflows", 0x40);
    fails(new LineTableBuilder().setAddress(-2L).op(8).build(),
        "address 0xfffffffffffffffe + 0x11 overflows", 0x44);
  }

  @Test
  void lineOutOfRange() {
    fails(new LineTableBuilder().advanceLine(-2).build(), "line 1 advanced by -2 is out of range",
        0x39);
    fails(new LineTableBuilder().advanceLine(Long.MIN_VALUE).build(),
        "line 1 advanced by -9223372036854775808 is out of range", 0x39);
    fails(new LineTableBuilder().advanceLine(Integer.MAX_VALUE).build(),
        "line 1 advanced by 2147483647 is out of range", 0x39);
  }

  @Test
  void programWithoutEndSequence() {
    byte[] unit = new LineTableBuilder().setAddress(0).copy().advancePc(4).copy().build();
    fails(unit, "line program ends without DW_LNE_end_sequence", unit.length);
  }

  @Test
  void extendedOpcodeBeyondProgram() {
    byte[] unit = new LineTableBuilder().op(0, 0x10, 0x80).build();
    fails(unit, "extended opcode length 0x10 beyond the end of the line program", 0x39);
  }

  @Test
  void extendedOpcodeLongerThanItsLength() {
    fails(new LineTableBuilder().op(0, 1, 4, 0x85, 0x01).build(),
        "extended opcode 0x4 longer than its length 0x1", 0x39);
  }

  @Test
  void setAddressOfTheWrongSize() {
    fails(new LineTableBuilder().op(0, 5, 2, 0, 0, 0, 0).build(),
        "DW_LNE_set_address with a 4-byte operand, address size 8", 0x39);
  }

  @Test
  void rowsNamingMissingFiles() {
    fails(new LineTableBuilder().setFile(2).copy().build(),
        "row refers to file 2, which the file table lacks", 0x3b);
    fails(new LineTableBuilder().version(4).setFile(0).copy().build(),
        "row refers to file 0, which the file table lacks", 0x28);
  }

  @Test
  void defineFileInMissingDirectory() {
    fails(new LineTableBuilder().version(3).defineFile("x", 5, 0, 0).build(),
        "file x in directory 5 of 1", 0x25);
  }

  @Test
  void operandsTruncatedByTheUnitEnd() {
    byte[] unit = new LineTableBuilder().op(2, 0x80).build();
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> readAll(unit, null));
    assertEquals("truncated: need 1 bytes, 0 left in .debug_line at 0x"
        + Integer.toHexString(unit.length), e.getMessage());
  }

  /** Flips every bit of two units: each result decodes or fails cleanly, never otherwise. */
  @Test
  void everyBitFlipDecodesOrFailsCleanly() {
    for (byte[] unit : new byte[][] {V2, V5}) {
      for (int i = 0; i < unit.length; i++) {
        for (int bit = 0; bit < 8; bit++) {
          byte[] flipped = withByte(unit, i, unit[i] ^ (1 << bit));
          try {
            readAll(flipped, null);
          } catch (BinaryFormatException expected) {
            // a clean failure
          }
        }
      }
    }
  }
}
