package org.dlv4j.elf;

import org.dlv4j.api.BinaryFormatException;

/**
 * A well-formed binary of a kind dlv4j does not read: ELF32, big-endian ELF, a file over
 * 2 GiB, or a section compressed with an unknown algorithm. Distinct from a malformed file so
 * that callers can say "not supported" rather than "corrupt".
 */
public class UnsupportedBinaryException extends BinaryFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for an unsupported feature found at a known place.
   *
   * @param detail what is unsupported, e.g. {@code "ELF32 (class 1) is not supported"}
   * @param where the file and/or section holding it
   * @param offset the byte offset of the field that shows it
   */
  public UnsupportedBinaryException(String detail, String where, long offset) {
    super(detail, where, offset);
  }
}
