package org.dlv4j.gort.pclntab;

import static org.dlv4j.gort.pclntab.PclntabDecodeTest.GOFUNC;
import static org.dlv4j.gort.pclntab.PclntabDecodeTest.TEXT;
import static org.dlv4j.gort.pclntab.PclntabDecodeTest.TREE_OFF;
import static org.dlv4j.gort.pclntab.PclntabDecodeTest.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad tables end in a BinaryFormatException that names .gopclntab and the offset. */
class PclntabMalformedTest {
  private static final PclntabFormat F = PclntabFormat.GO120;

  @Test
  void truncatedHeader() {
    expect("truncated header", 0, () -> Pclntab.parse(ByteBuffer.wrap(new byte[7]), TEXT));
    expect("truncated: need 8 bytes, 4 left", 16, () -> Pclntab.parse(table().slice(0, 20), TEXT));
  }

  @Test
  void everyTruncationFailsCleanly() {
    ByteBuffer full = table();
    for (int len = 0; len < full.limit(); len++) {
      ByteBuffer cut = copy(full).slice(0, len);
      assertThrows(BinaryFormatException.class, () -> Exercise.all(Pclntab.parse(cut, TEXT), 100), "length " + len);
    }
  }

  @Test
  void magicNumbers() {
    expect("bad pclntab magic 0x12345678", 0, () -> Pclntab.parse(with(table(), 0, 0x12345678), TEXT));
    expect("unsupported Go version: pclntab magic 0xfffffffa is Go 1.16/1.17", 0,
        () -> Pclntab.parse(with(table(), 0, 0xfffffffa), TEXT));
    expect("unsupported Go version: pclntab magic 0xfffffffb is Go 1.2-1.15", 0,
        () -> Pclntab.parse(with(table(), 0, 0xfffffffb), TEXT));
    expect("big-endian", 0, () -> Pclntab.parse(with(table(), 0, 0xf1ffffff), TEXT));
    expect("unsupported Go version", 0, () -> PclntabFormat.of(with(table(), 0, 0xfffffffa)));
    assertTrue(PclntabFormat.isMagic(0xfffffff0) && PclntabFormat.isMagic(0xfffffff1));
    for (int unread : new int[] {0xfffffffa, 0xfffffffb, 0xf1ffffff, 0x12345678, 0}) {
      assertFalse(PclntabFormat.isMagic(unread), Integer.toHexString(unread));
    }
  }

  @Test
  void headerFields() {
    ByteBuffer t = table();
    t.put(4, (byte) 1);
    expect("nonzero header padding", 4, () -> Pclntab.parse(t, TEXT));
    ByteBuffer q = table();
    q.put(6, (byte) 3);
    expect("bad pc quantum 3", 6, () -> Pclntab.parse(q, TEXT));
    ByteBuffer ps = table();
    ps.put(7, (byte) 2);
    expect("bad pointer size 2", 7, () -> Pclntab.parse(ps, TEXT));
    expect("function count 1099511627776 does not fit", 8,
        () -> Pclntab.parse(withLong(table(), 8, 1L << 40), TEXT));
    expect("function count", 8, () -> Pclntab.parse(withLong(table(), 8, -1), TEXT));
    expect("file count 1000000 does not fit", 16, () -> Pclntab.parse(withLong(table(), 16, 1_000_000), TEXT));
    PclntabBuilder b = sample();
    ByteBuffer order = b.build();
    order.putLong(40, b.filetabOffset + 1); // cutab after filetab
    expect("out of order", 48, () -> Pclntab.parse(order, TEXT));
    expect("outside the table", 64, () -> Pclntab.parse(withLong(table(), 64, 1 << 20), TEXT));
  }

