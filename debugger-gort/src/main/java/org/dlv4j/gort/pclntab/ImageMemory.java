package org.dlv4j.gort.pclntab;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The loaded image of a binary as its sections lay it out, by virtual address: how the pclntab
 * reads data that lives outside it (the inline trees, in {@code go:func.*} in {@code .rodata}).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ImageMemory {
  /**
   * Returns the bytes from {@code address} to the end of the section that contains it.
   *
   * @param address a virtual address of the binary (unrelocated)
   * @return a buffer whose position 0 is {@code address}, or empty if no section with file
   *     contents holds that address
   */
  Optional<ByteBuffer> bytesAt(long address);
}
