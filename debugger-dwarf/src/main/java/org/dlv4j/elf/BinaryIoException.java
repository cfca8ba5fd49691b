package org.dlv4j.elf;

import java.nio.file.Path;
import org.dlv4j.api.DebuggerException;

/**
 * A binary could not be read at all: it is a directory, unreadable, or the operating system
 * failed to map it. Its contents were never looked at (compare
 * {@link org.dlv4j.api.BinaryFormatException}).
 */
public class BinaryIoException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * Creates an exception naming the file and why it could not be read.
   *
   * @param path the file as given
   * @param reason why it could not be read, e.g. {@code "is a directory"}
   * @param cause the underlying failure, or {@code null}
   */
  public BinaryIoException(Path path, String reason, Throwable cause) {
    super("cannot read " + path + ": " + reason, cause);
    this.path = path;
  }

  /**
   * Returns the file that could not be read.
   *
   * @return the path as given to {@link ElfFile#open}
   */
  public Path path() {
    return path;
  }
}