  @Test
  void functionTable() {
    PclntabBuilder b = sample();
    ByteBuffer unsorted = b.build();
    unsorted.putInt(b.pclnOffset, 0x28); // main.a after main.b
    expect("function table not sorted: entry 0x20 follows 0x28", b.pclnOffset + 8,
        () -> Pclntab.parse(unsorted, TEXT));
    ByteBuffer far = b.build();
    far.putInt(b.pclnOffset + 4, 0x7fff_0000);
    expect("outside the table", b.pclnOffset + 4, () -> Pclntab.parse(far, TEXT));
    ByteBuffer huge = b.build();
    huge.putInt(b.pclnOffset + 16, 0x9000_0000);
    expect("beyond 2 GiB", b.pclnOffset + 16, () -> Pclntab.parse(huge, TEXT));
  }

  @Test
  void funcRecords() {
    PclntabBuilder b = sample();
    int rec = b.funcOffsets.get(0);
    ByteBuffer entry = b.build();
    entry.putInt(rec, 4);
    expect("disagrees with the function table", rec, () -> Pclntab.parse(entry, TEXT).function(0));
    ByteBuffer name = b.build();
    name.putInt(rec + 4, 0x100000);
    expect("function name offset 0x100000 outside its region", b.funcnameOffset,
        () -> Pclntab.parse(name, TEXT).name(0));
    ByteBuffer unterminated = b.build();
    unterminated.put(b.cuOffset - 1, (byte) 'x');
    expect("unterminated function name", b.funcnameOffset + 7, () -> Pclntab.parse(unterminated, TEXT).name(1));
    ByteBuffer npcdata = b.build();
    npcdata.putInt(rec + 28, 0x4000_0000);
    expect("pcdata/funcdata arrays", rec + 28, () -> Pclntab.parse(npcdata, TEXT).function(0));
  }

  @Test
  void pcvalueTables() {
    PclntabBuilder b = sample();
    int rec = b.funcOffsets.get(0);
    ByteBuffer outside = b.build();
    outside.putInt(rec + 24, 0x7fff_0000);
    expect("pcvalue table offset 0x7fff0000 outside pctab", b.pctabOffset,
        () -> Pclntab.parse(outside, TEXT).lookup(TEXT, new PcLine()));
    // A table that never ends: (+1, +1) pairs up to the end of pctab.
    ByteBuffer endless = b.build();
    for (int i = b.pctabOffset + 1; i < b.pclnOffset; i++) {
      endless.put(i, (byte) 0x02);
    }
    expect("pcvalue table runs past the end of pctab", b.pclnOffset,
        () -> Pclntab.parse(endless, TEXT).lookup(TEXT, new PcLine()));
    ByteBuffer varint = b.build();
    for (int i = b.pctabOffset + 1; i < b.pclnOffset; i++) {
      varint.put(i, (byte) 0x80);
    }
    int line = b.pclnTableOffsets.get(0);
    expect("pcvalue varint longer than 5 bytes", b.pctabOffset + line,
        () -> Pclntab.parse(varint, TEXT).pcValue(Pclntab.parse(varint, TEXT).function(0), line, TEXT));
  }

  @Test
  void inlineTrees() {
    // index 1 at +4..+6 in the sample; records point the walk in a cycle, outside the function, or nowhere.
    int[][] cycle = {{-1, 0, 5, 0}, {0, 7, 5, 0}}; // record 1's parentPc (+5) has index 1 again
    expect("inline tree index 1 does not decrease from 1 (cycle)", -1, () -> walk(cycle, 64));
    int[][] outside = {{-1, 0, 1, 0}, {0, 7, 0x40, 0}};
    expect("inline tree parentPc 0x40 outside the function", -1, () -> walk(outside, 64));
    int[][] negative = {{-1, 0, 1, 0}, {0, 7, -3, 0}};
    expect("outside the function", -1, () -> walk(negative, 64));
    int[][] fine = {{-1, 0, 1, 0}, {0, 7, 3, 0}};
    expect("inline tree index 1 outside the section holding the tree", -1, () -> walk(fine, 20));
    expect("inline tree index 0 outside the section holding the tree", -1, () -> walk(fine, 12, 3));
    expect("function name offset", -1, () -> walk(new int[][] {{-1, 0, 1, 0}, {0, 0x7000, 3, 0}}, 64));
    Pclntab nowhere = Pclntab.parse(table(), TEXT, GOFUNC, address -> Optional.empty());
    expect("inline tree address 0x8100 is in no section", -1, () -> nowhere.inlinedCalls(TEXT + 0x25));
  }

