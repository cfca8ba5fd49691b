package org.dlv4j.api;

/**
 * A breakpoint id names no breakpoint of the target: it was never created or has been
 * cleared. The message is {@code "no breakpoint with id 7 in process 1234"}.
 */
public class NoSuchBreakpointException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;
  private final int breakpointId;

  /**
   * Creates an exception for an unknown breakpoint id.
   *
   * @param pid the process whose breakpoints were searched
   * @param breakpointId the id that was asked for
   */
  public NoSuchBreakpointException(int pid, int breakpointId) {
    super("no breakpoint with id " + breakpointId + " in process " + pid);
    this.pid = pid;
    this.breakpointId = breakpointId;
  }

  /**
   * Returns the process whose breakpoints were searched.
   *
   * @return the pid
   */
  public int pid() {
    return pid;
  }

  /**
   * Returns the breakpoint id that was asked for.
   *
   * @return the id
   */
  public int breakpointId() {
    return breakpointId;
  }
}
