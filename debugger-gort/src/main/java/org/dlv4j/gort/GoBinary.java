package org.dlv4j.gort;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.api.LocationNotFoundException;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.dwarf.line.LineIndex;
import org.dlv4j.dwarf.line.LineLocation;
import org.dlv4j.elf.BinaryIoException;
import org.dlv4j.elf.BinaryNotFoundException;
import org.dlv4j.elf.DebugFileLocator;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.UnsupportedBinaryException;
import org.dlv4j.gort.internal.binary.DebugInfo;
import org.dlv4j.gort.internal.binary.Lazy;
import org.dlv4j.gort.internal.binary.LineRows;
import org.dlv4j.gort.internal.binary.Prologue;
import org.dlv4j.gort.internal.binary.SourceFiles;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.PcLine;
import org.dlv4j.gort.pclntab.PcLocation;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * A Go executable on disk and what can be known about it without running it (Delve's
 * {@code BinaryInfo}): functions, source lines and inlined calls from the pclntab, which every
 * Go binary carries, even a stripped one; and types and package variables from DWARF, when the
 * binary has it or a separate debug file is found.
 *
 * <pre>{@code
 * try (GoBinary bin = GoBinary.open(Path.of("app"))) {
 *   PcLocation loc = bin.pcToLocation(0x4a1b2c).orElseThrow();
 *   System.out.println(loc.function().name() + " " + loc.file() + ":" + loc.line());
 *   long[] pcs = bin.lineToPCs("main.go", 42);                 // full path or unique suffix
 *   FuncInfo main = bin.function("main.main").orElseThrow();
 *   long bp = bin.firstPcAfterPrologue(main);
 *   Optional<TypeInfo> point = bin.type("main.Point");          // empty without DWARF
 * }
 * }</pre>
 *
 * <p><b>Laziness.</b> {@link #open} maps the file and reads the pclntab's header, function
 * table and file table (a few milliseconds for a 20 MB binary); it fails fast on files that are
 * not Go binaries. Everything else is read on first use: build information, the separate debug
 * file, the DWARF line index (first {@link #lineToPCs} or {@link #firstPcAfterPrologue} on a
 * binary with DWARF) and the DWARF name index (first {@link #type} or
 * {@link #packageVariable}).
 *
 * <p><b>DWARF.</b> DWARF is optional. Without it the pclntab still answers every pc, line and
 * function question; {@link #type} and {@link #packageVariable} return empty,
 * {@link #hasDebugInfo()} is false and {@link #requireDwarf()} throws
 * {@link NoDebugInfoException}. DWARF comes from the binary's own {@code .debug_*} sections
 * or, if it has none, from a separate debug file the {@link DebugFileLocator} finds by GNU build
 * ID or {@code .gnu_debuglink}.
 *
 * <p><b>Thread-safety and lifetime.</b> All methods may be called from any number of threads at
 * once; lazily built indexes are built once. {@link #close()} releases the files; afterwards
 * every method throws {@link IllegalStateException}. Records returned earlier stay valid.
 * Addresses are link-time addresses, as the binary states them; a position-independent
 * executable adds its load bias at run time.
 */
public final class GoBinary implements AutoCloseable {
  private final Path path;
  private final ElfFile elf;
  private final Arch arch;
  private final Pclntab pclntab;
  private final DebugFileLocator locator;
  private final Lazy<Optional<BuildInfo>> buildInfo;
  private final Lazy<Optional<DebugInfo>> debugInfo;
  private final Lazy<SourceFiles> sources;
  private volatile boolean closed;

  private GoBinary(Path path, ElfFile elf, DebugFileLocator locator) {
    this.path = path;
    this.elf = elf;
    this.locator = locator;
    this.pclntab = Pclntab.read(elf); // first: a C program is "not a Go binary", whatever its machine
    this.arch = Arch.forElfMachine(elf.machine()).orElseThrow(() -> new UnsupportedBinaryException(
        "unsupported machine " + elf.machine() + " (dlv4j reads amd64 and arm64 Go binaries)", elf.name(), 18));
    this.buildInfo = Lazy.of(() -> elf.section(".go.buildinfo").isPresent()
        ? Optional.of(BuildInfo.read(elf)) : Optional.empty());
    this.debugInfo = Lazy.of(() -> DebugInfo.find(path, elf, locator));
    this.sources = Lazy.of(() -> new SourceFiles(pclntab.sourceFiles()));
  }

  /**
   * Opens a Go binary, looking for separate debug information, if it has no DWARF of its own,
   * in {@link DebugFileLocator#DEFAULT_DIRECTORY} and next to the binary.
   *
   * @param path the executable
   * @return the open binary; close it to release the file
   * @throws BinaryNotFoundException if there is no such file
   * @throws BinaryIoException if it cannot be read
   * @throws NotAGoBinaryException if it is an ELF file but not a Go program
   * @throws UnsupportedBinaryException if it is a Go binary for another machine than amd64 and
   *     arm64, ELF32 or big-endian
   * @throws BinaryFormatException if it is not an ELF file, or its pclntab is malformed or older
   *     than Go 1.18
   */
  public static GoBinary open(Path path) {
    return open(path, new DebugFileLocator());
  }

  /**
   * Opens a Go binary, looking for separate debug information with {@code locator} if it has
   * no DWARF of its own.
   *
   * <pre>{@code
   * GoBinary bin = GoBinary.open(exe, new DebugFileLocator(List.of(Path.of("/srv/debug"))));
   * }</pre>
   *
   * @param path the executable
   * @param locator finds a separate debug file by build ID or {@code .gnu_debuglink}
   * @return the open binary; close it to release the file
   * @throws BinaryNotFoundException if there is no such file
   * @throws BinaryIoException if it cannot be read
   * @throws NotAGoBinaryException if it is an ELF file but not a Go program
   * @throws UnsupportedBinaryException if it is a Go binary for another machine than amd64 and
   *     arm64, ELF32 or big-endian
   * @throws BinaryFormatException if it is not an ELF file, or its pclntab is malformed or older
   *     than Go 1.18
   */
  public static GoBinary open(Path path, DebugFileLocator locator) {
    Objects.requireNonNull(locator, "locator");
    ElfFile elf = ElfFile.open(path);
    try {
      return new GoBinary(path, elf, locator);
    } catch (RuntimeException e) {
      elf.close();
      throw e;
    }
  }

  /** {@return the binary's ELF file, open as long as this binary is} */
  public ElfFile elf() {
    return elf;
  }

  /** {@return the path the binary was opened from} */
  public Path path() {
    return path;
  }

  /** {@return the binary's architecture} */
  public Arch arch() {
    checkOpen();
    return arch;
  }

  /**
   * Returns the build information the linker recorded ({@code go version -m}).
   *
   * @return the build information, or empty if the binary has no {@code .go.buildinfo}
   * @throws BinaryFormatException if it is malformed
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<BuildInfo> buildInfo() {
    checkOpen();
    return buildInfo.get();
  }

  /**
   * Returns the version of the Go toolchain that built the binary, from its build information.
   *
   * @return the version, or empty if the binary records none that {@link GoVersion} can parse
   * @throws BinaryFormatException if the build information is malformed
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<GoVersion> goVersion() {
    return buildInfo().flatMap(BuildInfo::version);
  }

  /**
   * Returns the pclntab, for allocation-free lookups in bulk and for the tables this class does
   * not wrap (pcsp, pcdata, funcdata).
   *
   * @return the pclntab, valid while the binary is open
   * @throws IllegalStateException if the binary has been closed
   */
  public Pclntab pclntab() {
    checkOpen();
    return pclntab;
  }

  /**
   * Finds the function, file and line of {@code pc} without allocating (see
   * {@link Pclntab#lookup}); the fast path for symbolizing many pcs.
   *
   * @param pc an address
   * @param out receives the result; one per thread, reused across calls
   * @return whether a function contains {@code pc}
   * @throws IllegalStateException if the binary has been closed
   */
  public boolean lookup(long pc, PcLine out) {
    checkOpen();
    return pclntab.lookup(pc, out);
  }

  /**
   * Returns what {@code pc} is in the source: the function containing it, the file and line of
   * its instruction, and the calls inlined there, innermost first (from the pclntab).
   *
   * @param pc an address
   * @return the location, or empty if no function contains {@code pc}
   * @throws BinaryFormatException if the tables for {@code pc} are malformed
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<PcLocation> pcToLocation(long pc) {
    checkOpen();
    return pclntab.location(pc);
  }

  /**
   * Returns the addresses where code for {@code file:line} starts, ascending. With DWARF these
   * are Delve's: the address of every {@code is_stmt} row of the line table with that file and
   * line. Without DWARF they come from the pclntab: the first address of each maximal run of
   * instructions at that file and line. Inlined copies and loop headers give several.
   *
   * @param file a full path as {@link #sources()} lists it, or a suffix of one that starts
   *     after a {@code '/'}, such as {@code main.go} or {@code app/main.go}
   * @param line the line
   * @return the addresses; empty if no file matches or the line has no code
   * @throws LocationNotFoundException if {@code file} is a suffix of several source files; the
   *     message lists them
   * @throws IllegalStateException if the binary has been closed
   */
  public long[] lineToPCs(String file, int line) {
    checkOpen();
    Optional<String> full = sources.get().resolve(file, file + ":" + line);
    if (full.isEmpty()) {
      return new long[0];
    }
    Optional<LineIndex> lines = lineIndex();
    return lines.isPresent() ? lines.get().pcsForLine(full.get(), line) : pclntab.lineToPcs(full.get(), line);
  }

  /**
   * Returns the source file that {@code file} names: itself if it is a full path of
   * {@link #sources()}, else the one source file that ends with {@code "/" + file}.
   *
   * @param file a full path or a suffix of one
   * @return the full path, or empty if none matches
   * @throws LocationNotFoundException if several source files match
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<String> resolveSource(String file) {
    checkOpen();
    return sources.get().resolve(file, file);
  }

  /**
   * Returns the function called {@code name}: the linker's symbol name, such as
   * {@code main.main}, {@code main.(*Point).Scale} or {@code main.Map[go.shape.int]}.
   *
   * @param name a function name
   * @return the function, or empty if the binary has no code for a function of that name
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<FuncInfo> function(String name) {
    checkOpen();
    return pclntab.functionNamed(name);
  }

  /**
   * Returns the function whose code contains {@code pc}.
   *
   * @param pc an address
   * @return the function, or empty if none contains {@code pc}
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<FuncInfo> functionAt(long pc) {
    checkOpen();
    return pclntab.funcForPc(pc);
  }

  /**
   * Returns every function with code, in ascending order of entry address. The list reads each
   * record when asked for it.
   *
   * @return an unmodifiable list
   * @throws IllegalStateException if the binary has been closed
   */
  public List<FuncInfo> functions() {
    checkOpen();
    return pclntab.functions();
  }

  /**
   * Returns the source files of the binary's code (from the pclntab), sorted, each once.
   *
   * @return an unmodifiable list of full paths (and {@code <autogenerated>})
   * @throws IllegalStateException if the binary has been closed
   */
  public List<String> sources() {
    checkOpen();
    return sources.get().all();
  }

  /**
   * Returns the first pc after {@code fn}'s prologue, where a debugger stops for a breakpoint on
   * the function. With DWARF: the line table's {@code prologue_end} row in the function (Go
   * marks the instruction after the stack check and frame set-up), else the first
   * {@code is_stmt} row on the entry's line, as Delve's {@code FirstPCAfterPrologue} finds
   * them (without its disassembly step). Without DWARF: the first pc whose line differs from
   * the entry's (the prologue is all on the entry line), else the entry.
   *
   * @param fn a function of this binary
   * @return an address in {@code [fn.entry(), fn.end())}
   * @throws BinaryFormatException if the line tables are malformed
   * @throws IllegalStateException if the binary has been closed
   */
  public long firstPcAfterPrologue(FuncInfo fn) {
    checkOpen();
    return Prologue.end(fn, pclntab, lineIndex());
  }

  /**
   * Returns the source rows of a function's code, in address order: with DWARF, the line
   * table's rows clipped to the function, whose {@link LineLocation#isStmt()} marks the
   * addresses where statements start (where a debugger's {@code next} stops); without DWARF,
   * one row per maximal run of instructions on one file and line in the pclntab, each marked
   * as a statement start.
   *
   * @param fn a function of this binary
   * @return the rows, ascending and not overlapping, inside {@code [fn.entry(), fn.end())}
   * @throws BinaryFormatException if the line tables are malformed
   * @throws IllegalStateException if the binary has been closed
   */
  public List<LineLocation> lineRows(FuncInfo fn) {
    checkOpen();
    return LineRows.of(fn, pclntab, lineIndex());
  }

  /**
   * Returns whether DWARF debug information is available, from the binary or a separate file.
   * The first call may look for a separate debug file.
   *
   * @return whether DWARF is available
   * @throws IllegalStateException if the binary has been closed
   */
  public boolean hasDebugInfo() {
    return debugInfo().isPresent();
  }

  /**
   * Returns the DWARF reader, for what this class does not wrap.
   *
   * @return the DWARF, or empty if there is none
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<Dwarf> dwarf() {
    return debugInfo().map(DebugInfo::dwarf);
  }

  /**
   * Returns the DWARF reader, for callers that cannot do without it.
   *
   * @return the DWARF
   * @throws NoDebugInfoException if the binary has no DWARF and no separate debug file was found
   * @throws IllegalStateException if the binary has been closed
   */
  public Dwarf requireDwarf() {
    return dwarf().orElseThrow(() -> new NoDebugInfoException(path.toString(),
        "looked next to it and in " + locator.directories()));
  }

  /**
   * Returns the separate debug file the DWARF was read from.
   *
   * @return its path, or empty if the DWARF is the binary's own or there is none
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<Path> debugFile() {
    return debugInfo().flatMap(DebugInfo::separateFile);
  }

  /**
   * Returns the named type called {@code name} (from DWARF).
   *
   * @param name a type name as the compiler writes it, e.g. {@code main.Point},
   *     {@code *main.Point}, {@code []string}
   * @return the type, or empty if there is no such type or no DWARF
   * @throws BinaryFormatException if the DWARF is malformed
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<TypeInfo> type(String name) {
    return debugInfo().flatMap(d -> d.type(name));
  }

  /**
   * Returns the package-level variable called {@code name} (from DWARF).
   *
   * @param name a qualified name, e.g. {@code main.counter} or {@code os.Args}
   * @return the variable, or empty if there is no such variable with a static address, or no
   *     DWARF
   * @throws BinaryFormatException if the DWARF is malformed
   * @throws IllegalStateException if the binary has been closed
   */
  public Optional<PackageVariable> packageVariable(String name) {
    return debugInfo().flatMap(d -> d.variable(name));
  }

  /** Closes the binary and any separate debug file. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (debugInfo.isDone()) {
      debugInfo.get().ifPresent(DebugInfo::close);
    }
    elf.close();
  }

  @Override
  public String toString() {
    return "GoBinary[" + path + ", " + arch.goArch() + ", " + pclntab.functionCount() + " functions]";
  }

  private Optional<DebugInfo> debugInfo() {
    checkOpen();
    return debugInfo.get();
  }

  private Optional<LineIndex> lineIndex() {
    return debugInfo().map(DebugInfo::lines);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(path + " is closed");
    }
  }
}
