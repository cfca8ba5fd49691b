package org.dlv4j.api;

/**
 * The operation needs a live process, but the target has exited (or was killed). Carries the
 * pid and the exit status so callers can report how it ended.
 */
public class TargetExitedException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;
  private final int exitStatus;

  /**
   * Creates an exception for an operation attempted after the process ended.
   *
   * @param pid the process id the target had
   * @param exitStatus its exit code, or {@code 128 + signal} if a signal killed it
   * @param operation what was attempted, e.g. {@code "continue"}
   */
  public TargetExitedException(int pid, int exitStatus, String operation) {
    super("cannot " + operation + ": process " + pid + " has exited with status " + exitStatus);
    this.pid = pid;
    this.exitStatus = exitStatus;
  }

  /**
   * Returns the process id of the exited target.
   *
   * @return the pid
   */
  public int pid() {
    return pid;
  }

  /**
   * Returns how the target ended: its exit code, or {@code 128 + signal} if a signal killed it.
   *
   * @return the exit status
   */
  public int exitStatus() {
    return exitStatus;
  }
}
