package org.dlv4j.dwarf;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.info.AbbreviationTable;
import org.dlv4j.dwarf.internal.info.DebugSections;
import org.dlv4j.dwarf.internal.info.UnitHeaderParser;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * The DWARF 2-5 debug information of one object, read from sections a {@link SectionLoader}
 * supplies; the entry point of this package.
 *
 * <pre>{@code
 * Dwarf dwarf = Dwarf.load(id -> elf.sectionData(id.elfName()), "/path/bin");
 * FunctionEntry main = dwarf.index().function("main.main").orElseThrow();
 * DieCursor c = dwarf.cursorAt(main.dieOffset());
 * }</pre>
 *
 * <p>Everything is lazy: sections are loaded on first use, units are listed on the first call
 * that needs them, and the {@link #index()} is built on its first call. Thread-safe: any number
 * of threads may read one {@code Dwarf}, each with its own cursors.
 *
 * <p>Malformed data throws {@link BinaryFormatException} naming the section and offset. A unit
 * whose header or root DIE is malformed is logged (category {@code dwarf}), recorded in
 * {@link #unitErrors()} and left out of {@link #units()}; if its length cannot be trusted, the
 * units after it are unreachable and left out too.
 */
public final class Dwarf {
  private static final System.Logger LOG = System.getLogger("dwarf");

  private final DebugSections sections;
  private final Map<Long, AbbreviationTable> abbreviations = new ConcurrentHashMap<>();
  private volatile Units units;
  private volatile DwarfIndex index;

  /** The units found by one scan of {@code .debug_info}. */
  private record Units(List<Unit> list, long[] offsets, List<BinaryFormatException> errors,
      Map<Long, Long> typeUnitDies) {}

  private Dwarf(DebugSections sections) {
    this.sections = sections;
  }

  /**
   * Creates a reader over an object's debug sections. Loads nothing yet.
   *
   * @param loader supplies section bytes on demand
   * @param name the object's name for error messages (e.g. its path); may be empty
   * @return the reader
   */
  public static Dwarf load(SectionLoader loader, String name) {
    return new Dwarf(new DebugSections(loader, name));
  }

  /**
   * Returns the object's name given to {@link #load}.
   *
   * @return the object's name given to {@link #load}
   */
  public String name() {
    return sections.fileName();
  }

  /**
   * Returns a read-only view of a section, loading it if needed.
   *
   * @param id the section
   * @return the section's bytes, or empty if the object has none
   */
  public Optional<ByteBuffer> section(SectionId id) {
    return sections.bytes(id);
  }

  /**
   * Returns the readable units of {@code .debug_info} in section order, scanning their headers
   * and root DIEs on the first call.
   *
   * @return an immutable list; empty if there is no {@code .debug_info}
   */
  public List<Unit> units() {
    return scan().list();
  }

  /**
   * Returns the errors that made units unreadable, in section order.
   *
   * @return an immutable list, empty if all units were read
   */
  public List<BinaryFormatException> unitErrors() {
    return scan().errors();
  }

  /**
   * Returns the unit whose bytes include {@code infoOffset}.
   *
   * @param infoOffset an offset in {@code .debug_info}
   * @return the unit, or empty if the offset is in no readable unit
   */
  public Optional<Unit> unitContaining(long infoOffset) {
    Units u = scan();
    int i = Arrays.binarySearch(u.offsets(), infoOffset);
    if (i < 0) {
      i = -i - 2;
    }
    if (i < 0) {
      return Optional.empty();
    }
    Unit unit = u.list().get(i);
    return infoOffset < unit.end() ? Optional.of(unit) : Optional.empty();
  }

  /**
   * Returns a cursor whose current entry is the DIE at {@code dieOffset} (depth 0).
   *
   * @param dieOffset the {@code .debug_info} offset of a DIE, e.g. from the index or a reference
   * @return a new cursor positioned at the DIE
   * @throws BinaryFormatException if no readable unit holds the offset or it is not a DIE
   */
  public DieCursor cursorAt(long dieOffset) {
    Unit unit = unitContaining(dieOffset).orElseThrow(() -> new BinaryFormatException(
        "DIE offset 0x" + Long.toHexString(dieOffset) + " is in no readable unit",
        where(SectionId.DEBUG_INFO), dieOffset));
    DieCursor c = unit.cursor();
    c.seek(dieOffset);
    return c;
  }

  /**
   * Returns the name index, building it in one pass over all units on the first call (which
   * may take a while on large binaries; later calls return the same object).
   *
   * @return the index
   */
  public DwarfIndex index() {
    DwarfIndex i = index;
    if (i == null) {
      synchronized (this) {
        i = index;
        if (i == null) {
          i = new IndexBuilder(this).build();
          index = i;
        }
      }
    }
    return i;
  }

  /** Returns the {@code .debug_info} offset of the type DIE of the type unit with this signature. */
  OptionalLong typeUnitDie(long signature) {
    Long die = scan().typeUnitDies().get(signature);
    return die == null ? OptionalLong.empty() : OptionalLong.of(die);
  }

  private Units scan() {
    Units u = units;
    if (u == null) {
      synchronized (this) {
        u = units;
        if (u == null) {
          u = readUnits();
          units = u;
        }
      }
    }
    return u;
  }

  private Units readUnits() {
    Optional<ByteCursor> infoSection = sections.cursor(SectionId.DEBUG_INFO);
    if (infoSection.isEmpty()) {
      return new Units(List.of(), new long[0], List.of(), Map.of());
    }
    ByteCursor info = infoSection.get();
    List<Unit> list = new ArrayList<>();
    List<BinaryFormatException> errors = new ArrayList<>();
    Map<Long, Long> typeUnitDies = new HashMap<>();
    long offset = 0;
    while (offset < info.limit()) {
      UnitHeader header;
      try {
        header = UnitHeaderParser.parse(info, offset);
      } catch (BinaryFormatException e) {
        LOG.log(Level.WARNING, "skipping the rest of .debug_info: {0}", e.getMessage());
        errors.add(e);
        break;
      }
      try {
        ByteCursor abbrev = sections.require(SectionId.DEBUG_ABBREV, info, offset);
        AbbreviationTable table = abbreviations.computeIfAbsent(header.abbrevOffset(),
            at -> AbbreviationTable.parse(abbrev, at));
        list.add(new Unit(this, sections, header, list.size(), table));
        if (header.typeSignature().isPresent()) {
          typeUnitDies.putIfAbsent(header.typeSignature().getAsLong(),
              header.offset() + header.typeOffset().getAsLong());
        }
      } catch (BinaryFormatException e) {
        LOG.log(Level.WARNING, "skipping unit at 0x{0}: {1}", Long.toHexString(offset), e.getMessage());
        errors.add(e);
      }
      offset = header.end();
    }
    long[] offsets = new long[list.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = list.get(i).offset();
    }
    return new Units(List.copyOf(list), offsets, List.copyOf(errors), Map.copyOf(typeUnitDies));
  }

  private String where(SectionId id) {
    return name().isEmpty() ? id.elfName() : name() + " " + id.elfName();
  }
}
