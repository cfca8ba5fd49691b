package org.dlv4j.dwarf;

import static org.dlv4j.dwarf.internal.info.Forms.ADDR;
import static org.dlv4j.dwarf.internal.info.Forms.ADDRX;
import static org.dlv4j.dwarf.internal.info.Forms.ADDRX1;
import static org.dlv4j.dwarf.internal.info.Forms.ADDRX2;
import static org.dlv4j.dwarf.internal.info.Forms.ADDRX3;
import static org.dlv4j.dwarf.internal.info.Forms.ADDRX4;
import static org.dlv4j.dwarf.internal.info.Forms.BLOCK;
import static org.dlv4j.dwarf.internal.info.Forms.BLOCK1;
import static org.dlv4j.dwarf.internal.info.Forms.BLOCK2;
import static org.dlv4j.dwarf.internal.info.Forms.BLOCK4;
import static org.dlv4j.dwarf.internal.info.Forms.DATA1;
import static org.dlv4j.dwarf.internal.info.Forms.DATA16;
import static org.dlv4j.dwarf.internal.info.Forms.DATA2;
import static org.dlv4j.dwarf.internal.info.Forms.DATA4;
import static org.dlv4j.dwarf.internal.info.Forms.DATA8;
import static org.dlv4j.dwarf.internal.info.Forms.EXPRLOC;
import static org.dlv4j.dwarf.internal.info.Forms.FLAG;
import static org.dlv4j.dwarf.internal.info.Forms.FLAG_PRESENT;
import static org.dlv4j.dwarf.internal.info.Forms.GNU_ADDR_INDEX;
import static org.dlv4j.dwarf.internal.info.Forms.GNU_REF_ALT;
import static org.dlv4j.dwarf.internal.info.Forms.GNU_STRP_ALT;
import static org.dlv4j.dwarf.internal.info.Forms.GNU_STR_INDEX;
import static org.dlv4j.dwarf.internal.info.Forms.IMPLICIT_CONST;
import static org.dlv4j.dwarf.internal.info.Forms.INDIRECT;
import static org.dlv4j.dwarf.internal.info.Forms.LINE_STRP;
import static org.dlv4j.dwarf.internal.info.Forms.LOCLISTX;
import static org.dlv4j.dwarf.internal.info.Forms.REF1;
import static org.dlv4j.dwarf.internal.info.Forms.REF2;
import static org.dlv4j.dwarf.internal.info.Forms.REF4;
import static org.dlv4j.dwarf.internal.info.Forms.REF8;
import static org.dlv4j.dwarf.internal.info.Forms.REF_ADDR;
import static org.dlv4j.dwarf.internal.info.Forms.REF_SIG8;
import static org.dlv4j.dwarf.internal.info.Forms.REF_SUP4;
import static org.dlv4j.dwarf.internal.info.Forms.REF_SUP8;
import static org.dlv4j.dwarf.internal.info.Forms.REF_UDATA;
import static org.dlv4j.dwarf.internal.info.Forms.RNGLISTX;
import static org.dlv4j.dwarf.internal.info.Forms.SDATA;
import static org.dlv4j.dwarf.internal.info.Forms.SEC_OFFSET;
import static org.dlv4j.dwarf.internal.info.Forms.STRING;
import static org.dlv4j.dwarf.internal.info.Forms.STRP;
import static org.dlv4j.dwarf.internal.info.Forms.STRP_SUP;
import static org.dlv4j.dwarf.internal.info.Forms.STRX;
import static org.dlv4j.dwarf.internal.info.Forms.STRX1;
import static org.dlv4j.dwarf.internal.info.Forms.STRX2;
import static org.dlv4j.dwarf.internal.info.Forms.STRX3;
import static org.dlv4j.dwarf.internal.info.Forms.STRX4;
import static org.dlv4j.dwarf.internal.info.Forms.UDATA;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwForm;
import org.dlv4j.dwarf.constants.DwTag;
import org.dlv4j.dwarf.internal.info.Abbreviation;
import org.dlv4j.dwarf.internal.info.Forms;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.dwarf.internal.loc.ListReaders;
import org.dlv4j.dwarf.loc.AddressRange;
import org.dlv4j.dwarf.loc.Location;

