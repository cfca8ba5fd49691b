package org.dlv4j.gort.pclntab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.internal.image.GoModules;

/**
 * The pclntab of a Go binary (Go 1.18 and later): its functions, their pc-to-line, pc-to-file,
 * stack-size and pcdata tables, its source files, and the inline trees that say which calls the
 * compiler inlined at a pc. It works without DWARF, so it serves stripped binaries too.
 *
 * <pre>{@code
 * Pclntab tab = Pclntab.read(elf);
 * PcLine row = new PcLine();
 * if (tab.lookup(pc, row)) {
 *   System.out.println(row.function() + " " + row.file() + ":" + row.line());
 * }
 * PcLocation loc = tab.location(pc).orElseThrow();   // with inlined frames
 * long[] pcs = tab.lineToPcs("/src/app/main.go", 42);
 * }</pre>
 *
 * <p>Parsing reads the header, the function table and the file table; everything else is read
 * from the (usually memory-mapped) buffer on demand. The buffer must not change afterwards.
 *
 * <p>Thread-safe: instances are immutable apart from caches that are filled idempotently.
 * Malformed data makes any method throw {@link BinaryFormatException} naming
 * {@code .gopclntab} and an offset in it; nothing it reads can make it loop, and it never
 * allocates in proportion to a count read from the table without checking that the table has
 * room for that many entries.
 */
public final class Pclntab {
  static final String WHERE = ".gopclntab";

  private final PcHeader header;
  private final ByteBuffer table;
  private final ByteCursor errors;
  private final long textStart;
  private final FuncTab funcs;
  private final PcValues values;
  private final Strings funcNames;
  private final FileTable files;
  private final InlineTrees inlineTrees;
  private final FuncCache cache;
  private volatile NameIndex nameIndex;
  private volatile FileLineIndex lineIndex;

  private Pclntab(ByteBuffer buf, long textStart, long gofunc, ImageMemory memory) {
    this.table = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
    this.errors = new ByteCursor(table, WHERE);
    this.header = PcHeader.parse(errors.duplicate());
    this.textStart = textStart;
    this.funcs = FuncTab.read(errors.duplicate(), table, header);
    this.values = new PcValues(table, errors, header);
    this.funcNames = new Strings(table, errors, header.funcnameOffset(), header.cuOffset(), "function name");
    this.files = FileTable.read(errors.duplicate(),
        new Strings(table, errors, header.filetabOffset(), header.pctabOffset(), "file name"), header);
    this.inlineTrees = new InlineTrees(this, gofunc, memory);
    this.cache = new FuncCache(this);
  }

  /**
   * Reads the pclntab of a Go ELF binary: finds {@code .gopclntab} (or
   * {@code .data.rel.ro.gopclntab}), and the module data that gives the text start and the base
   * of the inline trees, with or without a symbol table (see {@link #hasInlineTrees()} for the
   * rare binary where the module data cannot be found). The table keeps using the file's mapped
   * sections, which stay valid after the file is closed.
   *
   * <pre>{@code
   * try (ElfFile elf = ElfFile.open(Path.of("/usr/local/bin/app"))) {
   *   Pclntab tab = Pclntab.read(elf);
   * }
   * }</pre>
   *
   * @param elf an open ELF file
   * @return the table
   * @throws org.dlv4j.gort.NotAGoBinaryException if the file has no pclntab section
   * @throws BinaryFormatException if the pclntab is malformed or older than Go 1.18
   */
  public static Pclntab read(ElfFile elf) {
    return GoModules.pclntab(elf);
  }

  /**
   * Parses a pclntab without access to the rest of the binary: everything works except
   * inline trees ({@link #inlinedCalls(long)} then throws for pcs inside inlined code).
   *
   * @param table the contents of {@code .gopclntab}, from its position to its limit
   * @param textStart the address of the text the table describes: the {@code .text} section's
   *     address (or the {@code runtime.text} symbol's)
   * @return the table
   * @throws BinaryFormatException if the table is malformed or older than Go 1.18
   */
  public static Pclntab parse(ByteBuffer table, long textStart) {
    return new Pclntab(table, textStart, 0, null);
  }

