package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.gort.internal.bp.BreakpointTable;
import org.dlv4j.gort.internal.bp.PhysicalBreakpoint;
import org.dlv4j.spi.ArchSupport;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;

/**
 * The continue loop and the instruction step, run entirely on the tracer thread (one
 * {@link ProcessBackend#onTracer} task per resume, no thread hop per ptrace call).
 *
 * <p>Continue (Delve's {@code Continue}, runtime-internals §4.6-4.8): step every thread that
 * sits on a breakpoint over it, resume all threads, then wait. Signals that are not ours are
 * handed back to the thread that received them; a stale halt (requested for an earlier run) is
 * dropped; a trap at a breakpoint whose users are all tracepoints is counted and stepped over
 * while every other thread keeps running. Anything else stops the world, and every event
 * {@link ProcessBackend#stopAll()} collects is examined, so that all threads that trapped on a
 * breakpoint at the same time are reported, each with its PC set back to the breakpoint.
 *
 * <p>Threads stopped one at a time (after a tracepoint, a passed signal or a stale halt) are
 * <em>parked</em> rather than resumed alone, until no other thread is stopped with an event
 * still to be reported; then {@link ProcessBackend#resumeAll()} resumes them together, each with
 * its pending signal (a signal that arrived during a step over a breakpoint is not lost).
 */
final class RunLoop {
  /** Receives tracepoint hits (on the tracer thread). */
  interface TracepointSink {
    /** Tells whether anyone wants {@link #hit} calls; if not, none are made. */
    boolean wanted();

    void hit(int breakpointId, int threadId, PhysicalBreakpoint at);
  }

  private final ProcessBackend backend;
  private final BreakpointTable breakpoints;
  private final TracepointSink tracepoints;
  private final LongSupplier haltRequestedFor;
  private final int breakpointLength;
  private final boolean trapAdvancesPc;
  private final Set<ThreadBackend> parked = new HashSet<>();

  /**
   * Creates the loop of one target.
   *
   * @param backend the process
   * @param breakpoints its breakpoints
   * @param tracepoints where tracepoint hits go
   * @param haltRequestedFor the number of the run the latest halt was requested for
   */
  RunLoop(ProcessBackend backend, BreakpointTable breakpoints, TracepointSink tracepoints,
      LongSupplier haltRequestedFor) {
    this.backend = backend;
    this.breakpoints = breakpoints;
    this.tracepoints = tracepoints;
    this.haltRequestedFor = haltRequestedFor;
    ArchSupport arch = backend.arch();
    this.breakpointLength = arch.breakpointInstruction().length;
    this.trapAdvancesPc = arch.breakpointTrapAdvancesPc();
  }

  /**
   * Runs the target until it stops for the client or ends. Tracer only.
   *
   * @param run the number of this run, to tell a fresh halt from a stale one
   * @return why it stopped
   */
  Stop resume(long run) {
    Stop stop = new Stop();
    parked.clear();
    for (ThreadBackend t : backend.threads()) {
      PhysicalBreakpoint at = breakpoints.at(t.registers().pc());
      if (at != null && endsProcess(stepOver(t, at), stop)) {
        return stop;
      }
    }
    backend.resumeAll();
    while (true) {
      WaitEvent event = backend.waitEvent();
      if (event instanceof WaitEvent.Trap trap) {
        PhysicalBreakpoint at = trap.isBreakpoint() ? trapped(trap.thread()) : null;
        if (at == null && !trap.isBreakpoint()) {
          release(trap.thread()); // a stray single-step trap: nothing to report
          continue;
        }
        if (at != null && breakpoints.tracepointsOnly(at)) {
          countHit(at, trap.thread());
          if (endsProcess(stepOverAlone(trap.thread(), at), stop)) {
            return stop;
          }
          release(trap.thread());
          continue;
        }
        return stopWorld(trap, at, run, stop);
      } else if (event instanceof WaitEvent.Signal signal) {
        release(signal.thread()); // not ours: resumeAll delivers it (Delve passes it on)
      } else if (event instanceof WaitEvent.HaltRequested halt) {
        if (haltRequestedFor.getAsLong() != run) {
          release(halt.thread()); // requested for a run that already ended
          continue;
        }
        return stopWorld(halt, null, run, stop);
      } else if (endsProcess(event, stop)) {
        return stop;
      }
    }
  }

