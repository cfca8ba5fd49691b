package org.dlv4j.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.Decompressor;
import org.dlv4j.dwarf.internal.io.KaitaiReader;
import org.dlv4j.dwarf.internal.ksy.Elf64Chdr;

/**
 * Decompresses the two on-disk forms of compressed sections: {@code SHF_COMPRESSED} with an
 * {@code Elf64_Chdr} (zlib or zstd; System V gABI, "Section Compression"), and the legacy GNU
 * {@code .zdebug_*} form, {@code "ZLIB"} followed by the big-endian 64-bit decompressed size
 * and a zlib stream.
 */
final class SectionDecompressor {
  private static final int CHDR_SIZE = 24;
  private static final int ELFCOMPRESS_ZLIB = 1;
  private static final int ELFCOMPRESS_ZSTD = 2;
  private static final int LEGACY_HEADER_SIZE = 12;
  private static final int LEGACY_MAGIC = 0x5a4c4942; // "ZLIB" read big-endian

  private SectionDecompressor() {}

  /**
   * Decompresses a section whose {@link Section#isCompressed()} is true.
   *
   * @param s the section
   * @param raw its bounds-checked in-file contents
   * @param where the file and section name, for messages
   * @return the decompressed contents, read-only and little-endian
   */
  static ByteBuffer decompress(Section s, ByteBuffer raw, String where) {
    if ((s.flags() & Section.SHF_COMPRESSED) != 0) {
      Elf64Chdr chdr = KaitaiReader.parse(raw, 0, Math.min(CHDR_SIZE, raw.limit()),
          where + " compression header", Elf64Chdr::new);
      ByteBuffer stream = raw.slice(CHDR_SIZE, raw.limit() - CHDR_SIZE);
      switch ((int) chdr.chType()) {
        case ELFCOMPRESS_ZLIB:
          return Decompressor.zlib(stream, chdr.chSize(), where, CHDR_SIZE);
        case ELFCOMPRESS_ZSTD:
          return Decompressor.zstd(stream, chdr.chSize(), where, CHDR_SIZE);
        default:
          throw new UnsupportedBinaryException("unknown compression type " + chdr.chType(), where,
              0);
      }
    }
    ByteBuffer be = raw.duplicate().order(ByteOrder.BIG_ENDIAN);
    if (raw.limit() < LEGACY_HEADER_SIZE || be.getInt(0) != LEGACY_MAGIC) {
      throw new BinaryFormatException("legacy compressed section without a ZLIB header", where, 0);
    }
    return Decompressor.zlib(raw.slice(LEGACY_HEADER_SIZE, raw.limit() - LEGACY_HEADER_SIZE),
        be.getLong(4), where, LEGACY_HEADER_SIZE);
  }
}
