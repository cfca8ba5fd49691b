package org.dlv4j.gort.internal.binary;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.dwarf.Die;
import org.dlv4j.dwarf.DieCursor;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.dwarf.SectionId;
import org.dlv4j.dwarf.Unit;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwOp;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.dwarf.line.LineIndex;
import org.dlv4j.dwarf.line.LineProgram;
import org.dlv4j.dwarf.line.LineSections;
import org.dlv4j.dwarf.loc.Location;
import org.dlv4j.elf.DebugFileLocator;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.gort.PackageVariable;
import org.dlv4j.gort.TypeInfo;

/**
 * The DWARF of a Go binary, read from the binary itself or from a separate debug file, with the
 * line index built over it on first use. Thread-safe.
 */
public final class DebugInfo implements AutoCloseable {
  private static final Logger LOG = System.getLogger("dwarf");
  /** Typedef chains longer than this are malformed (Go writes at most one level). */
  private static final int MAX_TYPEDEF_HOPS = 16;

  private final ElfFile file;
  private final Optional<Path> separateFile;
  private final Dwarf dwarf;
  private final Lazy<LineIndex> lines;

  private DebugInfo(ElfFile file, Optional<Path> separateFile) {
    this.file = file;
    this.separateFile = separateFile;
    this.dwarf = Dwarf.load(id -> file.sectionData(id.elfName()), file.name());
    this.lines = Lazy.of(this::buildLines);
  }

  /**
   * Finds the DWARF of {@code binary}: its own {@code .debug_*} sections, else those of the
   * separate debug file {@code locator} finds (by build ID or {@code .gnu_debuglink}).
   *
   * @param binary the binary's path
   * @param elf the open binary
   * @param locator where to look for a separate debug file
   * @return the debug information, or empty if there is none
   */
  public static Optional<DebugInfo> find(Path binary, ElfFile elf, DebugFileLocator locator) {
    if (hasDwarf(elf)) {
      return Optional.of(new DebugInfo(elf, Optional.empty()));
    }
    Optional<Path> separate = locator.locate(binary, elf);
    if (separate.isEmpty()) {
      return Optional.empty();
    }
    ElfFile debug;
    try {
      debug = ElfFile.open(separate.get());
      if (!hasDwarf(debug) || debug.machine() != elf.machine()) {
        LOG.log(Level.WARNING, "ignoring debug file {0}: it has no DWARF for machine {1}", separate.get(),
            elf.machine());
        debug.close();
        return Optional.empty();
      }
    } catch (DebuggerException e) {
      LOG.log(Level.WARNING, "ignoring unreadable debug file " + separate.get(), e);
      return Optional.empty();
    }
    LOG.log(Level.DEBUG, "{0}: debug info from {1}", binary, separate.get());
    return Optional.of(new DebugInfo(debug, separate));
  }

  /** {@return the DWARF reader} */
  public Dwarf dwarf() {
    return dwarf;
  }

  /** {@return the separate debug file the DWARF came from, or empty if it is the binary's own} */
  public Optional<Path> separateFile() {
    return separateFile;
  }

  /** {@return the line index of all line programs, built on the first call} */
  public LineIndex lines() {
    return lines.get();
  }

  /**
   * Returns the named type called {@code name}.
   *
   * @param name a type name as the compiler writes it
   * @return the type, or empty if the DWARF has no type of that name
   * @throws BinaryFormatException if its DIE is malformed
   */
  public Optional<TypeInfo> type(String name) {
    OptionalLong offset = dwarf.index().type(name);
    if (offset.isEmpty()) {
      return Optional.empty();
    }
    Die die = dwarf.cursorAt(offset.getAsLong()).die();
    int kind = (int) die.attrUnsigned(DwAt.DW_AT_go_kind, 0);
    return Optional.of(new TypeInfo(name, kind, byteSize(die), offset.getAsLong()));
  }