/**
 * The debugging information entry under a {@link DieCursor}. A cursor reuses one {@code Die}
 * and refills it on every move, so a {@code Die} is valid only until its cursor moves; copy out
 * what you need. Not thread-safe.
 *
 * <p>Attribute values are decoded when the cursor reaches the entry, into primitive arrays:
 * the typed accessors ({@link #attrUnsigned(DwAt, long)}, {@link #attrReference(DwAt, long)},
 * {@link #attrFlag(DwAt)}) allocate nothing. Strings are decoded only when asked for. Each
 * accessor reads attributes of the matching classes (DWARF v5 §7.5.5) and reports others as
 * absent, so {@code attrUnsigned(DW_AT_name)} is empty even though the DIE has a name.
 *
 * <p>Accessors that follow an index or offset into another section ({@code strx},
 * {@code addrx}, {@code strp}, location and range lists) throw
 * {@link org.dlv4j.api.BinaryFormatException} if that section is missing or too short.
 */
public final class Die {
  private static final int DW_AT_SIBLING = DwAt.DW_AT_sibling.code();
  private static final int DW_AT_LOW_PC = DwAt.DW_AT_low_pc.code();
  private static final int DW_AT_HIGH_PC = DwAt.DW_AT_high_pc.code();
  private static final int DW_AT_RANGES = DwAt.DW_AT_ranges.code();

  private final Unit unit;
  private ByteCursor info;
  private Abbreviation abbrev;
  private long offset;
  private int depth;
  private int end;
  /** Effective form of each attribute (DW_FORM_indirect resolved). */
  private int[] forms;
  /** Raw value of each attribute; for strings, blocks and data16 the offset of the bytes. */
  private long[] values;
  /** Byte length of string, block and data16 values. */
  private int[] lengths;
  /** Offset of each attribute's encoded value, for error messages. */
  private int[] positions;

  Die(Unit unit, int capacity) {
    this.unit = unit;
    forms = new int[capacity];
    values = new long[capacity];
    lengths = new int[capacity];
    positions = new int[capacity];
  }

  /**
   * Decodes the attributes of the entry at {@code offset}, whose abbreviation code has been read;
   * leaves {@code c} after the entry's attributes.
   */
  void read(ByteCursor c, Abbreviation ab, long entryOffset, int entryDepth) {
    this.info = c;
    this.abbrev = ab;
    this.offset = entryOffset;
    this.depth = entryDepth;
    int n = ab.attributeCount();
    if (n > forms.length) {
      forms = new int[n];
      values = new long[n];
      lengths = new int[n];
      positions = new int[n];
    }
    for (int i = 0; i < n; i++) {
      int at = c.position();
      int form = ab.form(i);
      if (form == INDIRECT) {
        form = c.ulebInt();
        if (form == INDIRECT || form == IMPLICIT_CONST) {
          throw c.error("DW_FORM_indirect names " + new DwForm(form), at);
        }
      }
      positions[i] = at;
      forms[i] = form;
      values[i] = readValue(c, form, i, ab);
    }
    end = c.position();
  }

  private long readValue(ByteCursor c, int form, int i, Abbreviation ab) {
    switch (form) {
      case ADDR: return c.unsigned(unit.addressSize());
      case DATA1: case REF1: case FLAG: case STRX1: case ADDRX1: return c.u8();
      case DATA2: case REF2: case STRX2: case ADDRX2: return c.u16();
      case STRX3: case ADDRX3: return c.u24();
      case DATA4: case REF4: case STRX4: case ADDRX4: case REF_SUP4: return c.u32();
      case DATA8: case REF8: case REF_SIG8: case REF_SUP8: return c.u64();
      case STRP: case LINE_STRP: case SEC_OFFSET: case STRP_SUP: case GNU_REF_ALT: case GNU_STRP_ALT:
        return c.unsigned(unit.format().offsetSize());
      case REF_ADDR:
        return c.unsigned(unit.version() <= 2 ? unit.addressSize() : unit.format().offsetSize());
      case SDATA: return c.sleb();
      case UDATA: case REF_UDATA: case STRX: case ADDRX: case LOCLISTX: case RNGLISTX:
      case GNU_ADDR_INDEX: case GNU_STR_INDEX:
        return c.uleb();
      case FLAG_PRESENT: return 1;
      case IMPLICIT_CONST: return ab.implicitConst(i);
      case STRING: {
        int start = c.position();
        c.skipCstring();
        lengths[i] = c.position() - start - 1;
        return start;
      }
      case BLOCK1: return block(c, i, c.u8());
      case BLOCK2: return block(c, i, c.u16());
      case BLOCK4: return block(c, i, c.u32());
      case BLOCK: case EXPRLOC: return block(c, i, c.uleb());
      case DATA16: return block(c, i, 16);
      default: throw c.error("unknown form " + new DwForm(form), positions[i]);
    }
  }

