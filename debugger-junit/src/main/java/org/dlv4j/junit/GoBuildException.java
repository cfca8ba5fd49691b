package org.dlv4j.junit;

import org.dlv4j.api.DebuggerException;

/** Building a Go program failed: Go is missing, the sources are missing, or the compiler failed. */
public class GoBuildException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception whose message includes the command and the toolchain's output.
   *
   * @param message the command, its directory and environment, and what it printed
   */
  public GoBuildException(String message) {
    super(message);
  }

  /**
   * Creates an exception with its cause.
   *
   * @param message what could not be done
   * @param cause the underlying failure
   */
  public GoBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
