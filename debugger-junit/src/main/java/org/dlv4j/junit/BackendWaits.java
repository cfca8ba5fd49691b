package org.dlv4j.junit;

import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.WaitEvent;

/**
 * Wait loops for tests that drive a {@link ProcessBackend} (the backend SPI) directly, without
 * an engine: each waits for the event a test is after, passing every signal back to the thread
 * it stopped (so that the Go runtime's own signals, such as preemption's SIGURG, do their work)
 * and ignoring thread exits.
 *
 * <pre>{@code
 * p.onTracer(() -> {
 *   p.writeText(entry, new byte[] {(byte) 0xCC});
 *   p.resumeAll();
 *   WaitEvent.Trap trap = BackendWaits.nextTrap(p);
 *   ...
 *   return BackendWaits.runToEnd(p);
 * });
 * }</pre>
 *
 * <p>Like the backend methods they call, they must run on the backend's tracer thread
 * ({@link ProcessBackend#onTracer}).
 */
public final class BackendWaits {
  private BackendWaits() { }

  /**
   * Waits for the next trap (a breakpoint hit) of the running threads.
   *
   * @param p the backend, with threads running
   * @return the trap; its thread is stopped
   * @throws AssertionError if the process ends or halts first
   */
  public static WaitEvent.Trap nextTrap(ProcessBackend p) {
    WaitEvent e = nextUnlessSignal(p);
    if (e instanceof WaitEvent.Trap t) {
      return t;
    }
    throw new AssertionError("expected a trap, got " + e);
  }

  /**
   * Resumes every thread and runs the process to its end.
   *
   * @param p the backend, every thread stopped
   * @return the {@link WaitEvent.Exited} or {@link WaitEvent.Killed} event
   * @throws AssertionError if a thread traps or halts first
   */
  public static WaitEvent runToEnd(ProcessBackend p) {
    WaitEvent e = runUntilHalt(p);
    if (e instanceof WaitEvent.Exited || e instanceof WaitEvent.Killed) {
      return e;
    }
    throw new AssertionError("unexpected " + e + " while running to the end");
  }

  /**
   * Resumes every thread and runs until something other than a signal or a thread exit
   * happens: a trap, a halt request, the process's end.
   *
   * @param p the backend, every thread stopped
   * @return that event
   */
  public static WaitEvent runUntilHalt(ProcessBackend p) {
    p.resumeAll();
    return nextUnlessSignal(p);
  }

  /** Waits for the next event other than a signal (passed back) or a thread exit. */
  private static WaitEvent nextUnlessSignal(ProcessBackend p) {
    while (true) {
      WaitEvent e = p.waitEvent();
      if (e instanceof WaitEvent.Signal s) {
        p.resume(s.thread(), s.signo());
      } else if (!(e instanceof WaitEvent.ThreadExited)) {
        return e;
      }
    }
  }
}