  private long block(ByteCursor c, int i, long length) {
    if (length < 0 || length > c.remaining()) {
      throw c.error("block of 0x" + Long.toHexString(length) + " bytes runs past the end of the unit",
          positions[i]);
    }
    int start = c.position();
    c.skip(length);
    lengths[i] = (int) length;
    return start;
  }

  /** Returns the offset just after this entry's attributes (its first child, if any). */
  int end() {
    return end;
  }

  /**
   * Returns the target of DW_AT_sibling as a {@code .debug_info} offset, or -1 if absent. Only
   * unit-relative reference forms count; others are ignored.
   */
  long siblingOffset() {
    int i = abbrev.indexOf(DW_AT_SIBLING);
    return i >= 0 && Forms.isUnitReference(forms[i]) ? unit.offset() + values[i] : -1;
  }

  /**
   * Returns the unit this entry belongs to.
   *
   * @return the unit this entry belongs to
   */
  public Unit unit() {
    return unit;
  }

  /**
   * Returns the entry's offset in {@code .debug_info}.
   *
   * @return the entry's offset in {@code .debug_info}
   */
  public long offset() {
    return offset;
  }

  /**
   * Returns the entry's depth below the point where its cursor started: 0 for a unit's root
   * DIE, 1 for its children, and so on; after {@link DieCursor#seek}, 0 for the target.
   *
   * @return the depth, 0 for a unit's root or a seek target
   */
  public int depth() {
    return depth;
  }

  /**
   * Returns the entry's tag (a shared object; no allocation).
   *
   * @return the tag
   */
  public DwTag tag() {
    return abbrev.tag();
  }

  /**
   * Returns whether the entry's abbreviation says it has children (the list may be empty).
   *
   * @return whether the entry's abbreviation says it has children (the list may be empty)
   */
  public boolean hasChildren() {
    return abbrev.hasChildren();
  }

  /**
   * Returns the number of attributes.
   *
   * @return the number of attributes
   */
  public int attributeCount() {
    return abbrev.attributeCount();
  }

  /**
   * Returns the name of attribute {@code i}.
   *
   * @param i from 0 to {@link #attributeCount()} - 1
   * @return the name of attribute {@code i}
   */
  public DwAt attributeAt(int i) {
    return abbrev.attribute(checkIndex(i));
  }

  /**
   * Returns the form of attribute {@code i}, with DW_FORM_indirect resolved.
   *
   * @param i from 0 to {@link #attributeCount()} - 1
   * @return the form of attribute {@code i}, with DW_FORM_indirect resolved
   */
  public DwForm formAt(int i) {
    return new DwForm(forms[checkIndex(i)]);
  }

