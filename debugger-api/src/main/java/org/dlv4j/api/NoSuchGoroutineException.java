package org.dlv4j.api;

/**
 * A goroutine id names no live goroutine of the target at its current stop: it never existed
 * or has ended. The message is {@code "unknown goroutine 42 in process 1234"}.
 */
public class NoSuchGoroutineException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;
  private final long goroutineId;

  /**
   * Creates an exception for an unknown goroutine id.
   *
   * @param pid the process the goroutine was looked up in
   * @param goroutineId the goroutine id that was asked for
   */
  public NoSuchGoroutineException(int pid, long goroutineId) {
    super("unknown goroutine " + goroutineId + " in process " + pid);
    this.pid = pid;
    this.goroutineId = goroutineId;
  }

  /**
   * Returns the process the goroutine was looked up in.
   *
   * @return the pid
   */
  public int pid() {
    return pid;
  }

  /**
   * Returns the goroutine id that was asked for.
   *
   * @return the goroutine id
   */
  public long goroutineId() {
    return goroutineId;
  }
}
