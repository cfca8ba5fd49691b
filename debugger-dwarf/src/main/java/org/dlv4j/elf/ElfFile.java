package org.dlv4j.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.KaitaiReader;
import org.dlv4j.dwarf.internal.ksy.Elf64Header;
import org.dlv4j.dwarf.internal.ksy.GnuDebuglink;

/**
 * A 64-bit little-endian ELF file (x86-64 or arm64 executables, shared objects, separate debug
 * files), memory-mapped and parsed lazily.
 *
 * <pre>{@code
 * try (ElfFile elf = ElfFile.open(Path.of("app"))) {
 *   if (elf.machine() == ElfFile.EM_X86_64) { ... }
 *   Optional<ByteBuffer> info = elf.sectionData(".debug_info");   // decompressed if needed
 *   Optional<Symbol> md = elf.symbol("runtime.firstmoduledata");
 * }
 * }</pre>
 *
 * <p>{@link #open} maps the file and checks only the 64-byte file header. The section header
 * table and its names are read on the first section lookup, symbols on the first symbol
 * lookup, program headers and notes on first use; each is read once. Section contents are
 * zero-copy read-only views of the mapping, except compressed sections, which are decompressed
 * once and cached.
 *
 * <p><b>Thread-safety:</b> all methods may be called from several threads at once. Buffers
 * returned are independent views (own position and limit) over shared, immutable bytes.
 *
 * <p><b>Lifetime:</b> {@link #close()} makes further calls throw {@link IllegalStateException}.
 * Buffers already returned stay valid: Java cannot unmap a mapping explicitly, so the mapping
 * is released when the last buffer over it becomes unreachable.
 *
 * <p><b>Untrusted input:</b> every offset, size and count read from the file is checked against
 * the file before it is used, and decompressed sizes are capped (at 1 GiB, and at 1032 times
 * the compressed size plus 64 KiB): a malformed file gives a
 * {@link BinaryFormatException} naming the file, structure and offset, never an unbounded
 * allocation, a hang or an unchecked exception of another kind.
 */
public final class ElfFile implements AutoCloseable {
  /** e_machine of x86-64. */
  public static final int EM_X86_64 = 62;
  /** e_machine of 64-bit Arm. */
  public static final int EM_AARCH64 = 183;
  /** e_type of relocatable object files. */
  public static final int ET_REL = 1;
  /** e_type of executables linked at a fixed address. */
  public static final int ET_EXEC = 2;
  /** e_type of shared objects and position-independent executables. */
  public static final int ET_DYN = 3;
  /** e_type of core dumps. */
  public static final int ET_CORE = 4;

  /** Name prefix of legacy GNU compressed debug sections ({@code "ZLIB"} + big-endian size). */
  static final String LEGACY_COMPRESSED_PREFIX = ".zdebug_";

  private static final int IDENT_SIZE = 16;
  private static final int HEADER_SIZE = 64;
  private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final int ELFCLASS32 = 1;
  private static final int ELFCLASS64 = 2;
  private static final int ELFDATA2LSB = 1;
  private static final int ELFDATA2MSB = 2;
  private static final int EV_CURRENT = 1;

  private final ByteBuffer file;
  private final String name;
  private final Elf64Header header;
  private final Map<Integer, ByteBuffer> decompressed = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private List<Section> sections;
  private Map<String, Section> sectionsByName;
  private List<Segment> segments;
  private SymbolTable symbols;
  private List<Note> notes;

  private ElfFile(ByteBuffer file, String name) {
    this.file = file;
    this.name = name;
    this.header = readHeader();
  }

