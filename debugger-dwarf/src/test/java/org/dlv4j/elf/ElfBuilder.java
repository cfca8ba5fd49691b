package org.dlv4j.elf;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Builds small ELF64 little-endian files byte by byte for decoder tests and fuzz seeds. Layout:
 * file header, program headers, section contents (8-aligned), {@code .shstrtab}, section headers.
 * After {@link #build()}, {@link #shoff} and {@link #dataOffset} say where things went.
 */
final class ElfBuilder {
  /** One section to emit; fields are public to tweak before building. */
  static final class Sec {
    String name;
    int type;
    long flags;
    long addr;
    byte[] data;
    int link;
    int info;
    long entsize;
    long align = 1;

    Sec(String name, int type, long flags, long addr, byte[] data) {
      this.name = name;
      this.type = type;
      this.flags = flags;
      this.addr = addr;
      this.data = data;
    }
  }

  private record Seg(int type, int flags, String section) {}

  /** A symbol to put into {@code .symtab}. */
  record Sym(String name, long value, long size, int type, int bind, int shndx) {}

  int machine = ElfFile.EM_X86_64;
  int fileType = ElfFile.ET_EXEC;
  long entry = 0x401000L;
  final List<Sec> sections = new ArrayList<>();
  private final List<Seg> segments = new ArrayList<>();
  /** Where the section header table went, after {@link #build()}. */
  int shoff;
  /** Where each section's contents went (index = section index), after {@link #build()}. */
  int[] dataOffset;

  /** Adds a section; index 0 (the null section) is implicit, so the first added is index 1. */
  Sec section(String name, int type, long flags, long addr, byte[] data) {
    Sec s = new Sec(name, type, flags, addr, data);
    sections.add(s);
    return s;
  }

  /** Adds a program header covering the named section's contents. */
  ElfBuilder segment(int type, int flags, String section) {
    segments.add(new Seg(type, flags, section));
    return this;
  }

  /** Adds {@code .symtab} and its {@code .strtab} holding the null symbol and {@code syms}. */
  ElfBuilder symtab(Sym... syms) {
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    names.write(0);
    ByteBuffer entries = le(24 * (syms.length + 1));
    entries.position(24);
    for (Sym s : syms) {
      int nameOff = names.size();
      names.writeBytes(s.name().getBytes(StandardCharsets.UTF_8));
      names.write(0);
      entries.putInt(nameOff).put((byte) (s.bind() << 4 | s.type())).put((byte) 0)
          .putShort((short) s.shndx()).putLong(s.value()).putLong(s.size());
    }
    Sec symtab = section(".symtab", Section.SHT_SYMTAB, 0, 0, entries.array());
    symtab.entsize = 24;
    symtab.align = 8;
    symtab.info = 1;
    section(".strtab", Section.SHT_STRTAB, 0, 0, names.toByteArray());
    symtab.link = sections.size(); // index of .strtab (null section is 0)
    return this;
  }

  /** Returns the file's bytes. */
  byte[] build() {
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    names.write(0);
    int[] nameOff = new int[sections.size() + 2];
    for (int i = 0; i < sections.size(); i++) {
      nameOff[i + 1] = names.size();
      names.writeBytes(sections.get(i).name.getBytes(StandardCharsets.UTF_8));
      names.write(0);
    }
    int shstrndx = sections.size() + 1;
    nameOff[shstrndx] = names.size();
    names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.US_ASCII));
    byte[] shstrtab = names.toByteArray();

    int pos = 64 + 56 * segments.size();
    dataOffset = new int[shstrndx + 1];
    for (int i = 0; i < sections.size(); i++) {
      pos = align8(pos);
      dataOffset[i + 1] = pos;
      if (sections.get(i).type != Section.SHT_NOBITS) {
        pos += sections.get(i).data.length;
      }
    }
    dataOffset[shstrndx] = pos;
    pos = align8(pos + shstrtab.length);
    shoff = pos;
    int count = shstrndx + 1;
    ByteBuffer out = le(shoff + 64 * count);

    out.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
    out.putShort((short) fileType).putShort((short) machine).putInt(1).putLong(entry)
        .putLong(segments.isEmpty() ? 0 : 64).putLong(shoff).putInt(0).putShort((short) 64)
        .putShort((short) 56).putShort((short) segments.size()).putShort((short) 64)
        .putShort((short) count).putShort((short) shstrndx);
    for (Seg g : segments) {
      int i = indexOf(g.section());
      Sec s = sections.get(i - 1);
      out.putInt(g.type()).putInt(g.flags()).putLong(dataOffset[i]).putLong(s.addr).putLong(s.addr)
          .putLong(s.data.length).putLong(s.data.length).putLong(s.align);
    }
    for (int i = 0; i < sections.size(); i++) {
      Sec s = sections.get(i);
      if (s.type != Section.SHT_NOBITS) {
        out.put(dataOffset[i + 1], s.data);
      }
    }
    out.put(dataOffset[shstrndx], shstrtab);
    out.position(shoff + 64); // section 0 stays zero
    for (int i = 0; i < sections.size(); i++) {
      Sec s = sections.get(i);
      header(out, nameOff[i + 1], s.type, s.flags, s.addr, dataOffset[i + 1], s.data.length, s.link,
          s.info, s.align, s.entsize);
    }
    header(out, nameOff[shstrndx], Section.SHT_STRTAB, 0, 0, dataOffset[shstrndx], shstrtab.length,
        0, 0, 1, 0);
    return out.array();
  }

  /** Returns the index the named section will have. */
  int indexOf(String name) {
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i).name.equals(name)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** Returns a note entry with 4-byte padding. */
  static byte[] note(String owner, int type, byte[] desc) {
    byte[] name = (owner + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = le(12 + align4(name.length) + align4(desc.length));
    b.putInt(name.length).putInt(desc.length).putInt(type).put(name);
    b.position(12 + align4(name.length));
    b.put(desc);
    return b.array();
  }

  /** Returns {@code .gnu_debuglink} contents for a file name and CRC. */
  static byte[] debugLink(String file, int crc) {
    byte[] name = (file + "\0").getBytes(StandardCharsets.UTF_8);
    return le(align4(name.length) + 4).put(name).putInt(align4(name.length), crc).array();
  }

  /** Returns SHF_COMPRESSED contents: an Elf64_Chdr of {@code type}, then {@code stream}. */
  static byte[] chdr(int type, long size, byte[] stream) {
    return le(24 + stream.length).putInt(type).putInt(0).putLong(size).putLong(1).put(stream).array();
  }

  /** Returns legacy {@code .zdebug} contents: "ZLIB", big-endian size, zlib stream. */
  static byte[] zdebug(long size, byte[] stream) {
    return ByteBuffer.allocate(12 + stream.length).put("ZLIB".getBytes(StandardCharsets.US_ASCII))
        .putLong(size).put(stream).array();
  }

  /** Returns a zlib (RFC 1950) stream of {@code plain}. */
  static byte[] zlib(byte[] plain) {
    Deflater d = new Deflater();
    d.setInput(plain);
    d.finish();
    byte[] buf = new byte[plain.length + 64];
    int n = d.deflate(buf);
    d.end();
    return Arrays.copyOf(buf, n);
  }

  /** Returns a zstd frame of {@code plain}. */
  static byte[] zstd(byte[] plain) {
    ZstdCompressor c = new ZstdCompressor();
    byte[] buf = new byte[c.maxCompressedLength(plain.length)];
    int n = c.compress(plain, 0, plain.length, buf, 0, buf.length);
    return Arrays.copyOf(buf, n);
  }

  private static void header(ByteBuffer out, int name, int type, long flags, long addr, long offset,
      long size, int link, int info, long align, long entsize) {
    out.putInt(name).putInt(type).putLong(flags).putLong(addr).putLong(offset).putLong(size)
        .putInt(link).putInt(info).putLong(align).putLong(entsize);
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int align4(int n) {
    return (n + 3) & ~3;
  }

  private static int align8(int n) {
    return (n + 7) & ~7;
  }
}
