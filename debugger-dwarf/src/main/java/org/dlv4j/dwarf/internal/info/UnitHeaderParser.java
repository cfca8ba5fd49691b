package org.dlv4j.dwarf.internal.info;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.util.OptionalLong;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.DwarfFormat;
import org.dlv4j.dwarf.UnitHeader;
import org.dlv4j.dwarf.constants.DwUt;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.dwarf.internal.ksy.DwarfUnitHeader;

/** Reads and validates unit headers with the Kaitai parser generated from dwarf_unit_header.ksy. */
public final class UnitHeaderParser {
  /** The largest header: 64-bit type unit (12 + 2 + 1 + 1 + 8 + 8 + 8). */
  private static final int MAX_HEADER_SIZE = 40;

  private UnitHeaderParser() {}

  /**
   * Parses the header of the unit at {@code offset}.
   *
   * @param info a cursor over {@code .debug_info}; not moved
   * @throws BinaryFormatException if the header is truncated, of an unsupported version or unit
   *     type, or the unit runs past the end of the section
   */
  public static UnitHeader parse(ByteCursor info, long offset) {
    int available = (int) Math.min(MAX_HEADER_SIZE, info.limit() - offset);
    ByteBufferKaitaiStream io = new ByteBufferKaitaiStream(info.duplicate().seek(offset).view(available));
    DwarfUnitHeader h;
    try {
      h = new DwarfUnitHeader(io);
    } catch (RuntimeException e) { // Kaitai signals truncation with BufferUnderflowException
      throw new BinaryFormatException("truncated unit header", info.where(), offset, e);
    }
    long length32 = h.unitLength32();
    if (length32 >= 0xffff_fff0L && length32 != 0xffff_ffffL) {
      throw info.error("reserved initial length 0x" + Long.toHexString(length32), offset);
    }
    DwarfFormat format = h.isDwarf64() ? DwarfFormat.DWARF64 : DwarfFormat.DWARF32;
    int version = h.version();
    if (version < 2 || version > 5) {
      throw info.error("unsupported DWARF version " + version, offset);
    }
    int unitType = h.unitType();
    if (unitType < DwUt.DW_UT_compile.code() || unitType > DwUt.DW_UT_split_type.code()) {
      throw info.error("unsupported unit type " + new DwUt(unitType), offset);
    }
    int addressSize = h.addressSize();
    if (addressSize != 1 && addressSize != 2 && addressSize != 4 && addressSize != 8) {
      throw info.error("unsupported address size " + addressSize, offset);
    }
    long length = h.unitLength();
    int headerSize = io.pos();
    long room = info.limit() - offset - format.initialLengthSize();
    if (length < 0 || length > room) {
      throw info.error("unit length 0x" + Long.toHexString(length) + " runs past the end of the section",
          offset);
    }
    if (headerSize > format.initialLengthSize() + length) {
      throw info.error("unit length 0x" + Long.toHexString(length) + " shorter than its header", offset);
    }
    boolean typeUnit = h.isTypeUnit();
    long abbrevOffset = h.abbrevOffset();
    return new UnitHeader(offset, length, format, version, new DwUt(unitType), addressSize,
        abbrevOffset, headerSize,
        typeUnit ? OptionalLong.of(h.typeSignature()) : OptionalLong.empty(),
        typeUnit ? OptionalLong.of(h.typeOffset()) : OptionalLong.empty(),
        h.dwoId() != null ? OptionalLong.of(h.dwoId()) : OptionalLong.empty());
  }
}