  /**
   * Maps an ELF file and checks its header.
   *
   * @param path the file
   * @return the open file; close it to drop the mapping
   * @throws BinaryNotFoundException if there is no such file
   * @throws BinaryIoException if it is a directory or other non-regular file, or cannot be read
   * @throws UnsupportedBinaryException if it is ELF32, big-endian or larger than 2 GiB
   * @throws BinaryFormatException if it is not an ELF file or its header is malformed
   */
  public static ElfFile open(Path path) {
    Objects.requireNonNull(path, "path");
    try {
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        throw new BinaryIoException(path, attrs.isDirectory() ? "is a directory"
            : "not a regular file", null);
      }
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        long size = ch.size();
        if (size > Integer.MAX_VALUE) {
          throw new UnsupportedBinaryException("file of 0x" + Long.toHexString(size)
              + " bytes: files over 2 GiB are not supported", path.toString(), 0);
        }
        return new ElfFile(ch.map(FileChannel.MapMode.READ_ONLY, 0, size), path.toString());
      }
    } catch (NoSuchFileException e) {
      throw new BinaryNotFoundException(path, e);
    } catch (AccessDeniedException e) {
      throw new BinaryIoException(path, "permission denied", e);
    } catch (IOException e) {
      throw new BinaryIoException(path, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Reads an ELF file held in memory, e.g. one read from a process or built by a test.
   *
   * @param bytes the file, from its position to its limit; not copied, so it must not change
   * @param name the name used in error messages, e.g. {@code "/proc/42/exe"}
   * @return the file; {@link #close()} is optional
   * @throws UnsupportedBinaryException if it is ELF32 or big-endian
   * @throws BinaryFormatException if it is not an ELF file or its header is malformed
   */
  public static ElfFile of(ByteBuffer bytes, String name) {
    return new ElfFile(bytes.slice(), Objects.requireNonNull(name, "name"));
  }

  /** {@return the name used in error messages: the path given to {@link #open} or {@link #of}} */
  public String name() {
    return name;
  }

  /** {@return e_machine, e.g. {@link #EM_X86_64} or {@link #EM_AARCH64}} */
  public int machine() {
    return header.eMachine();
  }

  /** {@return e_type, e.g. {@link #ET_EXEC} or {@link #ET_DYN}} */
  public int type() {
    return header.eType();
  }

  /** {@return e_entry, the virtual address of the entry point (0 if none)} */
  public long entry() {
    return header.eEntry();
  }

  /** {@return the byte size of the file} */
  public int size() {
    return file.limit();
  }

  /**
   * Returns every section in header table order, index 0 (the null section) included.
   *
   * @return an immutable list, empty if the file has no section header table
   * @throws BinaryFormatException if the section header table or a name is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public synchronized List<Section> sections() {
    checkOpen();
    if (sections == null) {
      sections = SectionTable.read(this, file, header);
    }
    return sections;
  }

  /**
   * Returns the first section with the given name.
   *
   * @param sectionName e.g. {@code ".gopclntab"}
   * @return the section, or empty if there is none
   * @throws BinaryFormatException if the section header table or a name is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public synchronized Optional<Section> section(String sectionName) {
    if (sectionsByName == null) {
      Map<String, Section> map = new HashMap<>();
      for (Section s : sections()) {
        map.putIfAbsent(s.name(), s);
      }
      sectionsByName = map;
    }
    checkOpen();
    return Optional.ofNullable(sectionsByName.get(sectionName));
  }

  /**
   * Returns the contents of the named section, decompressed if needed. A {@code .debug_*}
   * name also finds the legacy compressed {@code .zdebug_*} section when there is no
   * {@code .debug_*} one.
   *
   * @param sectionName e.g. {@code ".debug_info"}
   * @return a read-only little-endian view, or empty if there is no such section or it is
   *     {@link Section#SHT_NOBITS}
   * @throws BinaryFormatException if the contents lie outside the file or do not decompress
   * @throws UnsupportedBinaryException if the compression type is unknown
   * @throws IllegalStateException if the file has been closed
   */
  public Optional<ByteBuffer> sectionData(String sectionName) {
    Optional<Section> s = section(sectionName);
    if (s.isEmpty() && sectionName.startsWith(".debug_")) {
      s = section(LEGACY_COMPRESSED_PREFIX + sectionName.substring(".debug_".length()));
    }
    return s.flatMap(this::sectionData);
  }

  /**
   * Returns the contents of a section of this file, decompressed if needed. The decompressed
   * bytes are cached, so only the first call pays for decompression.
   *
   * @param section a section obtained from this file
   * @return a read-only little-endian view, or empty for {@link Section#SHT_NOBITS}
   * @throws BinaryFormatException if the contents lie outside the file or do not decompress
   * @throws UnsupportedBinaryException if the compression type is unknown
   * @throws IllegalArgumentException if the section belongs to another file
   * @throws IllegalStateException if the file has been closed
   */
  public Optional<ByteBuffer> sectionData(Section section) {
    checkOpen();
    if (sections().size() <= section.index() || sections().get(section.index()) != section) {
      throw new IllegalArgumentException(section + " is not a section of " + name);
    }
    if (section.type() == Section.SHT_NOBITS) {
      return Optional.empty();
    }
    if (!section.isCompressed()) {
      return Optional.of(rawData(section));
    }
    ByteBuffer data = decompressed.computeIfAbsent(section.index(),
        i -> SectionDecompressor.decompress(section, rawData(section), name + " " + section.name()));
    return Optional.of(data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
  }

  /**
   * Returns the program headers in table order.
   *
   * @return an immutable list, empty if the file has none
   * @throws BinaryFormatException if the program header table is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public synchronized List<Segment> segments() {
    checkOpen();
    if (segments == null) {
      segments = SegmentTable.read(this, file, header);
    }
    return segments;
  }

  /**
   * Returns every symbol of {@code .symtab}, without the null entry 0, in table order.
   *
   * @return an immutable list, empty if the file has no {@code .symtab} (e.g. stripped)
   * @throws BinaryFormatException if a symbol table or its string table is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public List<Symbol> symbols() {
    return symbolTable().symtab();
  }

  /**
   * Returns every symbol of {@code .dynsym}, without the null entry 0, in table order.
   *
   * @return an immutable list, empty if the file has no {@code .dynsym}
   * @throws BinaryFormatException if a symbol table or its string table is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public List<Symbol> dynamicSymbols() {
    return symbolTable().dynsym();
  }

  /**
   * Returns the symbol with the given name, looked up in {@code .symtab} and then
   * {@code .dynsym}; of several with the same name, the first in its table.
   *
   * @param symbolName e.g. {@code "runtime.firstmoduledata"}
   * @return the symbol, or empty if neither table has it
   * @throws BinaryFormatException if a symbol table or its string table is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public Optional<Symbol> symbol(String symbolName) {
    return symbolTable().byName(symbolName);
  }

  /**
   * Returns the function, object or untyped symbol whose {@code [value, value + size)}
   * contains an address. Of nested symbols, the one that starts last (the innermost) wins.
   * Symbols of size 0, undefined symbols and TLS, file and section symbols never match.
   *
   * @param address a virtual address as the file states it (without any load bias)
   * @return the symbol, or empty if none covers the address
   * @throws BinaryFormatException if a symbol table or its string table is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public Optional<Symbol> symbolAt(long address) {
    return symbolTable().containing(address);
  }

  /**
   * Returns every note of every {@link Section#SHT_NOTE} section, or of every
   * {@link Segment#PT_NOTE} segment if the file has no section header table.
   *
   * @return an immutable list in file order
   * @throws BinaryFormatException if a note or the table holding it is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public synchronized List<Note> notes() {
    checkOpen();
    if (notes == null) {
      notes = NoteReader.read(this, file, sections(), segments());
    }
    return notes;
  }

  /**
   * Returns the GNU build ID ({@link Note#NT_GNU_BUILD_ID} note of owner {@code "GNU"}) as
   * lowercase hex. Go writes one with external linking, with {@code -ldflags=-B ...}, and by
   * default since Go 1.24 (derived from the Go build ID).
   *
   * @return e.g. {@code "b25c2e8ab2cda73316f7dd0e952e8272a9803882"}, or empty if there is none
   * @throws BinaryFormatException if the notes are malformed
   * @throws IllegalStateException if the file has been closed
   */
  public Optional<String> buildId() {
    return note("GNU", Note.NT_GNU_BUILD_ID).map(n -> HexFormat.of().formatHex(n.desc()));
  }

  /**
   * Returns the Go build ID ({@link Note#NT_GO_BUILD_ID} note of owner {@code "Go"}, in
   * {@code .note.go.buildid}), as {@code go tool buildid} prints it.
   *
   * @return e.g. {@code "1i0_jrFC8L-J6M41SRZP/mv8a40bgPVU_WHFasQM4/..."}, or empty if there is none
   * @throws BinaryFormatException if the notes are malformed
   * @throws IllegalStateException if the file has been closed
   */
  public Optional<String> goBuildId() {
    return note("Go", Note.NT_GO_BUILD_ID)
        .map(n -> new String(n.desc(), StandardCharsets.UTF_8));
  }

  /**
   * Returns the {@code .gnu_debuglink} section's file name and CRC-32, which name a separate
   * debug-info file (see {@link DebugFileLocator}).
   *
   * @return the link, or empty if the file has no {@code .gnu_debuglink} section
   * @throws BinaryFormatException if the section is malformed
   * @throws IllegalStateException if the file has been closed
   */
  public Optional<DebugLink> debugLink() {
    return section(".gnu_debuglink").flatMap(this::sectionData).map(data -> {
      GnuDebuglink link = KaitaiReader.parse(data, 0, data.limit(), name + " .gnu_debuglink",
          GnuDebuglink::new);
      return new DebugLink(link.fileName(), link.crc32());
    });
  }

  /** Marks this file closed; buffers already returned stay valid. Idempotent. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "ElfFile[" + name + "]";
  }

  /**
   * Returns the in-file contents of a section, bounds-checked, without decompressing.
   *
   * @throws BinaryFormatException if they lie outside the file
   */
  ByteBuffer rawData(Section s) {
    long off = s.offset();
    long size = s.size();
    if (off < 0 || size < 0 || off > file.limit() || size > file.limit() - off) {
      throw new BinaryFormatException("contents of section " + s.index() + " (" + s.name()
          + "), 0x" + Long.toHexString(size) + " bytes at 0x" + Long.toHexString(off)
          + ", lie outside the 0x" + Integer.toHexString(file.limit()) + "-byte file", name, off);
    }
    return file.slice((int) off, (int) size).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  private Optional<Note> note(String owner, int type) {
    return notes().stream().filter(n -> n.is(owner, type)).findFirst();
  }

  private synchronized SymbolTable symbolTable() {
    checkOpen();
    if (symbols == null) {
      symbols = SymbolTable.read(this, file, sections());
    }
    return symbols;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(name + " is closed");
    }
  }

  private Elf64Header readHeader() {
    if (file.limit() < IDENT_SIZE) {
      throw new BinaryFormatException("not an ELF file: only " + file.limit() + " bytes", name, 0);
    }
    Elf64Header.Ident ident = KaitaiReader.parse(file, 0, IDENT_SIZE, name + " e_ident",
        Elf64Header.Ident::new);
    if (!java.util.Arrays.equals(ident.magic(), MAGIC)) {
      throw new BinaryFormatException("not an ELF file: no \\x7fELF magic", name, 0);
    }
    if (ident.eiClass() == ELFCLASS32) {
      throw new UnsupportedBinaryException("ELF32 files are not supported", name, 4);
    }
    if (ident.eiClass() != ELFCLASS64) {
      throw new BinaryFormatException("unknown ELF class " + ident.eiClass(), name, 4);
    }
    if (ident.eiData() == ELFDATA2MSB) {
      throw new UnsupportedBinaryException("big-endian ELF files are not supported", name, 5);
    }
    if (ident.eiData() != ELFDATA2LSB) {
      throw new BinaryFormatException("unknown ELF data encoding " + ident.eiData(), name, 5);
    }
    if (ident.eiVersion() != EV_CURRENT) {
      throw new BinaryFormatException("unknown ELF version " + ident.eiVersion(), name, 6);
    }
    if (file.limit() < HEADER_SIZE) {
      throw new BinaryFormatException("truncated ELF header: only " + file.limit() + " bytes",
          name, 0);
    }
    return KaitaiReader.parse(file, 0, HEADER_SIZE, name + " ELF header", Elf64Header::new);
  }
}
