package org.dlv4j.linux.internal.sys;

/** Decodes the status word of {@code waitpid} (the W* macros of {@code <sys/wait.h>}). */
public final class WaitStatus {
  /** ptrace event of a stop: a new thread was created. */
  public static final int EVENT_CLONE = 3;
  /** ptrace event of a stop: the process called execve. */
  public static final int EVENT_EXEC = 4;
  /** ptrace event of a stop: group-stop, interrupt or a new thread's first stop. */
  public static final int EVENT_STOP = 128;

  private WaitStatus() { }

  /** Tells whether the task exited normally ({@code WIFEXITED}). */
  public static boolean exited(int status) {
    return (status & 0x7f) == 0;
  }

  /** Returns the exit code ({@code WEXITSTATUS}). */
  public static int exitCode(int status) {
    return (status >> 8) & 0xff;
  }

  /** Tells whether a signal killed the task ({@code WIFSIGNALED}). */
  public static boolean signaled(int status) {
    int low = status & 0x7f;
    return low != 0 && low != 0x7f;
  }

  /** Returns the signal that killed the task ({@code WTERMSIG}). */
  public static int termSignal(int status) {
    return status & 0x7f;
  }

  /** Tells whether the task is stopped ({@code WIFSTOPPED}). */
  public static boolean stopped(int status) {
    return (status & 0xff) == 0x7f;
  }

  /** Returns the signal of a stop ({@code WSTOPSIG}). */
  public static int stopSignal(int status) {
    return (status >> 8) & 0xff;
  }

  /** Returns the ptrace event of a stop ({@code status >> 16}), 0 for a signal-delivery stop. */
  public static int event(int status) {
    return (status >>> 16) & 0xff;
  }

  /** Renders a status for logs and messages. */
  public static String describe(int status) {
    if (exited(status)) {
      return "exited(" + exitCode(status) + ")";
    }
    if (signaled(status)) {
      return "killed(" + Signals.name(termSignal(status)) + ")";
    }
    if (stopped(status)) {
      int event = event(status);
      return "stopped(" + Signals.name(stopSignal(status)) + (event != 0 ? ", event " + event : "")
          + ")";
    }
    return "status 0x" + Integer.toHexString(status);
  }
}