  /**
   * Returns the decoded value of attribute {@code i}.
   *
   * @param i from 0 to {@link #attributeCount()} - 1
   * @return the decoded value of attribute {@code i}
   */
  public AttrValue valueAt(int i) {
    int form = forms[checkIndex(i)];
    long v = values[i];
    switch (form) {
      case ADDR: case ADDRX: case ADDRX1: case ADDRX2: case ADDRX3: case ADDRX4: case GNU_ADDR_INDEX:
        return new AttrValue.Address(address(i));
      case DATA1: case DATA2: case DATA4: case DATA8: case UDATA:
        return new AttrValue.Unsigned(v);
      case SDATA: case IMPLICIT_CONST:
        return new AttrValue.Signed(v);
      case FLAG: case FLAG_PRESENT:
        return new AttrValue.Flag(v != 0);
      case REF1: case REF2: case REF4: case REF8: case REF_UDATA: case REF_ADDR:
        return new AttrValue.Reference(reference(i));
      case REF_SIG8: {
        OptionalLong target = unit.dwarf().typeUnitDie(v);
        return target.isPresent() ? new AttrValue.Reference(target.getAsLong()) : new AttrValue.Signature(v);
      }
      case STRING: case STRP: case LINE_STRP: case STRX: case STRX1: case STRX2: case STRX3: case STRX4:
      case GNU_STR_INDEX:
        return new AttrValue.Text(string(i));
      case BLOCK: case BLOCK1: case BLOCK2: case BLOCK4: case DATA16:
        return new AttrValue.Block(bytes(i));
      case EXPRLOC:
        return new AttrValue.Expression(bytes(i));
      case SEC_OFFSET: case LOCLISTX: case RNGLISTX:
        return new AttrValue.SectionOffset(sectionOffset(i));
      default: // REF_SUP4, REF_SUP8, STRP_SUP, GNU_REF_ALT, GNU_STRP_ALT: read() rejects the rest
        return new AttrValue.Supplementary(v);
    }
  }

  /**
   * Returns whether the entry has attribute {@code at}.
   *
   * @param at the attribute
   * @return whether the entry has attribute {@code at}
   */
  public boolean has(DwAt at) {
    return abbrev.indexOf(at.code()) >= 0;
  }

  /**
   * Returns the decoded value of attribute {@code at}.
   *
   * @param at the attribute
   * @return the value, or empty if the entry has no such attribute
   */
  public Optional<AttrValue> attr(DwAt at) {
    int i = abbrev.indexOf(at.code());
    return i < 0 ? Optional.empty() : Optional.of(valueAt(i));
  }

  /**
   * Returns a constant ({@code data1}-{@code data8}, {@code udata}, {@code sdata},
   * {@code implicit_const}), flag (0 or 1) or {@code sec_offset} attribute as an integer,
   * zero-extending the fixed-size forms. Allocation-free.
   *
   * @param at the attribute
   * @param defaultValue returned if the attribute is absent or of another class
   * @return the integer value, or {@code defaultValue}
   */
  public long attrUnsigned(DwAt at, long defaultValue) {
    int i = abbrev.indexOf(at.code());
    return i >= 0 && Forms.isInteger(forms[i]) ? values[i] : defaultValue;
  }

  /**
   * Returns a constant, flag or {@code sec_offset} attribute as an integer, zero-extending the
   * fixed-size forms (for example DW_AT_byte_size, DW_AT_go_kind, DW_AT_decl_line).
   *
   * @param at the attribute
   * @return the value, or empty if the attribute is absent or of another class
   */
  public OptionalLong attrUnsigned(DwAt at) {
    int i = abbrev.indexOf(at.code());
    return i >= 0 && Forms.isInteger(forms[i]) ? OptionalLong.of(values[i]) : OptionalLong.empty();
  }

  /**
   * Returns a constant attribute as a signed integer, sign-extending {@code data1},
   * {@code data2} and {@code data4} (for example DW_AT_const_value, DW_AT_lower_bound).
   *
   * @param at the attribute
   * @return the value, or empty if the attribute is absent or not a constant
   */
  public OptionalLong attrSigned(DwAt at) {
    int i = abbrev.indexOf(at.code());
    if (i < 0) {
      return OptionalLong.empty();
    }
    long v = values[i];
    switch (forms[i]) {
      case DATA1: return OptionalLong.of((byte) v);
      case DATA2: return OptionalLong.of((short) v);
      case DATA4: return OptionalLong.of((int) v);
      case DATA8: case UDATA: case SDATA: case IMPLICIT_CONST: return OptionalLong.of(v);
      default: return OptionalLong.empty();
    }
  }

