package org.dlv4j.api;

/**
 * A thread id names no thread of the target at its current stop: the thread never existed or
 * has exited. The message is {@code "no thread 4321 in process 1234"}.
 */
public class NoSuchThreadException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;
  private final int threadId;

  /**
   * Creates an exception for an unknown thread id.
   *
   * @param pid the process the thread was looked up in
   * @param threadId the thread id (Linux tid) that was asked for
   */
  public NoSuchThreadException(int pid, int threadId) {
    super("no thread " + threadId + " in process " + pid);
    this.pid = pid;
    this.threadId = threadId;
  }

  /**
   * Returns the process the thread was looked up in.
   *
   * @return the pid
   */
  public int pid() {
    return pid;
  }

  /**
   * Returns the thread id that was asked for.
   *
   * @return the thread id
   */
  public int threadId() {
    return threadId;
  }
}
