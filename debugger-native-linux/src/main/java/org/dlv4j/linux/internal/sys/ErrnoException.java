package org.dlv4j.linux.internal.sys;

import org.dlv4j.api.DebuggerException;

/**
 * A system call failed: which call, on which process or thread, with which errno. Internal:
 * {@link Errors#toApi} turns it into the public exception at the backend's boundary.
 */
public final class ErrnoException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int errno;
  private final String operation;
  private final int id;

  /**
   * Creates the exception.
   *
   * @param errno the error number
   * @param operation the call, e.g. {@code "PTRACE_CONT"}
   * @param id the pid or tid it was made on, or 0
   */
  public ErrnoException(int errno, String operation, int id) {
    super(operation + (id != 0 ? " on " + id : "") + ": " + Errno.describe(errno));
    this.errno = errno;
    this.operation = operation;
    this.id = id;
  }

  /** Returns the error number. */
  public int errno() {
    return errno;
  }

  /** Returns the failed call's name. */
  public String operation() {
    return operation;
  }

  /** Returns the pid or tid the call was made on, or 0. */
  public int id() {
    return id;
  }
}