  /**
   * Parses a pclntab with access to the binary's image, for inline trees.
   *
   * @param table the contents of {@code .gopclntab}, from its position to its limit
   * @param textStart the address of {@code .text} (or of the {@code runtime.text} symbol)
   * @param gofunc the value of {@code moduledata.gofunc}: the address of {@code go:func.*},
   *     to which funcdata offsets are relative
   * @param memory the binary's sections by address
   * @return the table
   * @throws BinaryFormatException if the table is malformed or older than Go 1.18
   */
  public static Pclntab parse(ByteBuffer table, long textStart, long gofunc, ImageMemory memory) {
    return new Pclntab(table, textStart, gofunc, Objects.requireNonNull(memory, "memory"));
  }

  /** {@return the table's layout, which tells Go 1.18/1.19 from 1.20+} */
  public PclntabFormat format() {
    return header.format();
  }

  /** {@return the pc quantum (minimum instruction size): 1 on amd64, 4 on arm64} */
  public int pcQuantum() {
    return header.quantum();
  }

  /** {@return the pointer size of the target: 4 or 8} */
  public int ptrSize() {
    return header.ptrSize();
  }

  /** {@return the text start address the table's offsets are relative to} */
  public long textStart() {
    return textStart;
  }

  /** {@return whether inline trees can be read (the binary's image was supplied)} */
  public boolean hasInlineTrees() {
    return inlineTrees.available();
  }

  /** {@return the number of functions} */
  public int functionCount() {
    return funcs.count();
  }

  /**
   * Returns function {@code index}, in ascending order of entry address.
   *
   * @param index the function's index, from 0 to {@code functionCount() - 1}
   * @return the function's record
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #functionCount()}
   * @throws BinaryFormatException if its record is malformed
   */
  public FuncInfo function(int index) {
    Objects.checkIndex(index, funcs.count());
    return FuncRecord.read(this, index);
  }

  /** {@return all functions in ascending order of entry address, as a list that reads each when asked} */
  public List<FuncInfo> functions() {
    return new FunctionList();
  }

  /**
   * Returns the index of the function containing {@code pc}. Allocation-free.
   *
   * @param pc an address
   * @return the index, or -1 if no function contains {@code pc}
   */
  public int funcIndex(long pc) {
    return funcs.indexOf(pc - textStart);
  }

  /**
   * Returns the function containing {@code pc}.
   *
   * @param pc an address
   * @return the function, or empty if none contains {@code pc}
   */
  public Optional<FuncInfo> funcForPc(long pc) {
    int i = funcIndex(pc);
    return i < 0 ? Optional.empty() : Optional.of(function(i));
  }

  /**
   * Returns the entry address of function {@code index}. Allocation-free.
   *
   * @param index a function index
   * @return the address of the function's first instruction
   * @throws ArrayIndexOutOfBoundsException if {@code index} is not below {@link #functionCount()}
   */
  public long entry(int index) {
    return textStart + funcs.entryOff(index);
  }

  /**
   * Returns the end address (the next function's entry) of function {@code index}.
   * Allocation-free.
   *
   * @param index a function index
   * @return the address just past the function
   * @throws ArrayIndexOutOfBoundsException if {@code index} is not below {@link #functionCount()}
   */
  public long end(int index) {
    return textStart + funcs.endOff(index);
  }

  /**
   * Returns the name of function {@code index}; decoded once, then shared.
   *
   * @param index a function index
   * @return the linker's symbol name of the function
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #functionCount()}
   * @throws BinaryFormatException if the name is malformed
   */
  public String name(int index) {
    Objects.checkIndex(index, funcs.count());
    return cache.name(index);
  }

  /**
   * Returns the function called {@code name} (the linker's symbol name, e.g.
   * {@code main.(*Point).Scale}); the one with the lowest entry if several share it. The first
   * call builds a hash index of all names (without decoding them).
   *
   * @param name a symbol name
   * @return the function, or empty if none has that name
   */
  public Optional<FuncInfo> functionNamed(String name) {
    NameIndex index = nameIndex;
    if (index == null) {
      index = NameIndex.build(funcNames, funcs);
      nameIndex = index;
    }
    int i = index.find(name);
    return i < 0 ? Optional.empty() : Optional.of(function(i));
  }

  /**
   * Finds the function, file and line of {@code pc} and stores them in {@code out}.
   * Allocation-free once the names involved have been decoded; this is the fast path for
   * symbolizing many pcs.
   *
   * @param pc an address
   * @param out where to store the result; reused across calls
   * @return whether a function contains {@code pc}; if not, {@code out} is cleared
   */
  public boolean lookup(long pc, PcLine out) {
    long off = pc - textStart;
    int i = funcs.indexOf(off);
    if (i < 0) {
      out.clear();
      return false;
    }
    if (!fill(i, off, out)) {
      out.file = "?";
      out.line = 0;
    }
    return true;
  }

