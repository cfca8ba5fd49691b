package org.dlv4j.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.Test;

/** ElfFile on real Go binaries, checked field by field against readelf and go tool nm. */
class ElfFileTest {
  /** {@code readelf -SW} section line: [Nr] Name Type Address Off Size ES Flg Lk Inf Al. */
  private static final Pattern READELF_SECTION = Pattern.compile(
      "^\\s*\\[\\s*(\\d+)]\\s+(\\S*)\\s+(\\S+)\\s+([0-9a-f]{16})\\s+([0-9a-f]+)\\s+([0-9a-f]+)"
          + "\\s+([0-9a-f]+)\\s+(\\S*)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");
  /** {@code readelf -lW} program header line. */
  private static final Pattern READELF_SEGMENT = Pattern.compile(
      "^\\s*(\\S+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)"
          + "\\s+0x([0-9a-f]+)\\s+([RWE ]+?)\\s+0x([0-9a-f]+)$");
  private static final Map<String, Integer> SECTION_TYPES = Map.of("NULL", 0, "PROGBITS", 1,
      "SYMTAB", 2, "STRTAB", 3, "NOTE", 7, "NOBITS", 8, "DYNSYM", 11);
  private static final Map<String, Integer> SEGMENT_TYPES = Map.of("LOAD", 1, "NOTE", 4, "PHDR", 6,
      "TLS", 7, "GNU_STACK", 0x6474e551, "GNU_RELRO", 0x6474e552, "INTERP", 3, "DYNAMIC", 2);

  @Test
  void headerMatchesReadelf() {
    Path hello = Tools.hello();
    try (ElfFile elf = ElfFile.open(hello)) {
      assertEquals(ElfFile.EM_X86_64, elf.machine());
      assertEquals(ElfFile.ET_EXEC, elf.type());
      String h = Command.output("readelf", "-hW", hello.toString());
      Matcher m = Pattern.compile("Entry point address:\\s+0x([0-9a-f]+)").matcher(h);
      assertTrue(m.find());
      assertEquals(Long.parseUnsignedLong(m.group(1), 16), elf.entry());
    }
  }

  @Test
  void sectionsMatchReadelf() {
    assertSectionsMatchReadelf(Tools.hello());
  }

  @Test
  void pieSectionsMatchReadelf() {
    Path pie = GoBuild.fixture("hello").flags("-buildmode=pie").build();
    try (ElfFile elf = ElfFile.open(pie)) {
      assertEquals(ElfFile.ET_DYN, elf.type());
      // An internally linked static PIE has a .dynsym holding only the null entry.
      assertEquals(Section.SHT_DYNSYM, elf.section(".dynsym").orElseThrow().type());
      assertTrue(elf.dynamicSymbols().isEmpty());
    }
    assertSectionsMatchReadelf(pie);
    assertSegmentsMatchReadelf(pie);
  }

  @Test
  void segmentsMatchReadelf() {
    assertSegmentsMatchReadelf(Tools.hello());
  }

  @Test
  void sectionLookupByName() {
    try (ElfFile elf = ElfFile.open(Tools.hello())) {
      Section text = elf.section(".text").orElseThrow();
      assertEquals(".text", text.name());
      assertEquals(Section.SHT_PROGBITS, text.type());
      assertEquals(Section.SHF_ALLOC | Section.SHF_EXECINSTR, text.flags());
      assertSame(text, elf.sections().get(text.index()));
      assertTrue(elf.section(".nope").isEmpty());
      assertTrue(elf.sectionData(".nope").isEmpty());
      ByteBuffer data = text.data().orElseThrow();
      assertTrue(data.isReadOnly());
      assertEquals(ByteOrder.LITTLE_ENDIAN, data.order());
      assertEquals(text.size(), data.remaining());
      assertTrue(elf.sectionData(".bss").isEmpty(), "NOBITS has no data");
    }
  }

