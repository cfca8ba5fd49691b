package org.dlv4j.elf;

import java.nio.file.Path;

/** A binary does not exist at the given path. */
public class BinaryNotFoundException extends BinaryIoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the missing file.
   *
   * @param path the file as given
   * @param cause the underlying failure
   */
  public BinaryNotFoundException(Path path, Throwable cause) {
    super(path, "no such file", cause);
  }
}
