package org.dlv4j.api;

/**
 * Root of every exception dlv4j throws. It is unchecked: a failed debugger operation is
 * usually not something the immediate caller can repair, and the subclasses tell callers
 * that can what went wrong and on what (a pid, an address, a file and offset).
 */
public class DebuggerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what failed and on what.
   *
   * @param message what failed, and on which pid, address or file
   */
  public DebuggerException(String message) {
    super(message);
  }

  /**
   * Creates an exception that wraps its low-level cause.
   *
   * @param message what failed, and on which pid, address or file
   * @param cause the underlying failure
   */
  public DebuggerException(String message, Throwable cause) {
    super(message, cause);
  }
}