  @Test
  void symbolsMatchGoNm() {
    Path hello = Tools.hello();
    Map<String, GoNm.Symbol> nm = Tools.goNm(hello);
    try (ElfFile elf = ElfFile.open(hello)) {
      for (String name : List.of("main.main", "main.greet", "runtime.main", "runtime.firstmoduledata",
          "runtime.text", "fmt.Println", "runtime.buildVersion")) {
        GoNm.Symbol want = nm.get(name);
        Symbol got = elf.symbol(name).orElseThrow(() -> new AssertionError(name));
        assertEquals(want.address(), got.value(), name);
        assertEquals(want.size(), got.size(), name);
      }
      assertEquals(Symbol.STT_FUNC, elf.symbol("main.main").orElseThrow().type());
      assertEquals(Symbol.STT_OBJECT, elf.symbol("runtime.firstmoduledata").orElseThrow().type());
      assertTrue(elf.symbol("no.such.symbol").isEmpty());
      assertEquals(countReadelfSymbols(hello) - 1, elf.symbols().size());
    }
  }

  @Test
  void symbolAtFindsContainingFunction() {
    Path hello = Tools.hello();
    Map<String, GoNm.Symbol> nm = Tools.goNm(hello);
    try (ElfFile elf = ElfFile.open(hello)) {
      GoNm.Symbol greet = nm.get("main.greet");
      for (long pc : new long[] {greet.address(), greet.address() + 1, greet.address() + greet.size() - 1}) {
        assertEquals("main.greet", elf.symbolAt(pc).orElseThrow().name());
      }
      assertNotEquals("main.greet", elf.symbolAt(greet.address() + greet.size())
          .map(Symbol::name).orElse(""));
      // runtime.text has size 0 and never matches; the first function at 0x401000 does.
      GoNm.Symbol first = nm.values().stream()
          .filter(e -> e.address() == 0x401000L && e.size() > 0).findFirst().orElseThrow();
      assertEquals(first.name(), elf.symbolAt(0x401000L).orElseThrow().name());
      assertTrue(elf.symbolAt(0).isEmpty());
      assertTrue(elf.symbolAt(-1).isEmpty());
    }
  }

  @Test
  void buildIdsMatchTools() {
    Path hello = Tools.hello();
    try (ElfFile elf = ElfFile.open(hello)) {
      Matcher m = Pattern.compile("Build ID: ([0-9a-f]+)")
          .matcher(Command.output("readelf", "-nW", hello.toString()));
      assertTrue(m.find());
      assertEquals(m.group(1), elf.buildId().orElseThrow());
      assertEquals(Command.output("go", "tool", "buildid", hello.toString()).trim(),
          elf.goBuildId().orElseThrow());
      assertEquals(2, elf.notes().size());
      assertTrue(elf.debugLink().isEmpty());
    }
  }

  @Test
  void goZlibSectionsEqualObjcopyDecompressed() {
    Path compressed = Tools.hello();
    Path plain = Tools.objcopy(compressed, compressed.resolveSibling("hello.decompressed"),
        "--decompress-debug-sections");
    try (ElfFile c = ElfFile.open(compressed); ElfFile p = ElfFile.open(plain)) {
      assertTrue(c.section(".debug_info").orElseThrow().isCompressed());
      assertFalse(p.section(".debug_info").orElseThrow().isCompressed());
      assertDebugSectionsEqual(p, c);
    }
  }

  @Test
  void uncompressedGoBuildEqualsObjcopyCompressed() {
    // Builds with and without -compressdwarf=false differ in their DWARF (the flag is recorded
    // in .go.buildinfo, which moves later data), so each form is compared with objcopy's.
    Path plain = GoBuild.fixture("hello").flags("-ldflags=-compressdwarf=false").build();
    Path zlib = Tools.objcopy(plain, plain.resolveSibling("hello.zlib"),
        "--compress-debug-sections=zlib");
    try (ElfFile p = ElfFile.open(plain); ElfFile z = ElfFile.open(zlib)) {
      assertFalse(p.section(".debug_info").orElseThrow().isCompressed());
      assertTrue(z.section(".debug_info").orElseThrow().isCompressed());
      assertEquals(1, chType(z, z.section(".debug_info").orElseThrow()), "ELFCOMPRESS_ZLIB");
      assertDebugSectionsEqual(p, z);
    }
  }

  @Test
  void zstdCompressedSectionsDecompress() {
    Path plain = GoBuild.fixture("hello").flags("-ldflags=-compressdwarf=false").build();
    Path zstd = Tools.objcopy(plain, plain.resolveSibling("hello.zstd"),
        "--compress-debug-sections=zstd");
    try (ElfFile p = ElfFile.open(plain); ElfFile z = ElfFile.open(zstd)) {
      Section info = z.section(".debug_info").orElseThrow();
      assertTrue(info.isCompressed());
      ByteBuffer raw = z.sectionData(".debug_info").orElseThrow();
      assertEquals(p.section(".debug_info").orElseThrow().size(), raw.remaining());
      assertEquals(2, chType(z, info), "ELFCOMPRESS_ZSTD");
      assertDebugSectionsEqual(p, z);
    }
  }