  /**
   * Returns a flag attribute ({@code flag}, {@code flag_present}), such as DW_AT_external or
   * DW_AT_go_embedded_field.
   *
   * @param at the attribute
   * @return the flag, or false if the attribute is absent or not a flag
   */
  public boolean attrFlag(DwAt at) {
    int i = abbrev.indexOf(at.code());
    return i >= 0 && (forms[i] == FLAG || forms[i] == FLAG_PRESENT) && values[i] != 0;
  }

  /**
   * Returns an address attribute ({@code addr}, or {@code addrx*} resolved through
   * {@code .debug_addr}), such as DW_AT_low_pc or DW_AT_go_runtime_type.
   *
   * @param at the attribute
   * @return the address, or empty if the attribute is absent or not an address
   */
  public OptionalLong attrAddress(DwAt at) {
    int i = abbrev.indexOf(at.code());
    return i >= 0 && Forms.isAddress(forms[i]) ? OptionalLong.of(address(i)) : OptionalLong.empty();
  }

  /**
   * Returns a reference attribute as the {@code .debug_info} offset of the DIE it refers to
   * ({@code ref1}-{@code ref8} and {@code ref_udata} are unit-relative and rebased here;
   * {@code ref_addr} is already absolute; {@code ref_sig8} is resolved through the type units).
   * Allocation-free.
   *
   * @param at the attribute
   * @param defaultValue returned if the attribute is absent, not a reference, a reference into
   *     a supplementary file, or a type signature with no type unit here
   * @return the referenced DIE's offset, or {@code defaultValue}
   */
  public long attrReference(DwAt at, long defaultValue) {
    int i = abbrev.indexOf(at.code());
    if (i < 0) {
      return defaultValue;
    }
    if (forms[i] == REF_SIG8) {
      return unit.dwarf().typeUnitDie(values[i]).orElse(defaultValue);
    }
    return Forms.isReference(forms[i]) ? reference(i) : defaultValue;
  }

  /**
   * Returns a reference attribute (DW_AT_type, DW_AT_abstract_origin, DW_AT_go_elem, ...) as the
   * {@code .debug_info} offset of the DIE it refers to; see {@link #attrReference(DwAt, long)}.
   *
   * @param at the attribute
   * @return the offset, or empty if the attribute is absent or cannot be resolved here
   */
  public OptionalLong attrReference(DwAt at) {
    long r = attrReference(at, -1);
    return r == -1 ? OptionalLong.empty() : OptionalLong.of(r);
  }

  /**
   * Returns a string attribute, decoding it now ({@code string}, {@code strp},
   * {@code line_strp}, {@code strx*}).
   *
   * @param at the attribute
   * @return the string, or empty if the attribute is absent, not a string, or a string in a
   *     supplementary file
   */
  public Optional<String> attrString(DwAt at) {
    int i = abbrev.indexOf(at.code());
    return i >= 0 && Forms.isString(forms[i]) ? Optional.of(string(i)) : Optional.empty();
  }

  /**
   * Returns the bytes of a block attribute ({@code block*}, {@code exprloc}, {@code data16}) as
   * a read-only little-endian view.
   *
   * @param at the attribute
   * @return the bytes, or empty if the attribute is absent or of another class
   */
  public Optional<ByteBuffer> attrBlock(DwAt at) {
    int i = abbrev.indexOf(at.code());
    return i >= 0 && Forms.isBlock(forms[i]) ? Optional.of(bytes(i)) : Optional.empty();
  }

  /**
   * Returns an attribute that points into another section (DW_AT_stmt_list, DW_AT_ranges,
   * DW_AT_location, DW_AT_macros, ...) as an offset in that section: {@code sec_offset} as is,
   * {@code loclistx}/{@code rnglistx} resolved through the unit's base, and in DWARF 2 and 3
   * {@code data4}/{@code data8}, which served as section offsets then.
   *
   * @param at the attribute
   * @return the offset, or empty if the attribute is absent or of another class
   */
  public OptionalLong attrSectionOffset(DwAt at) {
    int i = abbrev.indexOf(at.code());
    return i >= 0 && isSectionOffset(forms[i]) ? OptionalLong.of(sectionOffset(i)) : OptionalLong.empty();
  }

