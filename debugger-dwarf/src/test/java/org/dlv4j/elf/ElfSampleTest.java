package org.dlv4j.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte-exact tests of every structure ElfFile decodes, on hand-made files. */
class ElfSampleTest {
  private static ElfFile sample() {
    return ElfFile.of(ByteBuffer.wrap(ElfSamples.full().build()), "sample");
  }

  private static byte[] bytes(Optional<ByteBuffer> data) {
    ByteBuffer b = data.orElseThrow();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  @Test
  void headerFields() {
    ElfFile elf = sample();
    assertEquals(ElfFile.EM_X86_64, elf.machine());
    assertEquals(ElfFile.ET_EXEC, elf.type());
    assertEquals(0x401000L, elf.entry());
    assertEquals("sample", elf.name());
  }

  @Test
  void sectionsInOrderWithNames() {
    ElfFile elf = sample();
    List<String> names = elf.sections().stream().map(Section::name).toList();
    assertEquals(List.of("", ".note.gnu.build-id", ".note.go.buildid", ".text", ".bss",
        ".debug_info", ".debug_line", ".zdebug_abbrev", ".gnu_debuglink", ".symtab", ".strtab",
        ".shstrtab"), names);
    Section text = elf.section(".text").orElseThrow();
    assertEquals(3, text.index());
    assertEquals(0x401000L, text.address());
    assertEquals(ElfSamples.TEXT.length, text.size());
    assertEquals(16, text.addralign());
    assertArrayEquals(ElfSamples.TEXT, bytes(text.data()));
    assertEquals(Optional.empty(), elf.sectionData(".bss"));
    assertFalse(text.isCompressed());
  }

  @Test
  void zlibZstdAndLegacySectionsDecompressExactly() {
    ElfFile elf = sample();
    assertTrue(elf.section(".debug_info").orElseThrow().isCompressed());
    assertTrue(elf.section(".zdebug_abbrev").orElseThrow().isCompressed());
    assertArrayEquals(ElfSamples.INFO, bytes(elf.sectionData(".debug_info")));
    assertArrayEquals(ElfSamples.LINE, bytes(elf.sectionData(".debug_line")));
    assertArrayEquals(ElfSamples.ABBREV, bytes(elf.sectionData(".debug_abbrev")));
    assertArrayEquals(ElfSamples.ABBREV, bytes(elf.sectionData(".zdebug_abbrev")));
    ByteBuffer info = elf.sectionData(".debug_info").orElseThrow();
    assertEquals(ByteOrder.LITTLE_ENDIAN, info.order());
    assertTrue(info.isReadOnly());
  }

  @Test
  void notesAndBuildIds() {
    ElfFile elf = sample();
    assertEquals(2, elf.notes().size());
    Note gnu = elf.notes().get(0);
    assertEquals("GNU", gnu.owner());
    assertEquals(Note.NT_GNU_BUILD_ID, gnu.type());
    assertArrayEquals(ElfSamples.BUILD_ID, gnu.desc());
    assertEquals(Optional.of("0123456789abcdef0123456789abcdef01234567"), elf.buildId());
    assertEquals(Optional.of(ElfSamples.GO_BUILD_ID), elf.goBuildId());
    assertEquals(new Note("GNU", 3, ElfSamples.BUILD_ID), gnu);
  }

  @Test
  void debugLink() {
    assertEquals(Optional.of(new DebugLink("app.debug", 0xcafef00dL)), sample().debugLink());
  }

  @Test
  void symbolsByNameAndAddress() {
    ElfFile elf = sample();
    assertEquals(6, elf.symbols().size());
    assertEquals(Optional.of(new Symbol("outer", 0x401000, 32, Symbol.STT_FUNC, Symbol.STB_GLOBAL, 3)),
        elf.symbol("outer"));
    assertEquals("outer", elf.symbolAt(0x401000).orElseThrow().name());
    assertEquals("inner", elf.symbolAt(0x401004).orElseThrow().name());
    assertEquals("inner", elf.symbolAt(0x401007).orElseThrow().name());
    assertEquals("outer", elf.symbolAt(0x401008).orElseThrow().name(), "TLS symbols never match");
    assertEquals("outer", elf.symbolAt(0x40101f).orElseThrow().name());
    assertEquals(Optional.empty(), elf.symbolAt(0x401020));
    assertEquals("counter", elf.symbolAt(0x402007).orElseThrow().name());
    assertEquals(Optional.empty(), elf.symbolAt(0x4), "undefined symbols never match");
    assertEquals(Optional.empty(), elf.symbolAt(0x3fffff));
    assertTrue(elf.dynamicSymbols().isEmpty());
  }

  @Test
  void segments() {
    ElfBuilder b = ElfSamples.full();
    ElfFile elf = ElfFile.of(ByteBuffer.wrap(b.build()), "sample");
    int text = b.indexOf(".text");
    int note = b.indexOf(".note.gnu.build-id");
    int noteSize = ElfBuilder.note("GNU", 3, ElfSamples.BUILD_ID).length;
    assertEquals(List.of(
        new Segment(Segment.PT_LOAD, Segment.PF_R | Segment.PF_X, b.dataOffset[text], 0x401000,
            0x401000, ElfSamples.TEXT.length, ElfSamples.TEXT.length, 16),
        new Segment(Segment.PT_NOTE, Segment.PF_R, b.dataOffset[note], 0x400100, 0x400100,
            noteSize, noteSize, 4)), elf.segments());
    assertTrue(elf.segments().get(0).contains(0x401000 + ElfSamples.TEXT.length - 1));
    assertFalse(elf.segments().get(0).contains(0x401000 + ElfSamples.TEXT.length));
  }

  @Test
  void notesComeFromSegmentsWithoutSectionHeaders() {
    byte[] bytes = ElfSamples.full().build();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0x28, 0).putShort(0x3c, (short) 0)
        .putShort(0x3e, (short) 0);
    ElfFile elf = ElfFile.of(ByteBuffer.wrap(bytes), "no-sections");
    assertEquals(List.of(), elf.sections());
    assertEquals(Optional.empty(), elf.sectionData(".text"));
    assertEquals(Optional.of("0123456789abcdef0123456789abcdef01234567"), elf.buildId());
    assertEquals(1, elf.notes().size());
    assertEquals(List.of(), elf.symbols());
  }

