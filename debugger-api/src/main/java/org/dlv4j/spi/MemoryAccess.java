package org.dlv4j.spi;

import java.nio.ByteBuffer;

/**
 * Reads and writes the memory of a target process. Works from any thread, needs no ptrace call
 * and works while the target runs (then every read goes to the process).
 *
 * <p>While every thread of the target is stopped, small reads go through a page cache: each
 * 4 KiB page touched costs one system call per stop, however many fields are read from it.
 * The cache is dropped whenever any thread resumes or single-steps and on every write, so a
 * read never returns memory older than the current stop.
 *
 * <p>Errors: unreadable or unwritable memory throws {@link org.dlv4j.api.MemoryAccessException} naming the
 * pid and address; an exited target throws {@link org.dlv4j.api.TargetExitedException}.
 */
public interface MemoryAccess {

  /**
   * Reads up to {@code length} bytes. Stops early only where readable memory ends.
   *
   * @param address the first target address
   * @param dst where to put the bytes
   * @param offset where in {@code dst} to start
   * @param length how many bytes to read
   * @return how many bytes were read: {@code length}, or fewer if the range runs into
   *     unreadable memory after at least one readable byte
   * @throws org.dlv4j.api.MemoryAccessException if the byte at {@code address} is unreadable
   * @throws IndexOutOfBoundsException if {@code offset}/{@code length} do not fit {@code dst}
   */
  int read(long address, byte[] dst, int offset, int length);

  /**
   * Reads bytes into a buffer, from its position up to its limit (bulk path: never cached, no
   * copy for direct buffers). The position advances by the number of bytes read.
   *
   * @param address the first target address
   * @param dst the buffer to fill
   * @return how many bytes were read; fewer than requested only where readable memory ends
   * @throws org.dlv4j.api.MemoryAccessException if the byte at {@code address} is unreadable
   */
  int read(long address, ByteBuffer dst);

  /**
   * Reads exactly {@code length} bytes.
   *
   * @param address the first target address
   * @param dst where to put the bytes
   * @param offset where in {@code dst} to start
   * @param length how many bytes to read
   * @throws org.dlv4j.api.MemoryAccessException if any byte of the range is unreadable
   */
  default void readFully(long address, byte[] dst, int offset, int length) {
    int done = 0;
    while (done < length) {
      done += read(address + done, dst, offset + done, length - done);
    }
  }

  /**
   * Reads a little-endian 64-bit word.
   *
   * @param address the address of the word
   * @return the word
   * @throws org.dlv4j.api.MemoryAccessException if any of the 8 bytes is unreadable
   */
  long readLong(long address);

  /**
   * Reads a little-endian 32-bit word.
   *
   * @param address the address of the word
   * @return the word
   * @throws org.dlv4j.api.MemoryAccessException if any of the 4 bytes is unreadable
   */
  int readInt(long address);

  /**
   * Writes data memory. Not for code: breakpoints go through
   * {@link ProcessBackend#writeText(long, byte[])}.
   *
   * @param address the first target address
   * @param src the bytes to write
   * @param offset where in {@code src} to start
   * @param length how many bytes to write
   * @throws org.dlv4j.api.MemoryAccessException if any byte of the range is not writable
   */
  void write(long address, byte[] src, int offset, int length);

  /**
   * Writes all of {@code src}; see {@link #write(long, byte[], int, int)}.
   *
   * @param address the first target address
   * @param src the bytes to write
   * @throws org.dlv4j.api.MemoryAccessException if any byte of the range is not writable
   */
  default void write(long address, byte[] src) {
    write(address, src, 0, src.length);
  }

  /**
   * Returns a view of the same memory that never uses the page cache: one system call per
   * read. For benchmarks and for memory that may change during a stop (shared mappings).
   *
   * @return the uncached view
   */
  MemoryAccess uncached();
}
