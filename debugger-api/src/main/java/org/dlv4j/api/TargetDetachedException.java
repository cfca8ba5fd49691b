package org.dlv4j.api;

/**
 * The operation was attempted on a {@link Target} after {@link Target#detach()} (or
 * {@link Target#close()}): the handle no longer controls the process. The message is
 * {@code "cannot continue: detached from process 1234"}.
 */
public class TargetDetachedException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;

  /**
   * Creates an exception for an operation attempted after detaching.
   *
   * @param pid the process id the target had
   * @param operation what was attempted, e.g. {@code "continue"}
   */
  public TargetDetachedException(int pid, String operation) {
    super("cannot " + operation + ": detached from process " + pid);
    this.pid = pid;
  }

  /**
   * Returns the process id the detached target had.
   *
   * @return the pid
   */
  public int pid() {
    return pid;
  }
}