  @Test
  void extendedSectionNumbering() {
    ElfBuilder b = ElfSamples.full();
    byte[] bytes = b.build();
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int count = buf.getShort(0x3c);
    int strndx = buf.getShort(0x3e);
    buf.putShort(0x3c, (short) 0).putShort(0x3e, (short) 0xffff);
    buf.putLong(b.shoff + 0x20, count).putInt(b.shoff + 0x28, strndx); // sh_size, sh_link of 0
    ElfFile elf = ElfFile.of(buf, "extended");
    assertEquals(count, elf.sections().size());
    assertEquals(".text", elf.sections().get(3).name());
  }

  @Test
  void elfFromBufferPositionIsRespected() {
    byte[] file = ElfSamples.full().build();
    ByteBuffer padded = ByteBuffer.allocate(file.length + 7);
    padded.position(7);
    padded.put(file).position(7);
    ElfFile elf = ElfFile.of(padded, "padded");
    assertArrayEquals(ElfSamples.TEXT, bytes(elf.sectionData(".text")));
  }

  @Test
  void noteWithEightByteAlignment() {
    ElfBuilder b = new ElfBuilder();
    // GNU property note: name "GNU\0" (4), desc 12 bytes padded to 16 in an 8-aligned section.
    ByteBuffer n = ByteBuffer.allocate(16 + 16).order(ByteOrder.LITTLE_ENDIAN);
    n.putInt(4).putInt(12).putInt(5).put("GNU\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(0xc0000002).putInt(4).putInt(3).putInt(0);
    byte[] two = new byte[64];
    System.arraycopy(n.array(), 0, two, 0, 32);
    System.arraycopy(n.array(), 0, two, 32, 32);
    b.section(".note.gnu.property", Section.SHT_NOTE, Section.SHF_ALLOC, 0, two).align = 8;
    ElfFile elf = ElfFile.of(ByteBuffer.wrap(b.build()), "prop");
    assertEquals(2, elf.notes().size());
    assertEquals(12, elf.notes().get(1).desc().length);
    assertEquals(5, elf.notes().get(1).type());
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "direct", "read-only", "big-endian-order"})
  void sameResultOverEveryBufferKind(String kind) {
    byte[] file = ElfSamples.full().build();
    ByteBuffer buf = switch (kind) {
      case "direct" -> ByteBuffer.allocateDirect(file.length).put(file).flip();
      case "read-only" -> ByteBuffer.wrap(file).asReadOnlyBuffer();
      case "big-endian-order" -> ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
      default -> ByteBuffer.wrap(file);
    };
    ElfFile elf = ElfFile.of(buf, kind);
    assertArrayEquals(ElfSamples.INFO, bytes(elf.sectionData(".debug_info")));
    assertArrayEquals(ElfSamples.TEXT, bytes(elf.sectionData(".text")));
    assertEquals(ByteOrder.LITTLE_ENDIAN, elf.sectionData(".text").orElseThrow().order());
    assertEquals("inner", elf.symbolAt(0x401005).orElseThrow().name());
    assertEquals(Optional.of(new DebugLink("app.debug", 0xcafef00dL)), elf.debugLink());
  }
}