  /**
   * Finds the function, file and line of {@code pc} exactly as Go's {@code debug/gosym}
   * package does, for tools that must print what {@code go tool addr2line} (and so pprof)
   * prints, byte for byte. It differs from {@link #lookup} only where the function's tables
   * say nothing: where they end before the function does (alignment padding after its code),
   * the file is {@code ""} and the line -1 rather than {@code "?"} and 0; and a table offset of
   * 0, which the runtime and {@link #lookup} read as "no table" (linker-made markers such as
   * {@code go:textfipsstart} have it), is decoded from the padding byte at the start of pctab
   * as debug/gosym does. A malformed table gives {@code ""} or -1 where debug/gosym recovers
   * from a panic. As fast as {@link #lookup} where the tables cover {@code pc}.
   *
   * @param pc an address
   * @param out where to store the result; reused across calls
   * @return whether a function contains {@code pc}; if not, {@code out} is cleared
   */
  public boolean lookupAsGosym(long pc, PcLine out) {
    long off = pc - textStart;
    int i = funcs.indexOf(off);
    if (i < 0) {
      out.clear();
      return false;
    }
    if (!fill(i, off, out)) {
      long entry = funcs.entryOff(i);
      int fileno = gosymValue(funcs.field(i, FuncTab.PCFILE), entry, off);
      int id = files.idOfAsGosym(funcs.field(i, FuncTab.CU_OFFSET), fileno);
      out.file = id < 0 ? "" : files.name(id);
      out.line = gosymValue(funcs.field(i, FuncTab.PCLN), entry, off);
    }
    return true;
  }

  /**
   * Returns the full source location of {@code pc}: function, file, line and inlined calls.
   *
   * @param pc an address
   * @return the location, or empty if no function contains {@code pc}
   * @throws IllegalStateException if calls are inlined at {@code pc} but the table was parsed
   *     without the binary's image
   */
  public Optional<PcLocation> location(long pc) {
    PcLine row = new PcLine();
    if (!lookup(pc, row)) {
      return Optional.empty();
    }
    return Optional.of(new PcLocation(pc, function(row.funcIndex), row.file, row.line, inlinedCalls(pc)));
  }

  /**
   * Returns the calls inlined at {@code pc}, innermost first (see {@link PcLocation}); empty
   * if none, or if no function contains {@code pc}.
   *
   * @param pc an address
   * @return the inlined calls, innermost first
   * @throws IllegalStateException if calls are inlined at {@code pc} but the table was parsed
   *     without the binary's image
   */
  public List<InlinedCall> inlinedCalls(long pc) {
    int i = funcIndex(pc);
    return i < 0 ? List.of() : inlineTrees.callsAt(i, pc - textStart);
  }

  /**
   * Returns the first pc of every range of instructions whose position is {@code file:line},
   * in ascending order: one per maximal run of consecutive instructions, in every function
   * (including code inlined from {@code file} into other functions). This is the pclntab's
   * answer to "where is this line?"; the smallest element is what {@code debug/gosym}'s
   * {@code LineToPC} returns.
   *
   * @param file a file name exactly as the binary records it (see {@link #sourceFiles()})
   * @param line a line number
   * @return the pcs, empty if the file is unknown or no code has that line
   */
  public long[] lineToPcs(String file, int line) {
    int id = files.idOf(file);
    return id < 0 ? new long[0] : lineIndex().pcsOf(id, line);
  }

  /** {@return the names of all source files the table mentions, in the table's order} */
  public List<String> sourceFiles() {
    return files.all();
  }

  /**
   * Returns the value of a pcvalue table of {@code fn} at {@code pc}: one of {@code fn.pcsp()},
   * {@code fn.pcfile()}, {@code fn.pcln()} or {@code fn.pcdataOffset(i)}.
   *
   * @param fn a function of this table
   * @param tableOffset the pctab offset of one of its tables
   * @param pc an address in the function
   * @return the value, or -1 if the table is absent (offset 0) or does not cover {@code pc}
   */
  public int pcValue(FuncInfo fn, int tableOffset, long pc) {
    return values.valueAt(tableOffset, fn.entry() - textStart, pc - textStart);
  }

