package org.dlv4j.gort.internal.target;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.StopReason;

/**
 * What one run of the target ended with, collected on the tracer thread while the world stops:
 * the threads at breakpoints, a hardcoded breakpoint, a halt, a finished instruction step or
 * source-level step, or the end of the process. {@link #reason()} and {@link #currentThread} decide by Delve's priorities.
 */
final class Stop {
  private final Map<Integer, List<Breakpoint>> atBreakpoints = new TreeMap<>();
  private int trapThread;
  private int hardcodedThread;
  private int haltedThread;
  private int steppedThread;
  private boolean nextFinished;
  private StopReason.Exited exited;

  /** Records the thread whose event started the stop, preferred as current thread. */
  void trapThread(int tid) {
    trapThread = tid;
  }

  void atBreakpoints(int tid, List<Breakpoint> breakpoints) {
    atBreakpoints.put(tid, breakpoints);
  }

  void hardcoded(int tid) {
    if (hardcodedThread == 0) {
      hardcodedThread = tid;
    }
  }

  void halted(int tid) {
    if (haltedThread == 0) {
      haltedThread = tid;
    }
  }

  void stepped(int tid) {
    steppedThread = tid;
  }

  /** Records the thread whose goroutine completed a next, step or step out. */
  void nextFinished(int tid) {
    steppedThread = tid;
    nextFinished = true;
  }

  /** {@return whether a next, step or step out was completed} */
  boolean nextFinished() {
    return nextFinished;
  }

  void exitStatus(int status) {
    exited = new StopReason.Exited(status, OptionalInt.empty());
  }

  void killedBy(int signal) {
    exited = new StopReason.Exited(128 + signal, OptionalInt.of(signal));
  }

  /** Returns how the process ended, or null if it lives. */
  StopReason.Exited exited() {
    return exited;
  }

  /** Returns the thread that executed a breakpoint instruction compiled into the program, or 0. */
  int hardcodedThread() {
    return hardcodedThread;
  }

  /** Returns the breakpoints a thread stopped at, possibly none. */
  List<Breakpoint> breakpointsOf(int tid) {
    return atBreakpoints.getOrDefault(tid, List.of());
  }

  StopReason reason() {
    if (exited != null) {
      return exited;
    }
    if (steppedThread != 0) {
      return new StopReason.NextFinished();
    }
    if (!atBreakpoints.isEmpty()) {
      return new StopReason.BreakpointHit();
    }
    if (hardcodedThread != 0) {
      return new StopReason.HardcodedBreakpoint();
    }
    return new StopReason.Manual();
  }

  /**
   * Returns the thread that caused the stop: the stepped thread, the trapping thread if it is
   * at a breakpoint, the first thread at a breakpoint, the hardcoded breakpoint's thread, the
   * halted thread; 0 if none (then the caller picks one).
   */
  int currentThread() {
    if (steppedThread != 0) {
      return steppedThread;
    }
    if (atBreakpoints.containsKey(trapThread)) {
      return trapThread;
    }
    if (!atBreakpoints.isEmpty()) {
      return atBreakpoints.keySet().iterator().next();
    }
    return hardcodedThread != 0 ? hardcodedThread : haltedThread;
  }
}
