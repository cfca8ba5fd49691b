package org.dlv4j.linux.amd64.internal;

import static org.junit.jupiter.api.Assertions.fail;

import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.TargetBackendProvider;
import org.dlv4j.spi.WaitEvent;

/** Shared helpers of the live tests. Run the wait helpers on the tracer thread. */
final class Targets {
  static final TargetBackendProvider PROVIDER = new Amd64BackendProvider();

  private Targets() { }

  /**
   * Waits for the next trap, passing every signal back to its thread and ignoring thread
   * exits; fails on the process's end.
   */
  static WaitEvent.Trap nextTrap(ProcessBackend p) {
    while (true) {
      WaitEvent e = p.waitEvent();
      if (e instanceof WaitEvent.Trap t) {
        return t;
      }
      if (e instanceof WaitEvent.Signal s) {
        p.resume(s.thread(), s.signo());
      } else if (!(e instanceof WaitEvent.ThreadExited)) {
        fail("expected a trap, got " + e);
      }
    }
  }

  /** Resumes everything and runs to the process's end, passing signals back. */
  static WaitEvent runToEnd(ProcessBackend p) {
    p.resumeAll();
    while (true) {
      WaitEvent e = p.waitEvent();
      if (e instanceof WaitEvent.Exited || e instanceof WaitEvent.Killed) {
        return e;
      }
      if (e instanceof WaitEvent.Signal s) {
        p.resume(s.thread(), s.signo());
      } else if (!(e instanceof WaitEvent.ThreadExited)) {
        fail("unexpected " + e + " while running to the end");
      }
    }
  }

  /** Runs the target until something other than a signal or a thread exit happens. */
  static WaitEvent runUntilHalt(ProcessBackend p) {
    p.resumeAll();
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
