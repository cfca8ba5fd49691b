package org.dlv4j.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.dwarf.internal.io.Decompressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed, truncated, corrupted and unsupported inputs: each must give a
 * {@link DebuggerException} subclass that names the file and place, never another exception,
 * a hang or a huge allocation.
 */
class ElfMalformedTest {
  private static final int E_SHOFF = 0x28;
  private static final int E_SHENTSIZE = 0x3a;
  private static final int E_SHNUM = 0x3c;
  private static final int E_SHSTRNDX = 0x3e;
  private static final int E_PHNUM = 0x38;
  private static final int SH_NAME = 0x00;
  private static final int SH_OFFSET = 0x18;
  private static final int SH_SIZE = 0x20;

  @TempDir Path tmp;

  private static ElfFile of(byte[] bytes) {
    return ElfFile.of(ByteBuffer.wrap(bytes), "bad.elf");
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Asserts that opening and reading everything fails with a BinaryFormatException. */
  private static BinaryFormatException assertBad(byte[] bytes) {
    return assertThrows(BinaryFormatException.class,
        () -> ElfSamples.touchAll(of(bytes)));
  }

  private static void assertMessage(BinaryFormatException e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
    }
  }

  @Test
  void missingFile() {
    Path missing = tmp.resolve("missing");
    BinaryNotFoundException e = assertThrows(BinaryNotFoundException.class,
        () -> ElfFile.open(missing));
    assertEquals(missing, e.path());
    assertTrue(e.getMessage().contains(missing.toString()));
  }

  @Test
  void directory() {
    BinaryIoException e = assertThrows(BinaryIoException.class, () -> ElfFile.open(tmp));
    assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
  }

