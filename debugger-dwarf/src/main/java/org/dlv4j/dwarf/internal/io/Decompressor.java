package org.dlv4j.dwarf.internal.io;

import io.airlift.compress.zstd.ZstdDecompressor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.dlv4j.api.BinaryFormatException;

/**
 * Decompresses zlib and zstd section contents into a new heap buffer of exactly the declared
 * size. The declared size comes from the file, so it is capped before anything is allocated
 * (see {@link #checkSize}); a stream that yields more or fewer bytes than declared is rejected.
 */
public final class Decompressor {
  /** The largest decompressed section accepted, whatever the compressed size: 1 GiB. */
  public static final long MAX_SIZE = 1L << 30;

  /**
   * The largest accepted ratio of decompressed to compressed size. Deflate cannot exceed
   * 1032:1, and real DWARF compresses 3-10x; zstd can exceed it only on degenerate input.
   */
  public static final int MAX_RATIO = 1032;

  /** Slack added to the ratio bound so tiny sections of zeros are still accepted. */
  private static final long SLACK = 64 * 1024;

  private Decompressor() {}

  /**
   * Rejects a declared decompressed size above {@link #MAX_SIZE} or above
   * {@code MAX_RATIO * compressedLength + 64 KiB}.
   *
   * @param declared the decompressed size stated by the file
   * @param compressedLength the size of the compressed stream
   * @param where the file and section, for error messages
   * @param offset the offset of the stream, for error messages
   * @throws BinaryFormatException naming {@code where} and {@code offset} if the size is refused
   */
  public static void checkSize(long declared, long compressedLength, String where, long offset) {
    if (declared < 0 || declared > MAX_SIZE || declared > MAX_RATIO * compressedLength + SLACK) {
      throw new BinaryFormatException("declared decompressed size 0x" + Long.toHexString(declared)
          + " is implausible for 0x" + Long.toHexString(compressedLength) + " compressed bytes",
          where, offset);
    }
  }

  /**
   * Inflates a zlib (RFC 1950) stream that must produce exactly {@code size} bytes.
   *
   * @param compressed the stream, from its position to its limit; not modified
   * @param size the declared decompressed size
   * @param where the file and section, for error messages
   * @param offset the file offset of the stream, for error messages
   * @return a read-only little-endian buffer of {@code size} bytes
   * @throws BinaryFormatException if the size is refused or the stream is corrupt, short or long
   */
  public static ByteBuffer zlib(ByteBuffer compressed, long size, String where, long offset) {
    checkSize(size, compressed.remaining(), where, offset);
    // One spare byte: a stream that fills it is longer than declared, and the inflater never
    // has to be asked to finish into a zero-length window.
    byte[] out = new byte[(int) size + 1];
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed.duplicate());
      int n = 0;
      while (!inflater.finished()) {
        int got = inflater.inflate(out, n, out.length - n);
        n += got;
        if (n > size) {
          throw new BinaryFormatException("zlib stream longer than the declared 0x"
              + Long.toHexString(size) + " bytes", where, offset);
        }
        if (got == 0 && !inflater.finished()) {
          throw new BinaryFormatException(inflater.needsDictionary()
              ? "zlib stream needs a preset dictionary"
              : "zlib stream truncated after 0x" + Integer.toHexString(n) + " of 0x"
                  + Long.toHexString(size) + " bytes", where, offset);
        }
      }
      if (n != size) {
        throw new BinaryFormatException("zlib stream gave 0x" + Integer.toHexString(n)
            + " bytes, header declared 0x" + Long.toHexString(size), where, offset);
      }
    } catch (DataFormatException e) {
      throw new BinaryFormatException("corrupt zlib stream: " + e.getMessage(), where, offset, e);
    } finally {
      inflater.end();
    }
    return wrap(out, (int) size);
  }

  /**
   * Decompresses zstd (RFC 8878) frames that must produce exactly {@code size} bytes.
   *
   * @param compressed the frames, from its position to its limit; not modified
   * @param size the declared decompressed size
   * @param where the file and section, for error messages
   * @param offset the file offset of the frames, for error messages
   * @return a read-only little-endian buffer of {@code size} bytes
   * @throws BinaryFormatException if the size is refused or the frames are corrupt, short or long
   */
  public static ByteBuffer zstd(ByteBuffer compressed, long size, String where, long offset) {
    checkSize(size, compressed.remaining(), where, offset);
    byte[] in = new byte[compressed.remaining()];
    compressed.duplicate().get(in);
    byte[] out = new byte[(int) size];
    int n;
    try {
      n = new ZstdDecompressor().decompress(in, 0, in.length, out, 0, out.length);
    } catch (RuntimeException e) {
      // aircompressor reports corrupt input and a too-small output both as unchecked exceptions
      // (MalformedInputException and, on some corrupt inputs, index errors); all mean "bad data".
      throw new BinaryFormatException("corrupt zstd stream: " + e.getMessage(), where, offset, e);
    }
    if (n != out.length) {
      throw new BinaryFormatException("zstd stream gave 0x" + Integer.toHexString(n)
          + " bytes, header declared 0x" + Long.toHexString(size), where, offset);
    }
    return wrap(out, out.length);
  }

  private static ByteBuffer wrap(byte[] out, int length) {
    return ByteBuffer.wrap(out, 0, length).slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }
}
