package org.dlv4j.api;

/**
 * The operation needs a stopped target, but the target is running: another thread is inside
 * {@link Target#resume()} or a step. Call {@link Target#halt()} and wait for that call to
 * return, then try again. The message is {@code "cannot read memory: process 1234 is running"}.
 */
public class TargetRunningException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;

  /**
   * Creates an exception for an operation attempted while the target runs.
   *
   * @param pid the target's process id
   * @param operation what was attempted, e.g. {@code "read memory"}
   */
  public TargetRunningException(int pid, String operation) {
    super("cannot " + operation + ": process " + pid + " is running");
    this.pid = pid;
  }

  /**
   * Returns the process id of the running target.
   *
   * @return the pid
   */
  public int pid() {
    return pid;
  }
}
