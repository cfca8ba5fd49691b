package org.dlv4j.api;

/** No process (or thread) with the given id exists, so it cannot be attached to or controlled. */
public class NoSuchProcessException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;

  /**
   * Creates an exception for a pid or tid that does not exist.
   *
   * @param pid the process or thread id that was asked for
   * @param operation what was attempted, e.g. {@code "attach"}
   */
  public NoSuchProcessException(int pid, String operation) {
    super("cannot " + operation + ": no such process " + pid);
    this.pid = pid;
  }

  /**
   * Returns the process or thread id that does not exist.
   *
   * @return the id
   */
  public int pid() {
    return pid;
  }
}
