package org.dlv4j.dwarf.internal.io;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.dlv4j.api.BinaryFormatException;

/**
 * Runs a Kaitai-generated parser over a bounds-checked window of a buffer and turns every
 * Kaitai or buffer failure into a {@link BinaryFormatException} naming the structure and file
 * offset. Generated classes never see more than the window, so a lying size field can make
 * them fail but never read (or allocate) beyond it.
 */
public final class KaitaiReader {
  private KaitaiReader() {}

  /**
   * Parses one structure from {@code length} bytes at {@code offset} of {@code buf}.
   *
   * @param buf the whole file (or section); its position and limit are not used
   * @param offset where the structure starts, relative to index 0 of {@code buf}
   * @param length the bytes the structure may use; also checked against {@code buf}
   * @param where what is being read, for error messages, e.g. {@code "/bin/x section header 3"}
   * @param parser the generated constructor, e.g. {@code Elf64SectionHeader::new}
   * @param <T> the generated type
   * @return the parsed structure
   * @throws BinaryFormatException if the window is outside {@code buf} or the data is malformed
   */
  public static <T> T parse(ByteBuffer buf, long offset, long length, String where,
      Function<KaitaiStream, T> parser) {
    if (offset < 0 || length < 0 || offset > buf.limit() || length > buf.limit() - offset) {
      throw new BinaryFormatException("0x" + Long.toHexString(length) + " bytes at 0x"
          + Long.toHexString(offset) + " lie outside the 0x" + Integer.toHexString(buf.limit())
          + "-byte input", where, offset);
    }
    KaitaiStream io = new ByteBufferKaitaiStream(buf.slice((int) offset, (int) length));
    try {
      return parser.apply(io);
    } catch (BufferUnderflowException e) {
      throw new BinaryFormatException("truncated", where, offset + io.pos(), e);
    } catch (KaitaiStream.KaitaiStructError e) {
      throw new BinaryFormatException("invalid field: " + e.getMessage(), where, offset + io.pos(), e);
    } catch (RuntimeException e) {
      // The Kaitai runtime reports a missing string terminator as a bare RuntimeException and an
      // over-long size as IllegalArgumentException; over an in-memory window both mean bad data.
      throw new BinaryFormatException(String.valueOf(e.getMessage()), where, offset + io.pos(), e);
    }
  }
}