  @Test
  void legacyZdebugSectionsDecompress() {
    Path plain = GoBuild.fixture("hello").flags("-ldflags=-compressdwarf=false").build();
    Path gnu = Tools.objcopy(plain, plain.resolveSibling("hello.zdebug"),
        "--compress-debug-sections=zlib-gnu");
    try (ElfFile p = ElfFile.open(plain); ElfFile z = ElfFile.open(gnu)) {
      assertTrue(z.section(".debug_info").isEmpty());
      assertTrue(z.section(".zdebug_info").orElseThrow().isCompressed());
      assertDebugSectionsEqual(p, z);
    }
  }

  @Test
  void decompressedDataIsCachedAndIndependent() {
    try (ElfFile elf = ElfFile.open(Tools.hello())) {
      ByteBuffer a = elf.sectionData(".debug_info").orElseThrow();
      a.position(10);
      ByteBuffer b = elf.sectionData(".debug_info").orElseThrow();
      assertEquals(0, b.position());
      assertEquals(ByteOrder.LITTLE_ENDIAN, b.order());
      assertTrue(b.isReadOnly());
      assertEquals(a.capacity(), b.capacity());
    }
  }

  @Test
  void arm64CrossCompiledBinary() {
    Path arm = GoBuild.fixture("hello").env("GOARCH", "arm64").build();
    try (ElfFile elf = ElfFile.open(arm)) {
      assertEquals(ElfFile.EM_AARCH64, elf.machine());
      assertEquals(Tools.goNm(arm).get("main.main").address(),
          elf.symbol("main.main").orElseThrow().value());
      assertTrue(elf.sectionData(".debug_info").orElseThrow().remaining() > 0);
    }
    assertSectionsMatchReadelf(arm);
  }

  @Test
  void strippedBinaryHasNoSymbolsOrDwarf() {
    Path stripped = GoBuild.fixture("hello").flags("-ldflags=-s -w").build();
    try (ElfFile elf = ElfFile.open(stripped)) {
      assertTrue(elf.symbols().isEmpty());
      assertTrue(elf.symbol("main.main").isEmpty());
      assertTrue(elf.symbolAt(elf.entry()).isEmpty());
      assertTrue(elf.sectionData(".debug_info").isEmpty());
      assertTrue(elf.section(".gopclntab").isPresent());
      assertTrue(elf.goBuildId().isPresent());
    }
    assertSectionsMatchReadelf(stripped);
  }

  @Test
  void ofByteBufferReadsTheSameAsOpen() throws Exception {
    Path hello = Tools.hello();
    byte[] bytes = java.nio.file.Files.readAllBytes(hello);
    ElfFile heap = ElfFile.of(ByteBuffer.wrap(bytes), "heap");
    try (ElfFile mapped = ElfFile.open(hello)) {
      assertEquals(mapped.sections().size(), heap.sections().size());
      assertEquals(mapped.symbol("main.main"), heap.symbol("main.main"));
      assertEquals(mapped.sectionData(".debug_line"), heap.sectionData(".debug_line"));
    }
  }

  @Test
  void closedFileRefusesCallsButKeepsReturnedBuffers() {
    ElfFile elf = ElfFile.open(Tools.hello());
    ByteBuffer text = elf.sectionData(".text").orElseThrow();
    elf.close();
    assertThrows(IllegalStateException.class, elf::sections);
    assertThrows(IllegalStateException.class, () -> elf.section(".text"));
    assertThrows(IllegalStateException.class, () -> elf.symbol("main.main"));
    assertTrue(text.get(0) != 0 || text.get(1) != 0); // still readable
    elf.close();
  }

  @Test
  void sectionOfAnotherFileIsRejected() {
    try (ElfFile a = ElfFile.open(Tools.hello());
        ElfFile b = ElfFile.open(Tools.hello())) {
      Section text = a.section(".text").orElseThrow();
      assertThrows(IllegalArgumentException.class, () -> b.sectionData(text));
    }
  }

