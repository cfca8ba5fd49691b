package org.dlv4j.elf;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Small hand-made ELF files exercising every structure ElfFile reads. */
final class ElfSamples {
  static final byte[] TEXT = HexFormat.of().parseHex("554889e5c3" + "90".repeat(27));
  static final byte[] INFO = "debug info bytes, debug info bytes, debug info bytes"
      .getBytes(StandardCharsets.US_ASCII);
  static final byte[] LINE = "line program line program line program".getBytes(StandardCharsets.US_ASCII);
  static final byte[] ABBREV = "abbrev abbrev abbrev abbrev".getBytes(StandardCharsets.US_ASCII);
  static final byte[] BUILD_ID = HexFormat.of().parseHex("0123456789abcdef0123456789abcdef01234567");
  static final String GO_BUILD_ID = "aaaa/bbbb/cccc/dddd";

  private ElfSamples() {}

  /**
   * Returns a builder for a file with .text, two notes (GNU build ID, Go build ID), zlib, zstd
   * and legacy compressed debug sections, .bss, .gnu_debuglink and a symbol table with nested
   * symbols, plus PT_LOAD and PT_NOTE program headers.
   */
  static ElfBuilder full() {
    ElfBuilder b = new ElfBuilder();
    b.section(".note.gnu.build-id", Section.SHT_NOTE, Section.SHF_ALLOC, 0x400100,
        ElfBuilder.note("GNU", Note.NT_GNU_BUILD_ID, BUILD_ID)).align = 4;
    b.section(".note.go.buildid", Section.SHT_NOTE, Section.SHF_ALLOC, 0x400200,
        ElfBuilder.note("Go", Note.NT_GO_BUILD_ID, GO_BUILD_ID.getBytes(StandardCharsets.US_ASCII)))
        .align = 4;
    b.section(".text", Section.SHT_PROGBITS, Section.SHF_ALLOC | Section.SHF_EXECINSTR, 0x401000,
        TEXT).align = 16;
    b.section(".bss", Section.SHT_NOBITS, Section.SHF_ALLOC | Section.SHF_WRITE, 0x402000,
        new byte[64]);
    b.section(".debug_info", Section.SHT_PROGBITS, Section.SHF_COMPRESSED, 0,
        ElfBuilder.chdr(1, INFO.length, ElfBuilder.zlib(INFO)));
    b.section(".debug_line", Section.SHT_PROGBITS, Section.SHF_COMPRESSED, 0,
        ElfBuilder.chdr(2, LINE.length, ElfBuilder.zstd(LINE)));
    b.section(".zdebug_abbrev", Section.SHT_PROGBITS, 0, 0,
        ElfBuilder.zdebug(ABBREV.length, ElfBuilder.zlib(ABBREV)));
    b.section(".gnu_debuglink", Section.SHT_PROGBITS, 0, 0,
        ElfBuilder.debugLink("app.debug", 0xcafef00d));
    b.symtab(
        new ElfBuilder.Sym("outer", 0x401000, 32, Symbol.STT_FUNC, Symbol.STB_GLOBAL, 3),
        new ElfBuilder.Sym("inner", 0x401004, 4, Symbol.STT_FUNC, Symbol.STB_LOCAL, 3),
        new ElfBuilder.Sym("marker", 0x401000, 0, Symbol.STT_NOTYPE, Symbol.STB_LOCAL, 3),
        new ElfBuilder.Sym("counter", 0x402000, 8, Symbol.STT_OBJECT, Symbol.STB_GLOBAL, 4),
        new ElfBuilder.Sym("tls", 0x401008, 8, Symbol.STT_TLS, Symbol.STB_GLOBAL, 3),
        new ElfBuilder.Sym("ext", 0, 8, Symbol.STT_FUNC, Symbol.STB_GLOBAL, Symbol.SHN_UNDEF));
    b.segment(Segment.PT_LOAD, Segment.PF_R | Segment.PF_X, ".text");
    b.segment(Segment.PT_NOTE, Segment.PF_R, ".note.gnu.build-id");
    return b;
  }

  /** Reads everything ElfFile offers, so that any latent parse error surfaces. */
  static void touchAll(ElfFile elf) {
    elf.machine();
    elf.type();
    elf.entry();
    for (Section s : elf.sections()) {
      s.isCompressed();
      elf.section(s.name());
      s.data().filter(java.nio.ByteBuffer::hasRemaining).ifPresent(d -> d.get(d.limit() - 1));
    }
    elf.sectionData(".debug_info");
    for (Segment p : elf.segments()) {
      p.contains(elf.entry());
    }
    for (Symbol y : elf.symbols()) {
      elf.symbol(y.name());
      elf.symbolAt(y.value());
    }
    elf.dynamicSymbols();
    elf.symbolAt(elf.entry());
    elf.notes();
    elf.buildId();
    elf.goBuildId();
    elf.debugLink();
  }
}