  /**
   * Returns the address ranges of the entry's code: [DW_AT_low_pc, DW_AT_high_pc), where a
   * constant high_pc is an offset from low_pc, or the list DW_AT_ranges names, with empty ranges
   * dropped.
   *
   * @return the ranges in list order; empty if the entry has no code addresses
   */
  public List<AddressRange> ranges() {
    int r = abbrev.indexOf(DW_AT_RANGES);
    if (r >= 0 && isSectionOffset(forms[r])) {
      SectionId id = unit.version() >= 5 ? SectionId.DEBUG_RNGLISTS : SectionId.DEBUG_RANGES;
      return ListReaders.ranges(unit, unit.sections().require(id, info, positions[r]), sectionOffset(r));
    }
    int lo = abbrev.indexOf(DW_AT_LOW_PC);
    int hi = abbrev.indexOf(DW_AT_HIGH_PC);
    if (lo < 0 || hi < 0 || !Forms.isAddress(forms[lo])) {
      return List.of();
    }
    long low = address(lo);
    long high;
    if (Forms.isAddress(forms[hi])) {
      high = address(hi);
    } else if (Forms.isInteger(forms[hi])) {
      high = low + values[hi];
    } else {
      return List.of();
    }
    return Long.compareUnsigned(low, high) < 0 ? List.of(new AddressRange(low, high)) : List.of();
  }

  /**
   * Returns a location-valued attribute (DW_AT_location, DW_AT_frame_base,
   * DW_AT_data_member_location in expression form, ...): a single expression for
   * {@code exprloc} and block forms, or the location list that {@code sec_offset} or
   * {@code loclistx} names ({@code .debug_loc} before DWARF 5, {@code .debug_loclists} from 5).
   *
   * @param at the attribute
   * @return the location, or empty if the attribute is absent or a constant
   */
  public Optional<Location> location(DwAt at) {
    int i = abbrev.indexOf(at.code());
    if (i < 0) {
      return Optional.empty();
    }
    if (forms[i] == EXPRLOC || Forms.isBlock(forms[i]) && forms[i] != DATA16) {
      return Optional.of(new Location.Single(bytes(i)));
    }
    if (isSectionOffset(forms[i])) {
      SectionId id = unit.version() >= 5 ? SectionId.DEBUG_LOCLISTS : SectionId.DEBUG_LOC;
      return Optional.of(ListReaders.locations(unit, unit.sections().require(id, info, positions[i]),
          sectionOffset(i)));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "<0x" + Long.toHexString(offset) + "> " + tag() + " depth " + depth;
  }

  private int checkIndex(int i) {
    if (i < 0 || i >= abbrev.attributeCount()) {
      throw new IndexOutOfBoundsException("attribute " + i + " of " + abbrev.attributeCount());
    }
    return i;
  }

  private long address(int i) {
    return forms[i] == ADDR ? values[i] : unit.indexedAddress(values[i]);
  }

  private long reference(int i) {
    return forms[i] == REF_ADDR ? values[i] : unit.offset() + values[i];
  }

  private long sectionOffset(int i) {
    switch (forms[i]) {
      case LOCLISTX: return unit.locationListOffset(values[i]);
      case RNGLISTX: return unit.rangeListOffset(values[i]);
      default: return values[i];
    }
  }

  private String string(int i) {
    long v = values[i];
    switch (forms[i]) {
      case STRING: return info.stringAt(v, lengths[i]);
      case STRP: return unit.stringAt(SectionId.DEBUG_STR, v, info, positions[i]);
      case LINE_STRP: return unit.stringAt(SectionId.DEBUG_LINE_STR, v, info, positions[i]);
      default: return unit.stringAt(SectionId.DEBUG_STR, unit.indexedStringOffset(v), info, positions[i]);
    }
  }

  private ByteBuffer bytes(int i) {
    return info.duplicate().seek(values[i]).view(lengths[i]);
  }

  private boolean isSectionOffset(int form) {
    return Forms.isSectionOffset(form, unit.version());
  }
}