  private static int chType(ElfFile elf, Section s) {
    ByteBuffer raw = elf.rawData(s);
    return raw.getInt(0);
  }

  private static void assertDebugSectionsEqual(ElfFile expected, ElfFile actual) {
    int compared = 0;
    for (Section s : expected.sections()) {
      if (s.name().startsWith(".debug_")) {
        ByteBuffer want = s.data().orElseThrow();
        ByteBuffer got = actual.sectionData(s.name()).orElseThrow();
        assertEquals(want, got, s.name());
        compared++;
      }
    }
    assertTrue(compared >= 8, "compared " + compared + " .debug_* sections");
  }

  private static void assertSectionsMatchReadelf(Path binary) {
    List<String[]> rows = new ArrayList<>();
    for (String line : Command.output("readelf", "-SW", binary.toString()).split("\n")) {
      Matcher m = READELF_SECTION.matcher(line);
      if (m.matches()) {
        String[] row = new String[11];
        for (int i = 0; i < 11; i++) {
          row[i] = m.group(i + 1);
        }
        rows.add(row);
      }
    }
    try (ElfFile elf = ElfFile.open(binary)) {
      List<Section> sections = elf.sections();
      assertEquals(rows.size(), sections.size(), "section count of " + binary);
      for (String[] r : rows) {
        Section s = sections.get(Integer.parseInt(r[0]));
        assertEquals(r[1], s.name());
        Integer type = SECTION_TYPES.get(r[2]);
        if (type != null) {
          assertEquals(type, s.type(), s.name());
        }
        assertEquals(Long.parseUnsignedLong(r[3], 16), s.address(), s.name());
        assertEquals(Long.parseLong(r[4], 16), s.offset(), s.name());
        assertEquals(Long.parseLong(r[5], 16), s.size(), s.name());
        assertEquals(Long.parseLong(r[6], 16), s.entsize(), s.name());
        assertEquals(r[7].contains("C"), (s.flags() & Section.SHF_COMPRESSED) != 0, s.name());
        assertEquals(r[7].contains("X"), (s.flags() & Section.SHF_EXECINSTR) != 0, s.name());
        assertEquals(Integer.parseInt(r[8]), s.link(), s.name());
        assertEquals(Integer.parseInt(r[9]), s.info(), s.name());
        assertEquals(Long.parseLong(r[10]), s.addralign(), s.name());
      }
    }
  }

  private static void assertSegmentsMatchReadelf(Path binary) {
    List<Segment> want = new ArrayList<>();
    for (String line : Command.output("readelf", "-lW", binary.toString()).split("\n")) {
      Matcher m = READELF_SEGMENT.matcher(line);
      if (m.matches()) {
        assertTrue(SEGMENT_TYPES.containsKey(m.group(1)), "add readelf type " + m.group(1));
        String f = m.group(7);
        int flags = (f.contains("R") ? Segment.PF_R : 0) | (f.contains("W") ? Segment.PF_W : 0)
            | (f.contains("E") ? Segment.PF_X : 0);
        want.add(new Segment(SEGMENT_TYPES.get(m.group(1)), flags, Long.parseLong(m.group(2), 16),
            Long.parseUnsignedLong(m.group(3), 16), Long.parseUnsignedLong(m.group(4), 16),
            Long.parseLong(m.group(5), 16), Long.parseLong(m.group(6), 16),
            Long.parseLong(m.group(8), 16)));
      }
    }
    try (ElfFile elf = ElfFile.open(binary)) {
      assertEquals(want, elf.segments());
    }
  }

  private static int countReadelfSymbols(Path binary) {
    Matcher m = Pattern.compile("Symbol table '\\.symtab' contains (\\d+) entries")
        .matcher(Command.output("readelf", "-sW", binary.toString()));
    assertTrue(m.find());
    return Integer.parseInt(m.group(1));
  }

  @Test
  void buildIdNoteBytesAreExact() {
    try (ElfFile elf = ElfFile.open(Tools.hello())) {
      Note gnu = elf.notes().stream().filter(n -> n.is("GNU", Note.NT_GNU_BUILD_ID)).findFirst()
          .orElseThrow();
      assertEquals(20, gnu.desc().length);
      byte[] copy = gnu.desc();
      copy[0] ^= 1;
      assertArrayEquals(gnu.desc(), elf.notes().get(1).desc());
    }
  }
}
