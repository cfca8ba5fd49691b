package org.dlv4j.dwarf.internal.loc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.dwarf.Unit;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.dwarf.loc.AddressRange;
import org.dlv4j.dwarf.loc.LocationEntry;
import org.dlv4j.dwarf.loc.LocationList;

/**
 * Decoders for range lists ({@code .debug_ranges}, {@code .debug_rnglists}) and location lists
 * ({@code .debug_loc}, {@code .debug_loclists}). Lists start from the unit's base address and
 * resolve address indexes through the unit's {@code .debug_addr} table.
 */
public final class ListReaders {
  /** Lists longer than this are treated as malformed, to bound what a file can make us allocate. */
  static final int MAX_ENTRIES = 1 << 16;

  private static final int RLE_END_OF_LIST = 0;
  private static final int RLE_BASE_ADDRESSX = 1;
  private static final int RLE_STARTX_ENDX = 2;
  private static final int RLE_STARTX_LENGTH = 3;
  private static final int RLE_OFFSET_PAIR = 4;
  private static final int RLE_BASE_ADDRESS = 5;
  private static final int RLE_START_END = 6;
  private static final int RLE_START_LENGTH = 7;

  private static final int LLE_END_OF_LIST = 0;
  private static final int LLE_DEFAULT_LOCATION = 5;
  private static final int LLE_BASE_ADDRESS = 6;
  private static final int LLE_START_LENGTH = 8;
  private static final int LLE_GNU_VIEW_PAIR = 9;

  private ListReaders() {}

  /**
   * Reads the range list at {@code offset}: from {@code .debug_rnglists} for DWARF 5 units
   * (DWARF v5 §2.17.3), else from {@code .debug_ranges} (DWARF v4 §2.17.3). Empty ranges are
   * dropped.
   *
   * @param section a cursor over the section that matches the unit's version; not moved
   */
  public static List<AddressRange> ranges(Unit unit, ByteCursor section, long offset) {
    ByteCursor c = section.duplicate().seek(offset);
    List<AddressRange> out = new ArrayList<>();
    if (unit.version() >= 5) {
      readRnglist(unit, c, out);
    } else {
      readRanges(unit, c, out);
    }
    return List.copyOf(out);
  }

  /**
   * Reads the location list at {@code offset}: from {@code .debug_loclists} for DWARF 5 units
   * (DWARF v5 §2.6.2), else from {@code .debug_loc} (DWARF v4 §2.6.2).
   *
   * @param section a cursor over the section that matches the unit's version; not moved
   */
  public static LocationList locations(Unit unit, ByteCursor section, long offset) {
    ByteCursor c = section.duplicate().seek(offset);
    List<LocationEntry> out = new ArrayList<>();
    Optional<ByteBuffer> fallback = unit.version() >= 5 ? readLoclist(unit, c, out) : readLoc(unit, c, out);
    return new LocationList(offset, out, fallback);
  }

  private static void readRanges(Unit unit, ByteCursor c, List<AddressRange> out) {
    readPairs(unit, c, (start, end, at) -> addRange(out, start, end, c, at));
  }

  private static void readRnglist(Unit unit, ByteCursor c, List<AddressRange> out) {
    Bounds b = new Bounds(unit.baseAddress());
    while (true) {
      int at = c.position();
      int kind = c.u8();
      if (kind == RLE_END_OF_LIST) {
        return;
      }
      if (kind > RLE_START_LENGTH) {
        throw c.error("unknown range list entry kind 0x" + Integer.toHexString(kind), at);
      }
      if (readBounds(unit, c, kind, b)) {
        addRange(out, b.start, b.end, c, at);
      }
    }
  }

  private static Optional<ByteBuffer> readLoc(Unit unit, ByteCursor c, List<LocationEntry> out) {
    readPairs(unit, c, (start, end, at) -> addLocation(out, start, end, c.view(c.u16()), c, at));
    return Optional.empty();
  }

  /**
   * Reads a DWARF 4 list: pairs of addresses up to a (0, 0) pair, a pair whose first address is
   * all ones selecting a new base; gives {@code entry} each other pair, offset by the base, with
   * the cursor just past it.
   */
  private static void readPairs(Unit unit, ByteCursor c, PairEntry entry) {
    int size = unit.addressSize();
    long selector = maxAddress(size);
    long base = unit.baseAddress();
    while (true) {
      int at = c.position();
      long begin = c.unsigned(size);
      long end = c.unsigned(size);
      if (begin == 0 && end == 0) {
        return;
      }
      if (begin == selector) {
        base = end;
      } else {
        entry.accept(base + begin, base + end, at);
      }
    }
  }

