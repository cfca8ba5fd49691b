package org.dlv4j.elf;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * One section of an {@link ElfFile}: its header fields and, on demand, its contents. Instances
 * are immutable and thread-safe; they belong to the file that made them, and {@link #data()}
 * needs that file to be open. 64-bit fields above 2^63 appear negative.
 */
public final class Section {
  /** Inactive header (index 0). */
  public static final int SHT_NULL = 0;
  /** Program-defined contents. */
  public static final int SHT_PROGBITS = 1;
  /** A full symbol table. */
  public static final int SHT_SYMTAB = 2;
  /** A string table. */
  public static final int SHT_STRTAB = 3;
  /** Notes. */
  public static final int SHT_NOTE = 7;
  /** Occupies no file space ({@code .bss}). */
  public static final int SHT_NOBITS = 8;
  /** The dynamic linking symbol table. */
  public static final int SHT_DYNSYM = 11;
  /** Writable at run time. */
  public static final long SHF_WRITE = 0x1;
  /** Occupies memory at run time. */
  public static final long SHF_ALLOC = 0x2;
  /** Executable instructions. */
  public static final long SHF_EXECINSTR = 0x4;
  /** Contents start with an {@code Elf64_Chdr} and are compressed. */
  public static final long SHF_COMPRESSED = 0x800;

  private final ElfFile file;
  private final int index;
  private final String name;
  private final int type;
  private final long flags;
  private final long address;
  private final long offset;
  private final long size;
  private final int link;
  private final int info;
  private final long addralign;
  private final long entsize;

  Section(ElfFile file, int index, String name, int type, long flags, long address, long offset,
      long size, int link, int info, long addralign, long entsize) {
    this.file = file;
    this.index = index;
    this.name = name;
    this.type = type;
    this.flags = flags;
    this.address = address;
    this.offset = offset;
    this.size = size;
    this.link = link;
    this.info = info;
    this.addralign = addralign;
    this.entsize = entsize;
  }

  /** {@return the index of this section in the section header table} */
  public int index() {
    return index;
  }

  /** {@return the section name, e.g. {@code ".text"}; empty if the file has no name table} */
  public String name() {
    return name;
  }

  /** {@return sh_type, e.g. {@link #SHT_PROGBITS}; unknown values are kept (read unsigned)} */
  public int type() {
    return type;
  }

  /** {@return sh_flags, e.g. {@link #SHF_ALLOC} | {@link #SHF_EXECINSTR}} */
  public long flags() {
    return flags;
  }

  /** {@return sh_addr, the virtual address of the first byte, or 0 if not loaded} */
  public long address() {
    return address;
  }

  /** {@return sh_offset, the file offset of the (possibly compressed) contents} */
  public long offset() {
    return offset;
  }

  /** {@return sh_size, the size in the file (compressed size if {@link #isCompressed()})} */
  public long size() {
    return size;
  }

  /** {@return sh_link, e.g. the string table of a symbol table} */
  public int link() {
    return link;
  }

  /** {@return sh_info, e.g. one past the last local symbol of a symbol table} */
  public int info() {
    return info;
  }

  /** {@return sh_addralign} */
  public long addralign() {
    return addralign;
  }

  /** {@return sh_entsize, the size of one entry for tables, else 0} */
  public long entsize() {
    return entsize;
  }

  /**
   * {@return whether the contents are compressed} They are if the {@link #SHF_COMPRESSED} flag
   * is set, or if the name starts with {@code .zdebug_} (the legacy GNU form).
   */
  public boolean isCompressed() {
    return (flags & SHF_COMPRESSED) != 0 || name.startsWith(ElfFile.LEGACY_COMPRESSED_PREFIX);
  }

  /**
   * Returns the section contents, decompressed if needed. Same as
   * {@link ElfFile#sectionData(Section)}.
   *
   * @return a read-only little-endian view, or empty for {@link #SHT_NOBITS} sections
   * @throws org.dlv4j.api.BinaryFormatException if the contents lie outside the file or do not
   *     decompress
   * @throws IllegalStateException if the file has been closed
   */
  public Optional<ByteBuffer> data() {
    return file.sectionData(this);
  }

  @Override
  public String toString() {
    return "Section[" + index + " " + name + " type=" + type + " addr=0x" + Long.toHexString(address)
        + " off=0x" + Long.toHexString(offset) + " size=0x" + Long.toHexString(size) + "]";
  }
}
