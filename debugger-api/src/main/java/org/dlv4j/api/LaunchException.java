package org.dlv4j.api;

import java.nio.file.Path;

/**
 * A program could not be started: the file is missing, is a directory, is not an executable
 * ELF file for this machine, or the process could not be created.
 */
public class LaunchException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final Path program;

  /**
   * Creates an exception naming the program and why it could not be launched.
   *
   * @param program the program that was to be launched
   * @param reason why it could not be, e.g. {@code "not an ELF file"}
   */
  public LaunchException(Path program, String reason) {
    super("cannot launch " + program + ": " + reason);
    this.program = program;
  }

  /**
   * Creates an exception naming the program, with the low-level cause.
   *
   * @param program the program that was to be launched
   * @param reason why it could not be
   * @param cause the underlying failure
   */
  public LaunchException(Path program, String reason, Throwable cause) {
    super("cannot launch " + program + ": " + reason, cause);
    this.program = program;
  }

  /**
   * Returns the program that could not be launched.
   *
   * @return the path as given
   */
  public Path program() {
    return program;
  }
}