  /** Takes one address pair of a DWARF 4 list, which starts at {@code at}. */
  private interface PairEntry {
    void accept(long start, long end, int at);
  }

  private static Optional<ByteBuffer> readLoclist(Unit unit, ByteCursor c, List<LocationEntry> out) {
    Bounds b = new Bounds(unit.baseAddress());
    Optional<ByteBuffer> fallback = Optional.empty();
    while (true) {
      int at = c.position();
      int kind = c.u8();
      switch (kind) {
        case LLE_END_OF_LIST:
          return fallback;
        case LLE_GNU_VIEW_PAIR: // view numbers for the next entry; we do not track views
          c.skipLeb();
          c.skipLeb();
          continue;
        case LLE_DEFAULT_LOCATION:
          fallback = Optional.of(expression(c));
          continue;
        default:
          if (kind > LLE_START_LENGTH) {
            throw c.error("unknown location list entry kind 0x" + Integer.toHexString(kind), at);
          }
      }
      // the other kinds are the range list kinds, numbered one higher from LLE_BASE_ADDRESS on
      if (readBounds(unit, c, kind >= LLE_BASE_ADDRESS ? kind - 1 : kind, b)) {
        addLocation(out, b.start, b.end, expression(c), c, at);
      }
    }
  }

  /** The base address of a DWARF 5 list and the bounds of its entry just read. */
  private static final class Bounds {
    long base;
    long start;
    long end;

    Bounds(long base) {
      this.base = base;
    }
  }

  /**
   * Reads the operands of a DWARF 5 list entry of {@code kind}, a range list kind other than
   * the end of the list: either sets the base address and returns false, or sets the entry's
   * start and end and returns true.
   */
  private static boolean readBounds(Unit unit, ByteCursor c, int kind, Bounds b) {
    switch (kind) {
      case RLE_BASE_ADDRESSX:
        b.base = unit.indexedAddress(c.uleb());
        return false;
      case RLE_BASE_ADDRESS:
        b.base = c.unsigned(unit.addressSize());
        return false;
      case RLE_STARTX_ENDX:
        b.start = unit.indexedAddress(c.uleb());
        b.end = unit.indexedAddress(c.uleb());
        return true;
      case RLE_STARTX_LENGTH:
        b.start = unit.indexedAddress(c.uleb());
        b.end = b.start + c.uleb();
        return true;
      case RLE_OFFSET_PAIR:
        b.start = b.base + c.uleb();
        b.end = b.base + c.uleb();
        return true;
      case RLE_START_END:
        b.start = c.unsigned(unit.addressSize());
        b.end = c.unsigned(unit.addressSize());
        return true;
      case RLE_START_LENGTH:
        b.start = c.unsigned(unit.addressSize());
        b.end = b.start + c.uleb();
        return true;
      default:
        throw new IllegalArgumentException("not a range list entry kind: " + kind);
    }
  }

  /** Reads a counted location description: a ULEB128 length and that many expression bytes. */
  private static ByteBuffer expression(ByteCursor c) {
    int at = c.position();
    long length = c.uleb();
    if (length < 0 || length > c.remaining()) {
      throw c.error("location expression of 0x" + Long.toHexString(length) + " bytes runs past the section",
          at);
    }
    return c.view((int) length);
  }

  private static void addRange(List<AddressRange> out, long start, long end, ByteCursor c, int at) {
    checkCount(out.size(), c, at);
    if (Long.compareUnsigned(start, end) < 0) {
      out.add(new AddressRange(start, end));
    }
  }

  private static void addLocation(List<LocationEntry> out, long start, long end, ByteBuffer expr,
      ByteCursor c, int at) {
    checkCount(out.size(), c, at);
    out.add(new LocationEntry(new AddressRange(start, end), expr));
  }

  private static void checkCount(int size, ByteCursor c, int at) {
    if (size >= MAX_ENTRIES) {
      throw c.error("list longer than " + MAX_ENTRIES + " entries", at);
    }
  }

  private static long maxAddress(int size) {
    return size == 8 ? -1L : (1L << (8 * size)) - 1;
  }
}
