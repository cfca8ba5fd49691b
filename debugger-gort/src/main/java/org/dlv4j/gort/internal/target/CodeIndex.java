package org.dlv4j.gort.internal.target;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.Function;
import org.dlv4j.api.Location;
import org.dlv4j.api.LocationNotFoundException;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.internal.binary.Lazy;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.PcLine;
import org.dlv4j.gort.pclntab.PcValueCursor;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * What the engine knows about the program's code, through {@link GoBinary}: the function and
 * source position of a pc, and the addresses a breakpoint spec resolves to (function entries
 * after the prologue; for a line, the first statement address of that line in each function,
 * as Delve places them). A program that is not a Go 1.18+ binary can still be run and stopped
 * at addresses; it has no functions or lines. Thread-safe.
 *
 * <p>It is where a position-independent executable is relocated: every address it takes and
 * returns, and every address of its {@link #runtime()}, is a process address; it subtracts the
 * process's {@link LoadBias} before it looks into the binary and adds it to what the binary
 * says. Only {@link #binary()} speaks in link-time addresses.
 */
final class CodeIndex implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("debugger");

  private final Optional<GoBinary> binary;
  private final long bias;
  private final String name;
  private final OptimizedCode optimized;
  private final ThreadLocal<PcLine> row = ThreadLocal.withInitial(PcLine::new);
  private final Lazy<Optional<GoRuntime>> runtime;

  private CodeIndex(Optional<GoBinary> binary, long bias, String name) {
    this.binary = binary;
    this.bias = bias;
    this.name = name;
    this.optimized = new OptimizedCode(binary.flatMap(GoBinary::dwarf));
    this.runtime = Lazy.of(() -> binary.flatMap(bin -> loadRuntime(bin, bias)));
  }

  /**
   * Returns what the debugger knows about the program's Go runtime (struct layouts, globals,
   * code map), loaded on first use.
   *
   * @return the runtime facts, or empty if the program is not a Go binary whose runtime
   *     dlv4j can read (then it has no goroutines)
   */
  Optional<GoRuntime> runtime() {
    return runtime.get();
  }

  /**
   * Returns the binary the index reads, for what it does not wrap (line rows, prologues). It
   * speaks in link-time addresses: add the runtime's {@code code().staticBase()}.
   *
   * @return the Go binary, or empty if the program is not one
   */
  Optional<GoBinary> binary() {
    return binary;
  }

  private static Optional<GoRuntime> loadRuntime(GoBinary bin, long bias) {
    if (bin.goVersion().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GoRuntime.load(bin.elf(), bin.dwarf(), bin.pclntab(),
          bin.goVersion().get(), bin.arch(), bias));
    } catch (DebuggerException e) {
      LOG.log(Level.WARNING, "no goroutines for " + bin.path() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Opens the executable's code information, relocated to where a process runs it.
   *
   * @param executable the ELF file
   * @param loadBias the process's load bias for the ELF file (see {@link LoadBias#of}); asked
   *     once, and only of a Go binary
   * @return the index
   * @throws org.dlv4j.api.DebuggerException if the file cannot be read as ELF or the bias
   *     cannot be found
   */
  static CodeIndex open(Path executable, ToLongFunction<ElfFile> loadBias) {
    GoBinary bin;
    try {
      bin = GoBinary.open(executable);
    } catch (BinaryFormatException e) {
      ElfFile.open(executable).close(); // a file that is not even ELF is the caller's error
      LOG.log(Level.WARNING, "no functions or lines for " + executable + ": " + e.getMessage());
      return new CodeIndex(Optional.empty(), 0, executable.toString());
    }
    try {
      return new CodeIndex(Optional.of(bin), loadBias.applyAsLong(bin.elf()), executable.toString());
    } catch (RuntimeException e) {
      bin.close();
      throw e;
    }
  }

  /** Returns the function and source position of {@code pc}, as far as they are known. */
  Location location(long pc) {
    PcLine at = row.get();
    long linked = pc - bias;
    if (binary.isEmpty() || !binary.get().lookup(linked, at)) {
      return new Location(pc, "", 0, Optional.empty());
    }
    Pclntab pclntab = binary.get().pclntab();
    int index = at.funcIndex();
    Function function = new Function(at.function(), pclntab.entry(index) + bias,
        pclntab.end(index) + bias, optimized.at(linked));
    boolean known = !at.file().equals("?") && at.line() > 0;
    return new Location(pc, known ? at.file() : "", known ? at.line() : 0,
        Optional.of(function));
  }

  /**
   * Resolves a breakpoint spec.
   *
   * @param spec the spec
   * @return one location per address, ascending, at least one
   * @throws LocationNotFoundException if it resolves to nothing
   */
  List<Location> resolve(BreakpointSpec spec) {
    if (spec instanceof BreakpointSpec.AtAddress at) {
      return List.of(location(at.address()));
    }
    GoBinary bin = binary.orElseThrow(() -> new LocationNotFoundException(spec.locspec(),
        "no Go function table in " + name));
    if (spec instanceof BreakpointSpec.AtFunction at) {
      FuncInfo f = bin.function(at.function()).orElseThrow(() ->
          new LocationNotFoundException(spec.locspec(), "no function " + at.function()));
      return List.of(location(bin.firstPcAfterPrologue(f) + bias));
    }
    BreakpointSpec.AtLine at = (BreakpointSpec.AtLine) spec;
    List<Location> found = new ArrayList<>();
    FuncInfo last = null;
    for (long pc : bin.lineToPCs(at.file(), at.line())) {
      FuncInfo f = bin.functionAt(pc).orElse(null);
      if (f != null && (last == null || f.entry() != last.entry())) { // first address per function
        found.add(location((pc == f.entry() ? afterPrologueOnLine(bin, f) : pc) + bias));
        last = f;
      }
    }
    if (found.isEmpty()) {
      String file = bin.resolveSource(at.file()).orElseThrow(() ->
          new LocationNotFoundException(spec.locspec(), "no source file " + at.file()));
      throw new LocationNotFoundException(spec.locspec(), "no code at line " + at.line()
          + " of " + file);
    }
    return found;
  }

  /**
   * Returns the entry and the end of the code of the function containing {@code pc}. The end
   * is where the function's pc tables end, so the alignment padding before the next function
   * is left out, as in the ELF symbol's size and the DWARF {@code high_pc}.
   *
   * @param pc an address
   * @return the function's code, or empty if no function contains {@code pc}
   * @throws BinaryFormatException if the function's pcsp table is malformed
   */
  Optional<CodeRange> functionCode(long pc) {
    Optional<FuncInfo> found = binary.flatMap(b -> b.functionAt(pc - bias));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FuncInfo f = found.get();
    PcValueCursor table = binary.get().pclntab().pcValues(f, f.pcsp());
    long end = f.entry();
    while (table.next()) {
      end = table.endPc();
    }
    boolean inside = Long.compareUnsigned(f.entry(), end) < 0
        && Long.compareUnsigned(end, f.end()) <= 0;
    return Optional.of(new CodeRange(f.entry() + bias, (inside ? end : f.end()) + bias));
  }

  /** The addresses {@code [entry, end)} of a function's instructions. */
  record CodeRange(long entry, long end) { }

  @Override
  public void close() {
    binary.ifPresent(GoBinary::close);
  }

  /**
   * The prologue's end if it is still on the entry's line (a line breakpoint), else the entry;
   * link-time addresses.
   */
  private long afterPrologueOnLine(GoBinary bin, FuncInfo f) {
    long after = bin.firstPcAfterPrologue(f);
    return location(after + bias).line() == location(f.entry() + bias).line() ? after : f.entry();
  }
}
