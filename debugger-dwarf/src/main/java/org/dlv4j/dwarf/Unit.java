package org.dlv4j.dwarf;

import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwLang;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.constants.DwUt;
import org.dlv4j.dwarf.internal.info.AbbreviationTable;
import org.dlv4j.dwarf.internal.info.DebugSections;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * One unit of {@code .debug_info}: its header, its abbreviation table and the facts its root
 * DIE gives for decoding the rest (the bases of its {@code .debug_str_offsets},
 * {@code .debug_addr}, {@code .debug_rnglists} and {@code .debug_loclists} contributions and its
 * base address). Immutable and thread-safe; {@link #cursor()} gives a fresh cursor per caller.
 */
public final class Unit {
  private final Dwarf dwarf;
  private final DebugSections sections;
  private final UnitHeader header;
  private final int ordinal;
  private final AbbreviationTable abbreviations;
  private DwTag rootTag;
  private long strOffsetsBase;
  private long addrBase;
  private long rnglistsBase;
  private long loclistsBase;
  private long baseAddress;
  /** Why the base address could not be read (e.g. an addrx without .debug_addr), else null. */
  private BinaryFormatException baseAddressError;
  private int language;
  private long stmtList;

  /**
   * Reads the unit's root DIE. The bases are set one by one as they become known, so that the
   * root's own indexed attributes can use those read before them.
   *
   * @throws org.dlv4j.api.BinaryFormatException if the root DIE cannot be read
   */
  Unit(Dwarf dwarf, DebugSections sections, UnitHeader header, int ordinal, AbbreviationTable abbreviations) {
    this.dwarf = dwarf;
    this.sections = sections;
    this.header = header;
    this.ordinal = ordinal;
    this.abbreviations = abbreviations;
    boolean v5 = header.version() >= 5;
    int initialLength = header.format().initialLengthSize();
    // Defaults when the root lacks a base: just past the contribution header (DWARF v5 §7.26,
    // §7.27, §7.28, §7.29), or 0 for pre-standard split DWARF, which has no headers.
    strOffsetsBase = v5 ? initialLength + 4 : 0;
    addrBase = v5 ? initialLength + 4 : 0;
    rnglistsBase = v5 ? initialLength + 8 : 0;
    loclistsBase = v5 ? initialLength + 8 : 0;
    language = -1;
    stmtList = -1;
    DieCursor cursor = new DieCursor(this);
    if (!cursor.nextDfs()) {
      throw infoCursor().error("unit has no DIEs", header.offset());
    }
    Die root = cursor.die();
    rootTag = root.tag();
    strOffsetsBase = root.attrUnsigned(DwAt.DW_AT_str_offsets_base, strOffsetsBase);
    addrBase = root.attrUnsigned(DwAt.DW_AT_addr_base, root.attrUnsigned(DwAt.DW_AT_GNU_addr_base, addrBase));
    rnglistsBase = root.attrUnsigned(DwAt.DW_AT_rnglists_base, rnglistsBase);
    loclistsBase = root.attrUnsigned(DwAt.DW_AT_loclists_base, loclistsBase);
    try {
      baseAddress = root.attrAddress(DwAt.DW_AT_low_pc).orElse(0);
    } catch (BinaryFormatException e) { // the DIEs stay readable; only address lookups fail
      baseAddressError = e;
    }
    language = (int) root.attrUnsigned(DwAt.DW_AT_language, -1);
    stmtList = root.attrSectionOffset(DwAt.DW_AT_stmt_list).orElse(-1);
  }

  /**
   * Returns the {@link Dwarf} this unit belongs to.
   *
   * @return the {@link Dwarf} this unit belongs to
   */
  public Dwarf dwarf() {
    return dwarf;
  }

  /**
   * Returns the unit's header.
   *
   * @return the unit's header
   */
  public UnitHeader header() {
    return header;
  }

  /**
   * Returns the unit's position in {@link Dwarf#units()}.
   *
   * @return the unit's position in {@link Dwarf#units()}
   */
  public int ordinal() {
    return ordinal;
  }

  /**
   * Returns the unit's offset in {@code .debug_info}.
   *
   * @return the unit's offset in {@code .debug_info}
   */
  public long offset() {
    return header.offset();
  }

  /**
   * Returns the offset just past the unit in {@code .debug_info}.
   *
   * @return the offset just past the unit in {@code .debug_info}
   */
  public long end() {
    return header.end();
  }

  /**
   * Returns the DWARF version, 2 to 5.
   *
   * @return the DWARF version, 2 to 5
   */
  public int version() {
    return header.version();
  }

  /**
   * Returns the unit type ({@code DW_UT_compile} for versions before 5).
   *
   * @return the unit type ({@code DW_UT_compile} for versions before 5)
   */
  public DwUt unitType() {
    return header.unitType();
  }

  /**
   * Returns the 32- or 64-bit format.
   *
   * @return the 32- or 64-bit format
   */
  public DwarfFormat format() {
    return header.format();
  }

  /**
   * Returns the size of a target address in bytes.
   *
   * @return the size of a target address in bytes
   */
  public int addressSize() {
    return header.addressSize();
  }

  /**
   * Returns the offset of the unit's abbreviation table in {@code .debug_abbrev}.
   *
   * @return the offset of the unit's abbreviation table in {@code .debug_abbrev}
   */
  public long abbrevOffset() {
    return header.abbrevOffset();
  }

  /**
   * Returns the tag of the root DIE, e.g. {@code DW_TAG_compile_unit}.
   *
   * @return the tag of the root DIE, e.g
   */
  public DwTag rootTag() {
    return rootTag;
  }

  /**
   * Returns the unit's base in {@code .debug_str_offsets}: DW_AT_str_offsets_base, or the end of
   * the contribution header if the root has none (0 before DWARF 5).
   *
   * @return the unit's base in {@code .debug_str_offsets}
   */
  public long strOffsetsBase() {
    return strOffsetsBase;
  }

  /**
   * Returns the unit's base in {@code .debug_addr}: DW_AT_addr_base (or GNU_addr_base).
   *
   * @return the unit's base in {@code .debug_addr}: DW_AT_addr_base (or GNU_addr_base)
   */
  public long addrBase() {
    return addrBase;
  }

  /**
   * Returns the unit's base in {@code .debug_rnglists}: DW_AT_rnglists_base.
   *
   * @return the unit's base in {@code .debug_rnglists}: DW_AT_rnglists_base
   */
  public long rnglistsBase() {
    return rnglistsBase;
  }

  /**
   * Returns the unit's base in {@code .debug_loclists}: DW_AT_loclists_base.
   *
   * @return the unit's base in {@code .debug_loclists}: DW_AT_loclists_base
   */
  public long loclistsBase() {
    return loclistsBase;
  }

  /**
   * Returns the unit's base address for range and location lists: the root's DW_AT_low_pc, or 0.
   *
   * @return the base address
   * @throws BinaryFormatException if the root's DW_AT_low_pc could not be resolved (for example
   *     an {@code addrx} in a split unit read without its skeleton's {@code .debug_addr})
   */
  public long baseAddress() {
    if (baseAddressError != null) {
      throw baseAddressError;
    }
    return baseAddress;
  }

  /**
   * Returns the root's DW_AT_language, if any.
   *
   * @return the root's DW_AT_language, if any
   */
  public Optional<DwLang> language() {
    return language < 0 ? Optional.empty() : Optional.of(new DwLang(language));
  }

  /**
   * Returns the root's DW_AT_stmt_list: the offset of its line program in {@code .debug_line}.
   *
   * @return the root's DW_AT_stmt_list: the offset of its line program in {@code .debug_line}
   */
  public OptionalLong stmtList() {
    return stmtList < 0 ? OptionalLong.empty() : OptionalLong.of(stmtList);
  }

  /**
   * Returns the root's DW_AT_name, decoded now.
   *
   * @return the root's DW_AT_name, decoded now
   */
  public Optional<String> name() {
    DieCursor c = cursor();
    c.nextDfs();
    return c.die().attrString(DwAt.DW_AT_name);
  }

  /**
   * Returns a new cursor before the unit's root DIE; call {@link DieCursor#nextDfs()} to reach it.
   *
   * @return a new cursor before the root DIE
   */
  public DieCursor cursor() {
    return new DieCursor(this);
  }

  /**
   * Returns entry {@code index} of the unit's {@code .debug_addr} table (DW_FORM_addrx*,
   * DW_RLE/DW_LLE *x entries).
   *
   * @param index the table index
   * @return entry {@code index} of the unit's {@code .debug_addr} table
   * @throws org.dlv4j.api.BinaryFormatException if the section is missing or too short
   */
  public long indexedAddress(long index) {
    return tableEntry(SectionId.DEBUG_ADDR, addrBase, index, header.addressSize(), "address");
  }

  /**
   * Returns the {@code .debug_str} offset at entry {@code index} of the unit's
   * {@code .debug_str_offsets} table (DW_FORM_strx*).
   *
   * @param index the table index
   * @return the string offset stored at that entry
   * @throws org.dlv4j.api.BinaryFormatException if the section is missing or too short
   */
  public long indexedStringOffset(long index) {
    return tableEntry(SectionId.DEBUG_STR_OFFSETS, strOffsetsBase, index, header.format().offsetSize(),
        "string offset");
  }

  /**
   * Returns the {@code .debug_rnglists} offset of range list {@code index} (DW_FORM_rnglistx):
   * the base plus the base-relative offset stored at that index of the offset table.
   *
   * @param index the table index
   * @return the {@code .debug_rnglists} offset of range list {@code index}
   * @throws org.dlv4j.api.BinaryFormatException if the section is missing or too short
   */
  public long rangeListOffset(long index) {
    return rnglistsBase + tableEntry(SectionId.DEBUG_RNGLISTS, rnglistsBase, index,
        header.format().offsetSize(), "range list");
  }

  /**
   * Returns the {@code .debug_loclists} offset of location list {@code index}
   * (DW_FORM_loclistx), like {@link #rangeListOffset}.
   *
   * @param index the table index
   * @return the {@code .debug_loclists} offset of location list {@code index}
   * @throws org.dlv4j.api.BinaryFormatException if the section is missing or too short
   */
  public long locationListOffset(long index) {
    return loclistsBase + tableEntry(SectionId.DEBUG_LOCLISTS, loclistsBase, index,
        header.format().offsetSize(), "location list");
  }

  @Override
  public String toString() {
    return "Unit(0x" + Long.toHexString(offset()) + " v" + version() + " " + format() + " " + rootTag + ")";
  }

  /** Returns the NUL-terminated string at {@code offset} of {@code section}. */
  String stringAt(SectionId section, long offset, ByteCursor referrer, long at) {
    ByteCursor strings = sections.require(section, referrer, at);
    if (offset < 0 || offset >= strings.limit()) {
      throw referrer.error("string offset 0x" + Long.toHexString(offset) + " outside "
          + section.elfName(), at);
    }
    return strings.cstringAt(offset);
  }

  AbbreviationTable abbreviations() {
    return abbreviations;
  }

  ByteCursor infoCursor() {
    return sections.cursor(SectionId.DEBUG_INFO).orElseThrow();
  }

  DebugSections sections() {
    return sections;
  }

  private long tableEntry(SectionId id, long base, long index, int size, String what) {
    ByteCursor info = infoCursor();
    ByteCursor table = sections.require(id, info, header.offset());
    if (index < 0 || base < 0 || base > table.limit() || index > (table.limit() - base) / size - 1) {
      throw table.error(what + " index " + Long.toUnsignedString(index) + " beyond the table of unit 0x"
          + Long.toHexString(header.offset()), base);
    }
    return table.unsignedAt(base + index * size, size);
  }
}