  /**
   * Returns the package-level variable called {@code name}, if its location is a static
   * address ({@code DW_OP_addr}, or {@code DW_OP_addrx} in DWARF 5).
   *
   * @param name a qualified variable name, e.g. {@code main.counter}
   * @return the variable, or empty if there is none with a static address
   * @throws BinaryFormatException if its DIE or location is malformed
   */
  public Optional<PackageVariable> variable(String name) {
    OptionalLong offset = dwarf.index().variable(name);
    if (offset.isEmpty()) {
      return Optional.empty();
    }
    Die die = dwarf.cursorAt(offset.getAsLong()).die();
    OptionalLong address = staticAddress(die);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong type = die.attrReference(DwAt.DW_AT_type);
    String typeName = type.isEmpty() ? ""
        : dwarf.cursorAt(type.getAsLong()).die().attrString(DwAt.DW_AT_name).orElse("");
    return Optional.of(new PackageVariable(name, address.getAsLong(), typeName, offset.getAsLong()));
  }

  /** Closes the separate debug file, if one was opened. */
  @Override
  public void close() {
    if (separateFile.isPresent()) {
      file.close();
    }
  }

  private static boolean hasDwarf(ElfFile elf) {
    Optional<Section> info = elf.section(".debug_info").or(() -> elf.section(".zdebug_info"));
    return info.isPresent() && info.get().type() != Section.SHT_NOBITS && info.get().size() > 0;
  }

  /**
   * Returns DW_AT_byte_size, following typedefs to the type they name; a pointer without one
   * (Go writes none) has the unit's address size.
   */
  private OptionalLong byteSize(Die typeDie) {
    Die die = typeDie;
    for (int hop = 0; hop < MAX_TYPEDEF_HOPS; hop++) {
      OptionalLong size = die.attrUnsigned(DwAt.DW_AT_byte_size);
      if (size.isEmpty() && die.tag().equals(DwTag.DW_TAG_pointer_type)) {
        return OptionalLong.of(die.unit().addressSize());
      }
      if (size.isPresent() || !die.tag().equals(DwTag.DW_TAG_typedef)) {
        return size;
      }
      OptionalLong next = die.attrReference(DwAt.DW_AT_type);
      if (next.isEmpty()) {
        return OptionalLong.empty();
      }
      die = dwarf.cursorAt(next.getAsLong()).die();
    }
    return OptionalLong.empty();
  }

  /** Decodes a location that is exactly one DW_OP_addr or DW_OP_addrx. */
  private static OptionalLong staticAddress(Die die) {
    Optional<Location> location = die.location(DwAt.DW_AT_location);
    if (location.isEmpty() || !(location.get() instanceof Location.Single single)) {
      return OptionalLong.empty();
    }
    ByteCursor expr = new ByteCursor(single.expression(), ".debug_info location of " + die);
    if (expr.atEnd()) {
      return OptionalLong.empty();
    }
    int op = expr.u8();
    long address;
    if (op == DwOp.DW_OP_addr.code()) {
      address = expr.unsigned(die.unit().addressSize());
    } else if (op == DwOp.DW_OP_addrx.code()) {
      address = die.unit().indexedAddress(expr.uleb());
    } else {
      return OptionalLong.empty();
    }
    return expr.atEnd() ? OptionalLong.of(address) : OptionalLong.empty();
  }

  private LineIndex buildLines() {
    Optional<ByteBuffer> debugLine = dwarf.section(SectionId.DEBUG_LINE);
    if (debugLine.isEmpty()) {
      return LineIndex.build(List.of());
    }
    LineSections sections = LineSections.of(debugLine.get());
    sections = dwarf.section(SectionId.DEBUG_LINE_STR).map(sections::withLineStr).orElse(sections);
    sections = dwarf.section(SectionId.DEBUG_STR).map(sections::withStr).orElse(sections);
    List<LineProgram> programs = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Unit unit : dwarf.units()) {
      OptionalLong stmtList = unit.stmtList();
      if (stmtList.isEmpty() || !seen.add(stmtList.getAsLong())) {
        continue;
      }
      try {
        programs.add(LineProgram.read(sections, stmtList.getAsLong(), unit.addressSize(), compDir(unit)));
      } catch (BinaryFormatException e) {
        LOG.log(Level.WARNING, "skipping the line program of {0}: {1}", unit, e.getMessage());
      }
    }
    return LineIndex.build(programs);
  }

  private static String compDir(Unit unit) {
    DieCursor c = unit.cursor();
    return c.nextDfs() ? c.die().attrString(DwAt.DW_AT_comp_dir).orElse("") : "";
  }
}
