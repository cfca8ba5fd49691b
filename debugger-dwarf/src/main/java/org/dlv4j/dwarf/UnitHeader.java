package org.dlv4j.dwarf;

import java.util.OptionalLong;
import org.dlv4j.dwarf.constants.DwUt;

/**
 * The fixed header of one unit in {@code .debug_info} (DWARF v5 §7.5.1).
 *
 * @param offset the unit's offset in {@code .debug_info}
 * @param unitLength the unit length field: the bytes after the initial length
 * @param format 32- or 64-bit DWARF
 * @param version the DWARF version, 2 to 5
 * @param unitType the unit type; {@code DW_UT_compile} for versions before 5
 * @param addressSize the size of a target address in bytes
 * @param abbrevOffset the offset of the unit's abbreviation table in {@code .debug_abbrev}
 * @param headerSize the size of the header; the first DIE is at {@code offset + headerSize}
 * @param typeSignature the type signature of a type unit, else empty
 * @param typeOffset for a type unit, the unit-relative offset of the type DIE, else empty
 * @param dwoId the DWO id of a skeleton or split compile unit, else empty
 */
public record UnitHeader(long offset, long unitLength, DwarfFormat format, int version,
    DwUt unitType, int addressSize, long abbrevOffset, int headerSize,
    OptionalLong typeSignature, OptionalLong typeOffset, OptionalLong dwoId) {

  /**
   * Returns the offset just past the unit in {@code .debug_info}, where the next unit starts.
   *
   * @return {@code offset + initial length size + unitLength}
   */
  public long end() {
    return offset + format.initialLengthSize() + unitLength;
  }

  /**
   * Returns the offset of the unit's first (root) DIE in {@code .debug_info}.
   *
   * @return {@code offset + headerSize}
   */
  public long firstDieOffset() {
    return offset + headerSize;
  }
}
