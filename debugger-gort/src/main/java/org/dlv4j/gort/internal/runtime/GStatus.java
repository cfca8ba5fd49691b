package org.dlv4j.gort.internal.runtime;

/**
 * The values of {@code g.atomicstatus} (runtime/runtime2.go) and how the runtime names them in
 * tracebacks (runtime/traceback.go, {@code gStatusStrings} and {@code goroutineheader}).
 */
public final class GStatus {
  /** Just allocated, not yet initialized. */
  public static final int IDLE = 0;
  /** On a run queue. */
  public static final int RUNNABLE = 1;
  /** Running on an M (has a thread). */
  public static final int RUNNING = 2;
  /** In a system call, on an M. */
  public static final int SYSCALL = 3;
  /** Blocked; {@code g.waitreason} says why. */
  public static final int WAITING = 4;
  /** Unused or exited, on a free list. */
  public static final int DEAD = 6;
  /** Its stack is being moved. */
  public static final int COPYSTACK = 8;
  /** Stopped for a suspendG preemption. */
  public static final int PREEMPTED = 9;
  /** Go 1.26: a leaked goroutine caught by the GC. */
  public static final int LEAKED = 10;
  /** Go 1.26: a dead g attached to an extra M for cgo callbacks. */
  public static final int DEAD_EXTRA = 11;
  /** OR-ed onto a status while the GC scans the stack. */
  public static final int SCAN = 0x1000;

  private static final String[] NAMES = {"idle", "runnable", "running", "syscall", "waiting",
      "moribund", "dead", "enqueue", "copystack", "preempted", "leaked", "waiting for cgo callback"};

  private GStatus() {
  }

  /**
   * Returns the status without the {@link #SCAN} bit.
   *
   * @param status a raw {@code atomicstatus}
   * @return the status proper
   */
  public static int base(int status) {
    return status & ~SCAN;
  }

  /**
   * Tells whether a goroutine with this status is gone: dead, or dead and parked on an extra M.
   * The runtime's own traceback skips both.
   *
   * @param status a raw {@code atomicstatus}
   * @return whether the goroutine should not be listed
   */
  public static boolean isDead(int status) {
    int s = base(status);
    return s == DEAD || s == DEAD_EXTRA;
  }

  /**
   * Returns the status's name, e.g. {@code "waiting"}, or {@code "???"} if unknown.
   *
   * @param status a raw {@code atomicstatus}
   * @return the name
   */
  public static String name(int status) {
    int s = base(status);
    return s >= 0 && s < NAMES.length ? NAMES[s] : "???";
  }

  /**
   * Returns what the runtime's goroutine header shows in brackets: the wait reason of a waiting
   * (or leaked) goroutine that has one, else the status name, then {@code " (scan)"} if the
   * scan bit is set.
   *
   * @param status a raw {@code atomicstatus}
   * @param waitReason the name of {@code g.waitreason}
   * @return e.g. {@code "chan receive"}, {@code "running"}, {@code "runnable (scan)"}
   */
  public static String describe(int status, String waitReason) {
    int s = base(status);
    String text = (s == WAITING || s == LEAKED) && !waitReason.isEmpty() ? waitReason : name(status);
    return (status & SCAN) != 0 ? text + " (scan)" : text;
  }
}
