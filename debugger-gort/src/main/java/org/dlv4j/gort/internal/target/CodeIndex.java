package org.dlv4j.gort.internal.target;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Function;
import org.dlv4j.api.Location;
import org.dlv4j.api.LocationNotFoundException;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.dwarf.line.LineIndex;
import org.dlv4j.dwarf.line.LineProgram;
import org.dlv4j.dwarf.line.LineSections;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.PcLine;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * What the engine knows about the program's code: the function and source position of a pc
 * (from the pclntab, present even in stripped binaries) and the addresses a breakpoint spec
 * resolves to (function entries after the prologue and statement rows from the DWARF line
 * table, as Delve; the pclntab alone when there is no DWARF). Owns the mapped executable.
 * Thread-safe.
 */
final class CodeIndex implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("debugger");

  private final ElfFile elf;
  private final Optional<Pclntab> table;
  private final OptimizedCode optimized;
  private final ThreadLocal<PcLine> row = ThreadLocal.withInitial(PcLine::new);
  private LineIndex lines;

  private CodeIndex(ElfFile elf, Optional<Pclntab> table) {
    this.elf = elf;
    this.table = table;
    this.optimized = new OptimizedCode(Dwarf.load(id -> elf.sectionData(id.elfName()),
        elf.name()));
  }

  /**
   * Maps the executable and reads its pclntab. A program without a usable one (not Go, or a
   * Go release before 1.18) can still be run and stopped at addresses; it has no functions or
   * lines.
   *
   * @param executable the ELF file
   * @return the index
   * @throws org.dlv4j.api.DebuggerException if the file cannot be read as ELF
   */
  static CodeIndex open(Path executable) {
    ElfFile elf = ElfFile.open(executable);
    try {
      return new CodeIndex(elf, Optional.of(Pclntab.read(elf)));
    } catch (BinaryFormatException e) {
      LOG.log(Level.WARNING, "no functions or lines for " + executable + ": " + e.getMessage());
      return new CodeIndex(elf, Optional.empty());
    } catch (RuntimeException e) {
      elf.close();
      throw e;
    }
  }

  /** Returns the function and source position of {@code pc}, as far as they are known. */
  Location location(long pc) {
    PcLine at = row.get();
    if (table.isEmpty() || !table.get().lookup(pc, at)) {
      return new Location(pc, "", 0, Optional.empty());
    }
    Pclntab pclntab = table.get();
    int index = at.funcIndex();
    Function function = new Function(at.function(), pclntab.entry(index), pclntab.end(index),
        optimized.at(pc));
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
    Pclntab pclntab = table.orElseThrow(() -> new LocationNotFoundException(spec.locspec(),
        "no Go function table in " + elf.name()));
    if (spec instanceof BreakpointSpec.AtFunction at) {
      FuncInfo f = pclntab.functionNamed(at.function()).orElseThrow(() ->
          new LocationNotFoundException(spec.locspec(), "no function " + at.function()));
      return List.of(location(afterPrologue(f.entry(), f.end())));
    }
    BreakpointSpec.AtLine at = (BreakpointSpec.AtLine) spec;
    String file = SourceFiles.match(at.file(), pclntab.sourceFiles(), spec.locspec());
    List<Location> found = new ArrayList<>();
    int lastFunction = -1;
    for (long pc : linePcs(pclntab, file, at.line())) {
      int function = pclntab.funcIndex(pc);
      if (function >= 0 && function != lastFunction) { // the first address in each function
        long entry = pclntab.entry(function);
        found.add(location(pc == entry ? afterPrologueOnLine(entry, pclntab.end(function))
            : pc));
        lastFunction = function;
      }
    }
    if (found.isEmpty()) {
      throw new LocationNotFoundException(spec.locspec(), "no code at line " + at.line()
          + " of " + file);
    }
    return found;
  }

  @Override
  public void close() {
    elf.close();
  }

  /** Where a breakpoint on a function goes (runtime-internals §4.10): after its prologue. */
  private long afterPrologue(long entry, long end) {
    return lines().prologueEnd(entry, end).orElse(entry);
  }

  /** As {@link #afterPrologue}, but only if the prologue ends on the entry's line. */
  private long afterPrologueOnLine(long entry, long end) {
    long after = afterPrologue(entry, end);
    return location(after).line() == location(entry).line() ? after : entry;
  }

  /** Returns the statement addresses of a line: from DWARF, else from the pclntab. */
  private long[] linePcs(Pclntab pclntab, String file, int line) {
    long[] pcs = lines().pcsForLine(file, line);
    return pcs.length > 0 ? pcs : pclntab.lineToPcs(file, line);
  }

  /** Builds the DWARF line index on first use; a binary without usable DWARF gets none. */
  private synchronized LineIndex lines() {
    if (lines == null) {
      lines = LineIndex.build(programs());
    }
    return lines;
  }

  private List<LineProgram> programs() {
    Optional<java.nio.ByteBuffer> debugLine = elf.sectionData(".debug_line");
    if (debugLine.isEmpty()) {
      return List.of();
    }
    LineSections sections = LineSections.of(debugLine.get());
    sections = elf.sectionData(".debug_line_str").map(sections::withLineStr).orElse(sections);
    sections = elf.sectionData(".debug_str").map(sections::withStr).orElse(sections);
    try {
      return LineProgram.all(sections, 8, "");
    } catch (BinaryFormatException e) {
      LOG.log(Level.WARNING, "ignoring the DWARF line table of " + elf.name() + ": "
          + e.getMessage());
      return List.of();
    }
  }
}
