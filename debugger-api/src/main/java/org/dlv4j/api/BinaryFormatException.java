package org.dlv4j.api;

/**
 * A binary (ELF, DWARF, pclntab, ...) is malformed or not of a supported kind. The message
 * names the structure that is wrong and where it is, for example
 * {@code "unknown form 0x1f in .debug_info at 0x3f0a"}.
 */
public class BinaryFormatException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final String where;
  private final long offset;

  /**
   * Creates an exception for malformed data at a known place.
   *
   * @param detail what is wrong, e.g. {@code "unknown form 0x1f"}
   * @param where the file and/or section holding the data, e.g. {@code ".debug_info"}
   * @param offset the byte offset of the bad data inside {@code where}
   */
  public BinaryFormatException(String detail, String where, long offset) {
    super(detail + " in " + where + " at 0x" + Long.toHexString(offset));
    this.where = where;
    this.offset = offset;
  }

  /**
   * Creates an exception for malformed data at a known place, with its cause.
   *
   * @param detail what is wrong
   * @param where the file and/or section holding the data
   * @param offset the byte offset of the bad data inside {@code where}
   * @param cause the underlying failure (for example a decompression error)
   */
  public BinaryFormatException(String detail, String where, long offset, Throwable cause) {
    super(detail + " in " + where + " at 0x" + Long.toHexString(offset), cause);
    this.where = where;
    this.offset = offset;
  }

  /**
   * Returns the file and/or section that holds the malformed data.
   *
   * @return a description such as {@code "/bin/app .debug_info"}
   */
  public String where() {
    return where;
  }

  /**
   * Returns the byte offset of the malformed data inside {@link #where()}.
   *
   * @return the offset, never negative
   */
  public long offset() {
    return offset;
  }
}