  @Test
  void notAGoBinary() {
    try (ElfFile sh = ElfFile.open(Path.of("/bin/sh"))) {
      BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> Pclntab.read(sh));
      assertTrue(e.getMessage().startsWith("no .gopclntab section: not a Go binary in "), e.getMessage());
      BinaryFormatException b = assertThrows(BinaryFormatException.class, () -> BuildInfo.read(sh));
      assertTrue(b.getMessage().startsWith("no .go.buildinfo section: not a Go binary in "), b.getMessage());
    }
  }

  @Test
  void bitFlipsInARealTableFailCleanly() {
    ElfFile elf = ElfFile.open(Binaries.HELLO.path());
    ByteBuffer original = elf.sectionData(".gopclntab").orElseThrow();
    SplittableRandom random = new SplittableRandom(3);
    int failures = 0;
    for (int round = 0; round < 60; round++) {
      ByteBuffer t = copy(original);
      for (int k = 0; k < 1 + round % 5; k++) {
        // Bias flips towards the header and function table, where they matter most.
        int at = k == 0 ? random.nextInt(Math.min(t.limit(), 4096)) : random.nextInt(t.limit());
        t.put(at, (byte) (t.get(at) ^ (1 << random.nextInt(8))));
      }
      try {
        Exercise.all(Pclntab.parse(t, 0x401000), 300);
      } catch (BinaryFormatException e) {
        failures++;
        assertTrue(e.getMessage().contains(".gopclntab"), e.getMessage());
      }
    }
    assertTrue(failures > 0, "no flip was detected");
  }

  /** Walks the inline tree of the sample's main.b at +5 with these records (parent, nameOff, parentPc, startLine). */
  private static void walk(int[][] records, int treeBytes) {
    walk(records, treeBytes, 5);
  }

  /** Walks the inline tree of main.b at {@code +pcOff} (index 0 at +2..+4, 1 at +4..+6). */
  private static void walk(int[][] records, int treeBytes, int pcOff) {
    ByteBuffer tree = ByteBuffer.allocate(treeBytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < records.length && i * 16 + 16 <= treeBytes; i++) {
      tree.putInt(i * 16 + 4, records[i][1]).putInt(i * 16 + 8, records[i][2]);
    }
    Pclntab tab = Pclntab.parse(table(), TEXT, GOFUNC,
        a -> a == GOFUNC + TREE_OFF ? Optional.of(tree.duplicate()) : Optional.empty());
    tab.inlinedCalls(TEXT + 0x20 + pcOff);
  }

  /** Returns the sample's builder, built once so that its layout fields are set. */
  private static PclntabBuilder sample() {
    PclntabBuilder b = PclntabDecodeTest.sample(F);
    b.build();
    return b;
  }

  private static ByteBuffer table() {
    return sample().build();
  }

  private static void expect(String detail, long offset, Executable run) {
    BinaryFormatException e = assertThrows(BinaryFormatException.class, run);
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertEquals(".gopclntab", e.where());
    if (offset >= 0) {
      assertEquals(offset, e.offset(), e.getMessage());
    }
  }

  private static ByteBuffer with(ByteBuffer b, int at, int value) {
    return b.putInt(at, value);
  }

  private static ByteBuffer withLong(ByteBuffer b, int at, long value) {
    return b.putLong(at, value);
  }

  private static ByteBuffer copy(ByteBuffer b) {
    ByteBuffer c = ByteBuffer.allocate(b.limit()).order(ByteOrder.LITTLE_ENDIAN);
    c.put(b.duplicate().position(0));
    return c.flip();
  }
}