  @Test
  void emptyFile() throws IOException {
    Path empty = Files.createFile(tmp.resolve("empty"));
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> ElfFile.open(empty));
    assertMessage(e, "not an ELF file", empty.toString());
  }

  @Test
  void textFile() throws IOException {
    Path text = Files.writeString(tmp.resolve("script.sh"), "#!/bin/sh\necho this is not ELF\n");
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> ElfFile.open(text));
    assertMessage(e, "no \\x7fELF magic", text.toString());
  }

  @Test
  void fileOver2GiBIsUnsupported() throws IOException {
    Path big = tmp.resolve("big");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength((1L << 31) + 1); // sparse: no disk space used
    }
    UnsupportedBinaryException e = assertThrows(UnsupportedBinaryException.class,
        () -> ElfFile.open(big));
    assertMessage(e, "over 2 GiB", big.toString());
  }

  @Test
  void elf32IsUnsupported() {
    byte[] b = ElfSamples.full().build();
    b[4] = 1; // ELFCLASS32
    UnsupportedBinaryException e = assertThrows(UnsupportedBinaryException.class, () -> of(b));
    assertMessage(e, "ELF32", "bad.elf", "at 0x4");
    byte[] small = new byte[52]; // a whole ELF32 header is shorter than an ELF64 one
    System.arraycopy(b, 0, small, 0, 16);
    assertThrows(UnsupportedBinaryException.class, () -> of(small));
  }

  @Test
  void bigEndianIsUnsupported() {
    byte[] b = ElfSamples.full().build();
    b[5] = 2; // ELFDATA2MSB
    assertMessage(assertThrows(UnsupportedBinaryException.class, () -> of(b)), "big-endian",
        "at 0x5");
  }

  @Test
  void invalidIdentification() {
    for (int[] edit : new int[][] {{4, 0}, {4, 3}, {5, 0}, {5, 9}, {6, 0}, {6, 2}}) {
      byte[] b = ElfSamples.full().build();
      b[edit[0]] = (byte) edit[1];
      BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> of(b));
      assertTrue(e.getClass() == BinaryFormatException.class, e.toString());
      assertEquals(edit[0], e.offset());
    }
  }

  @Test
  void truncatedAtEveryLength() {
    byte[] full = ElfSamples.full().build();
    for (int n = 0; n < full.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(full, n);
      // The section header table is last, so every proper prefix lacks part of it.
      BinaryFormatException e = assertBad(cut);
      assertTrue(e.where().startsWith("bad.elf"), e.where());
    }
  }

  @Test
  void everySingleBitFlipIsContained() {
    byte[] full = ElfSamples.full().build();
    int failures = 0;
    for (int i = 0; i < full.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] b = full.clone();
        b[i] ^= (byte) (1 << bit);
        try {
          ElfSamples.touchAll(of(b));
        } catch (DebuggerException expected) {
          failures++;
        }
      }
    }
    assertTrue(failures > 500, failures + " flips detected");
  }

  @Test
  void shoffOutsideFile() {
    byte[] b = ElfSamples.full().build();
    le(b).putLong(E_SHOFF, b.length - 10);
    assertMessage(assertBad(b), "section header 0", "outside");
    le(b).putLong(E_SHOFF, -64);
    assertBad(b);
    le(b).putLong(E_SHOFF, Long.MAX_VALUE);
    assertBad(b);
  }

  @Test
  void absurdSectionCounts() {
    byte[] b = ElfSamples.full().build();
    le(b).putShort(E_SHNUM, (short) 0xfffe);
    assertMessage(assertBad(b), "65534 section headers", "do not fit");
    ElfBuilder x = ElfSamples.full();
    byte[] ext = x.build();
    le(ext).putShort(E_SHNUM, (short) 0).putLong(x.shoff + SH_SIZE, Long.MAX_VALUE);
    assertMessage(assertBad(ext), "do not fit");
    le(ext).putLong(x.shoff + SH_SIZE, -1);
    assertBad(ext);
  }

  @Test
  void wrongEntrySizes() {
    byte[] b = ElfSamples.full().build();
    le(b).putShort(E_SHENTSIZE, (short) 40);
    assertMessage(assertBad(b), "e_shentsize 40", "at 0x3a");
    byte[] p = ElfSamples.full().build();
    le(p).putShort(0x36, (short) 32);
    assertMessage(assertBad(p), "e_phentsize 32");
    byte[] n = ElfSamples.full().build();
    le(n).putShort(E_PHNUM, (short) 0x7fff);
    assertMessage(assertBad(n), "program headers", "do not fit");
  }

  @Test
  void badNameTableIndex() {
    byte[] b = ElfSamples.full().build();
    le(b).putShort(E_SHSTRNDX, (short) 200);
    assertMessage(assertBad(b), "section name table index 200");
  }

  @Test
  void badSectionName() {
    ElfBuilder x = ElfSamples.full();
    byte[] b = x.build();
    int text = x.indexOf(".text");
    le(b).putInt(x.shoff + 64 * text + SH_NAME, 0x7fff0000);
    assertMessage(assertBad(b), "sh_name 0x7fff0000", "section header " + text);
  }

  @Test
  void sectionContentsOutsideFile() {
    ElfBuilder x = ElfSamples.full();
    int text = x.indexOf(".text");
    for (long[] edit : new long[][] {{SH_OFFSET, 1L << 40}, {SH_OFFSET, -1}, {SH_SIZE, 1L << 40},
        {SH_SIZE, -8}, {SH_SIZE, Integer.MAX_VALUE}}) {
      byte[] b = x.build();
      le(b).putLong(x.shoff + 64 * text + (int) edit[0], edit[1]);
      ElfFile elf = of(b);
      assertEquals(".text", elf.section(".text").orElseThrow().name(), "headers still read");
      BinaryFormatException e = assertThrows(BinaryFormatException.class,
          () -> elf.sectionData(".text"));
      assertMessage(e, "section " + text + " (.text)", "lie outside", "bad.elf");
    }
  }

  @Test
  void compressedSectionWithLyingSize() {
    int len = ElfSamples.INFO.length;
    assertMessage(badInfo(ElfBuilder.chdr(1, len + 1, ElfBuilder.zlib(ElfSamples.INFO))),
        "gave 0x34 bytes, header declared 0x35", "bad.elf .debug_info", "at 0x18");
    byte[] cut = ElfBuilder.zlib(ElfSamples.INFO);
    assertMessage(badInfo(ElfBuilder.chdr(1, len, java.util.Arrays.copyOf(cut, cut.length - 6))),
        "truncated after");
    assertMessage(badInfo(ElfBuilder.chdr(1, len - 1, ElfBuilder.zlib(ElfSamples.INFO))),
        "longer than the declared");
    assertMessage(badInfo(ElfBuilder.chdr(1, 1L << 40, ElfBuilder.zlib(ElfSamples.INFO))),
        "implausible");
    assertMessage(badInfo(ElfBuilder.chdr(1, -1, ElfBuilder.zlib(ElfSamples.INFO))), "implausible");
    assertMessage(badInfo(ElfBuilder.chdr(2, len + 1, ElfBuilder.zstd(ElfSamples.INFO))), "zstd");
    assertMessage(badInfo(ElfBuilder.chdr(2, len - 1, ElfBuilder.zstd(ElfSamples.INFO))), "zstd");
    assertMessage(badInfo(ElfBuilder.chdr(1, len, new byte[] {1, 2, 3, 4})), "corrupt zlib");
    assertMessage(badInfo(ElfBuilder.chdr(2, len, new byte[] {1, 2, 3, 4})), "corrupt zstd");
    assertMessage(badInfo(new byte[] {1, 0, 0}), "truncated", "compression header");
  }

  @Test
  void compressionRatioCap() {
    // 1 MiB of zeros deflates to ~1 KiB: within the cap; the same stream claiming 1 GiB is not.
    byte[] zeros = new byte[1 << 20];
    byte[] z = ElfBuilder.zlib(zeros);
    assertEquals(zeros.length, withInfo(ElfBuilder.chdr(1, zeros.length, z))
        .sectionData(".debug_info").orElseThrow().remaining());
    long tooMuch = (long) Decompressor.MAX_RATIO * z.length + 64 * 1024 + 1;
    assertMessage(badInfo(ElfBuilder.chdr(1, tooMuch, z)), "implausible");
  }

  @Test
  void unknownCompressionTypeIsUnsupported() {
    byte[] b = ElfBuilder.chdr(3, 4, new byte[4]);
    assertThrows(UnsupportedBinaryException.class,
        () -> withInfo(b).sectionData(".debug_info"));
  }

  @Test
  void legacySectionWithoutMagicOrWithLyingSize() {
    assertMessage(badLegacy(new byte[] {'Z', 'L', 'I', 'X', 0, 0, 0, 0, 0, 0, 0, 1}), "ZLIB header");
    assertMessage(badLegacy(new byte[] {'Z', 'L', 'I', 'B'}), "ZLIB header");
    assertMessage(badLegacy(ElfBuilder.zdebug(ElfSamples.ABBREV.length + 5,
        ElfBuilder.zlib(ElfSamples.ABBREV))), "header declared", ".zdebug_abbrev at 0xc");
    assertMessage(badLegacy(ElfBuilder.zdebug(Long.MIN_VALUE, ElfBuilder.zlib(ElfSamples.ABBREV))),
        "implausible");
  }

  @Test
  void lyingNoteSizes() {
    byte[] note = ElfBuilder.note("GNU", 3, ElfSamples.BUILD_ID);
    for (int field : new int[] {0, 4}) {
      byte[] bad = note.clone();
      le(bad).putInt(field, 0x7ffffff0);
      assertMessage(assertThrows(BinaryFormatException.class, () -> withNote(bad).notes()),
          "bad.elf .note.test");
    }
    byte[] shortNote = java.util.Arrays.copyOf(note, 10);
    assertMessage(assertThrows(BinaryFormatException.class, () -> withNote(shortNote).buildId()),
        "truncated note header");
  }

  @Test
  void unterminatedDebugLink() {
    ElfBuilder x = new ElfBuilder();
    x.section(".gnu_debuglink", Section.SHT_PROGBITS, 0, 0, new byte[] {'a', 'b', 'c', 'd'});
    assertMessage(assertThrows(BinaryFormatException.class,
        () -> of(x.build()).debugLink()), ".gnu_debuglink");
    ElfBuilder y = new ElfBuilder();
    y.section(".gnu_debuglink", Section.SHT_PROGBITS, 0, 0, new byte[] {'a', 0, 0, 0, 1});
    assertMessage(assertThrows(BinaryFormatException.class,
        () -> of(y.build()).debugLink()), "truncated");
  }

  @Test
  void badSymbolTables() {
    symtabEdit(s -> s.entsize = 16, "entry size 16");
    symtabEdit(s -> s.link = 99, "string table 99");
    symtabEdit(s -> s.link = 0, "string table 0");
    symtabEdit(s -> s.data = java.util.Arrays.copyOf(s.data, s.data.length - 1), "entries of 24");
    symtabEdit(s -> le(s.data).putInt(24, 0x10000), "name offset 0x10000");
  }

  private void symtabEdit(Consumer<ElfBuilder.Sec> edit, String message) {
    ElfBuilder x = ElfSamples.full();
    edit.accept(x.sections.get(x.indexOf(".symtab") - 1));
    BinaryFormatException e = assertThrows(BinaryFormatException.class,
        () -> of(x.build()).symbol("outer"));
    assertMessage(e, message, "bad.elf .symtab");
  }

  private static ElfFile withInfo(byte[] contents) {
    ElfBuilder x = new ElfBuilder();
    x.section(".debug_info", Section.SHT_PROGBITS, Section.SHF_COMPRESSED, 0, contents);
    return of(x.build());
  }

  private static BinaryFormatException badInfo(byte[] contents) {
    ElfFile elf = withInfo(contents);
    try {
      elf.sectionData(".debug_info");
    } catch (BinaryFormatException e) {
      assertTrue(e.where().startsWith("bad.elf .debug_info"), e.where());
      return e;
    }
    return fail("no exception");
  }

  private static BinaryFormatException badLegacy(byte[] contents) {
    ElfBuilder x = new ElfBuilder();
    x.section(".zdebug_abbrev", Section.SHT_PROGBITS, 0, 0, contents);
    return assertThrows(BinaryFormatException.class, () -> of(x.build()).sectionData(".debug_abbrev"));
  }

  private static ElfFile withNote(byte[] note) {
    ElfBuilder x = new ElfBuilder();
    x.section(".note.test", Section.SHT_NOTE, 0, 0, note).align = 4;
    return of(x.build());
  }
}
