package org.dlv4j.api;

/**
 * The operating system refused the operation: tracing a process we may not trace (another
 * user's, one already traced, or forbidden by the ptrace policy), or running a file that is
 * not executable. The message names the pid or path and the reason.
 */
public class PermissionDeniedException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception whose message names what was refused.
   *
   * @param message the operation, the pid or path, and the reason
   */
  public PermissionDeniedException(String message) {
    super(message);
  }

  /**
   * Creates an exception with its low-level cause.
   *
   * @param message the operation, the pid or path, and the reason
   * @param cause the underlying failure
   */
  public PermissionDeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}
