package org.dlv4j.gort.internal.runtime;

import java.nio.ByteBuffer;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.spi.MemoryAccess;

/**
 * The target memory the runtime model and the unwinder read: the one method they need of
 * {@link MemoryAccess}, so that tests can serve memory from byte arrays. Implementations must
 * be safe to call from the thread that lists goroutines while the target is stopped.
 */
@FunctionalInterface
public interface TargetMemory {

  /**
   * Reads up to {@code length} bytes, as {@link MemoryAccess#read(long, byte[], int, int)}.
   *
   * @param address the first target address
   * @param dst where to put the bytes
   * @param offset where in {@code dst} to start
   * @param length how many bytes to read
   * @return how many bytes were read: {@code length}, or fewer where readable memory ends
   * @throws MemoryAccessException if the byte at {@code address} is unreadable
   */
  int read(long address, byte[] dst, int offset, int length);

  /**
   * Reads into a buffer, from its position up to its limit, as
   * {@link MemoryAccess#read(long, ByteBuffer)} does: the bulk path, which copies nothing more
   * for a direct buffer. The position advances by the number of bytes read. This default goes
   * through an array.
   *
   * @param address the first target address
   * @param dst the buffer to fill
   * @return how many bytes were read: all that remain in {@code dst}, or fewer where readable
   *     memory ends
   * @throws MemoryAccessException if the byte at {@code address} is unreadable
   */
  default int read(long address, ByteBuffer dst) {
    byte[] bytes = new byte[dst.remaining()];
    int n = read(address, bytes, 0, bytes.length);
    dst.put(bytes, 0, n);
    return n;
  }

  /**
   * Reads exactly {@code length} bytes.
   *
   * @param address the first target address
   * @param dst where to put the bytes
   * @param offset where in {@code dst} to start
   * @param length how many bytes to read
   * @throws MemoryAccessException if any byte of the range is unreadable
   */
  default void readFully(long address, byte[] dst, int offset, int length) {
    int done = 0;
    while (done < length) {
      done += read(address + done, dst, offset + done, length - done);
    }
  }

  /**
   * Reads a little-endian 64-bit word. Allocates a small buffer; implementations over a
   * cache override it.
   *
   * @param address the address of the word
   * @return the word
   * @throws MemoryAccessException if any of the 8 bytes is unreadable
   */
  default long readLong(long address) {
    byte[] b = new byte[8];
    readFully(address, b, 0, 8);
    return Bytes.getLong(b, 0);
  }

  /**
   * Adapts a backend's memory, keeping its cached word reads.
   *
   * @param memory the backend's memory
   * @return the adapter
   */
  static TargetMemory of(MemoryAccess memory) {
    return new TargetMemory() {
      @Override
      public int read(long address, byte[] dst, int offset, int length) {
        return memory.read(address, dst, offset, length);
      }

      @Override
      public int read(long address, ByteBuffer dst) {
        return memory.read(address, dst);
      }

      @Override
      public long readLong(long address) {
        return memory.readLong(address);
      }
    };
  }
}