  /**
   * Executes one instruction of one thread, over a breakpoint if it sits on one; the other
   * threads stay stopped. Tracer only.
   *
   * @param thread the thread
   * @return the stop: the step finished, or the process ended
   */
  Stop stepInstruction(ThreadBackend thread) {
    Stop stop = new Stop();
    PhysicalBreakpoint at = breakpoints.at(thread.registers().pc());
    WaitEvent end = at != null ? stepOver(thread, at) : backend.singleStep(thread);
    if (!endsProcess(end, stop)) {
      stop.stepped(thread.tid());
    }
    return stop;
  }

  /**
   * Stops every thread and records every breakpoint trap, halt and exit that arrived.
   *
   * @param first the event that ends the run
   * @param firstAt the breakpoint {@code first} trapped on, already looked up, or null
   */
  private Stop stopWorld(WaitEvent first, PhysicalBreakpoint firstAt, long run, Stop stop) {
    if (first instanceof WaitEvent.Trap trap) {
      stop.trapThread(trap.thread().tid());
    }
    List<WaitEvent> events = new ArrayList<>();
    events.add(first);
    events.addAll(backend.stopAll());
    for (WaitEvent event : events) {
      if (event instanceof WaitEvent.Trap trap && trap.isBreakpoint()) {
        ThreadBackend t = trap.thread();
        PhysicalBreakpoint at = event == first ? firstAt : trapped(t);
        if (at == null) {
          stop.hardcoded(t.tid());
        } else {
          List<Breakpoint> hit = countHit(at, t);
          if (!hit.isEmpty()) {
            stop.atBreakpoints(t.tid(), hit);
          }
        }
      } else if (event instanceof WaitEvent.HaltRequested halt
          && haltRequestedFor.getAsLong() == run) {
        stop.halted(halt.thread().tid());
      } else {
        endsProcess(event, stop);
      }
    }
    return stop;
  }

  /**
   * Looks up the breakpoint a thread trapped on and, if it is ours, moves the PC back to it
   * (amd64's INT3 leaves the PC after itself).
   */
  private PhysicalBreakpoint trapped(ThreadBackend thread) {
    long pc = thread.registers().pc();
    long address = trapAdvancesPc ? pc - breakpointLength : pc;
    PhysicalBreakpoint at = breakpoints.at(address);
    if (at != null && address != pc) {
      thread.setPc(address);
    }
    return at;
  }

  private List<Breakpoint> countHit(PhysicalBreakpoint at, ThreadBackend thread) {
    int tid = thread.tid();
    return breakpoints.hit(at, 0, tracepoints.wanted() ? id -> tracepoints.hit(id, tid, at)
        : null);
  }

  /**
   * Executes the instruction under a breakpoint: original code back, one step, breakpoint
   * back (unless the process ended meanwhile).
   */
  private WaitEvent stepOver(ThreadBackend thread, PhysicalBreakpoint at) {
    breakpoints.lift(at);
    try {
      return backend.singleStep(thread);
    } finally {
      if (backend.isAlive()) {
        breakpoints.plant(at);
      }
    }
  }

  /**
   * Steps one thread over a breakpoint while the others run. A thread the process creates
   * during the step stays stopped at its first stop with nothing to report: it is parked, ready
   * to run with the others.
   */
  private WaitEvent stepOverAlone(ThreadBackend thread, PhysicalBreakpoint at) {
    List<ThreadBackend> before = backend.threads();
    WaitEvent end = stepOver(thread, at);
    if (backend.isAlive()) {
      for (ThreadBackend t : backend.threads()) {
        if (t.isStopped() && !before.contains(t)) {
          parked.add(t);
        }
      }
    }
    return end;
  }

  /**
   * Parks a thread that is ready to run; once every stopped thread is parked, resumes them all
   * with their pending signals.
   */
  private void release(ThreadBackend thread) {
    parked.add(thread);
    for (ThreadBackend t : backend.threads()) {
      if (t.isStopped() && !parked.contains(t)) {
        return; // stopped during a step of another thread: its event is still to come
      }
    }
    parked.clear();
    backend.resumeAll();
  }

  /** Records the end of the process if {@code event} is it. */
  private static boolean endsProcess(WaitEvent event, Stop stop) {
    if (event instanceof WaitEvent.Exited exited) {
      stop.exitStatus(exited.status());
      return true;
    }
    if (event instanceof WaitEvent.Killed killed) {
      stop.killedBy(killed.signo());
      return true;
    }
    return false;
  }
}