  /**
   * Returns the frame size of {@code fn} at {@code pc}: the pcsp table.
   *
   * @param fn a function of this table
   * @param pc an address in the function
   * @return the bytes the function has allocated on the stack at {@code pc}, or -1 if unknown
   */
  public int spDelta(FuncInfo fn, long pc) {
    return pcValue(fn, fn.pcsp(), pc);
  }

  /**
   * Returns the value of a pcdata table of {@code fn} at {@code pc}.
   *
   * @param fn a function of this table
   * @param index the table's index, e.g. {@link FuncInfo#PCDATA_InlTreeIndex}
   * @param pc an address in the function
   * @return the value, or -1 if the function has no such table or it does not cover {@code pc}
   */
  public int pcData(FuncInfo fn, int index, long pc) {
    return pcValue(fn, fn.pcdataOffset(index), pc);
  }

  /**
   * Returns the source file of {@code fn} at {@code pc}: its pcfile value resolved through the
   * function's compilation unit.
   *
   * @param fn a function of this table
   * @param pc an address in the function
   * @return the file name, or empty if unknown
   */
  public Optional<String> file(FuncInfo fn, long pc) {
    int id = fileIdAt(fn.index(), fn.entry() - textStart, pc - textStart);
    return id < 0 ? Optional.empty() : Optional.of(files.name(id));
  }

  /**
   * Returns a cursor over the ranges of one pcvalue table of {@code fn}.
   *
   * @param fn a function of this table
   * @param tableOffset one of {@code fn.pcsp()}, {@code fn.pcfile()}, {@code fn.pcln()} or
   *     {@code fn.pcdataOffset(i)}; 0 gives a cursor with no ranges
   * @return a cursor before the first range
   */
  public PcValueCursor pcValues(FuncInfo fn, int tableOffset) {
    return cursor(tableOffset, fn.entry());
  }

  // ---- package-private helpers for the records, inline trees and line index ----

  ByteBuffer table() {
    return table;
  }

  ByteCursor errors() {
    return errors;
  }

  FuncTab funcs() {
    return funcs;
  }

  PcValues values() {
    return values;
  }

  Strings funcNames() {
    return funcNames;
  }

  FileTable files() {
    return files;
  }

  /** Returns the file id of function {@code i} at text offset {@code off}, or -1. */
  int fileIdAt(int i, long entryOff, long off) {
    int fileno = values.valueAt(funcs.field(i, FuncTab.PCFILE), entryOff, off);
    return fileno < 0 ? -1 : files.idOf(funcs.field(i, FuncTab.CU_OFFSET), fileno);
  }

  /** Returns a cursor over the table at pctab offset {@code tableOffset} for a function at {@code entry}. */
  PcValueCursor cursor(int tableOffset, long entry) {
    if (tableOffset == 0) {
      return PcValueCursor.empty(values, entry);
    }
    return new PcValueCursor(values, values.position(tableOffset), entry);
  }

  /**
   * Stores function {@code i} in {@code out}, with the file and line at text offset
   * {@code off} if its tables know them; returns whether they do.
   */
  private boolean fill(int i, long off, PcLine out) {
    out.tab = this;
    out.funcIndex = i;
    out.function = cache.name(i);
    long fileLine = cache.fileLine(i, off);
    if (fileLine == FuncCache.UNKNOWN) {
      return false;
    }
    out.file = files.name((int) fileLine);
    out.line = (int) (fileLine >>> 32);
    return true;
  }

  /** Returns a table's value as debug/gosym reads it, -1 where it would recover from a panic. */
  private int gosymValue(int tableOff, long entry, long off) {
    try {
      return values.valueAtAsGosym(tableOff, entry, off);
    } catch (BinaryFormatException e) {
      return PcValues.NONE;
    }
  }

  private FileLineIndex lineIndex() {
    FileLineIndex index = lineIndex;
    if (index == null) {
      index = FileLineIndex.build(this);
      lineIndex = index;
    }
    return index;
  }

  /** The functions as a list that reads each record when asked. */
  private final class FunctionList extends AbstractList<FuncInfo> implements RandomAccess {
    @Override
    public FuncInfo get(int index) {
      return function(index);
    }

    @Override
    public int size() {
      return functionCount();
    }
  }

  @Override
  public String toString() {
    return "Pclntab[" + header.format() + ", " + funcs.count() + " functions, " + files.count() + " files]";
  }
}
