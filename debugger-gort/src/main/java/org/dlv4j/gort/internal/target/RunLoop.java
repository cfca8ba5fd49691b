package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.MemoryAccessException;
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
 * breakpoint at the same time are reported, each with its PC set back to the breakpoint. A
 * halt that cuts a step over a breakpoint short ends the run like any halt (the thread is
 * still at the breakpoint, and the next start steps it over).
 *
 * <p>A thread that stopped alone (after a tracepoint, a passed signal or a stale halt) is
 * resumed at once with its pending signal ({@link ProcessBackend#resume(ThreadBackend)}: a
 * signal that arrived during a step over a breakpoint is delivered, not lost). If another
 * thread is stopped then, it either has an event still queued (it trapped during the step) or
 * was born during the step and waits for its first resume; the loop cannot tell which, so it
 * stops the world, which returns every queued event, handles them, and starts all threads
 * again.
 *
 * <p>A tracepoint hit costs what the kernel needs and nothing more: the registers the backend
 * read to classify the trap, one register write to move the PC back, the two code writes and
 * the step of the step-over, and the resume; no other thread is touched.
 *
 * <p>The temporary breakpoints of a step in progress ({@link Steps}) are examined where they
 * are hit. One that the stepped goroutine reaches in another frame is passed over like a
 * tracepoint, without stopping the world: no other thread can be running that goroutine, so
 * none can miss the breakpoint while its instruction is lifted. One that another goroutine
 * reaches stops the world and is passed over with every thread stopped, as Delve does, because
 * the stepped goroutine may be about to execute the same instruction on another thread and
 * would run past the lifted breakpoint. One that ends the step stops the world and is reported
 * as the finished step; a call the step goes into is executed by the thread alone, which then
 * runs on. A thread that starts a run on such a call (the world stopped for something else
 * meanwhile) goes into it as it is stepped over; one that the world stopped just before a
 * breakpoint that ends the step is not stepped over it, but runs into it.
 *
 * <p>A breakpoint trap at an address where no breakpoint of ours is reports a breakpoint
 * instruction compiled into the program only if one is in memory there; otherwise it is the
 * late trap of a breakpoint removed since, and the thread is moved back to execute the
 * instruction that is there again.
 */
final class RunLoop {
  /** Receives tracepoint hits (on the tracer thread). */
  interface TracepointSink {
    /** Tells whether anyone wants {@link #hit} calls; if not, none are made. */
    boolean wanted();

    void hit(int breakpointId, int threadId, PhysicalBreakpoint at);
  }

  /** The step in progress, as the loop consults it on the tracer thread. */
  interface Steps {
    /** What reaching a temporary breakpoint of the step means. */
    enum Verdict {
      /**
       * The stepped goroutine (or thread), but not in the frame the breakpoint is for, or not
       * run as a deferred call: pass over it. No other thread can be running the goroutine,
       * so the thread is stepped over it alone while the others run.
       */
      PASS,
      /**
       * Another goroutine (or thread): pass over it with every other thread stopped. The
       * stepped goroutine may be running on one of them, and must not reach the breakpoint
       * while its instruction is lifted for the step over.
       */
      OTHER,
      /** The step is complete here: stop. */
      FINISH,
      /** A call the step goes into: execute it, then {@link Steps#entered}. */
      ENTER,
      /** The stepped goroutine is ending: the step is over without a stop. */
      END
    }

    /**
     * Tells what a thread that stopped at a breakpoint carrying stepping breaklets means for
     * the step; reads only that thread, so it works while others run.
     *
     * @param thread the stopped thread, its pc at the breakpoint
     * @param at the breakpoint
     * @return the verdict
     */
    Verdict check(ThreadBackend thread, PhysicalBreakpoint at);

    /**
     * Learns that a thread executed a call the step goes into ({@link Verdict#ENTER}); it is
     * stopped at the callee's first instruction.
     *
     * @param thread the thread
     */
    void entered(ThreadBackend thread);

    /** Learns that the stepped goroutine ended ({@link Verdict#END}); every thread is stopped. */
    void ended();
  }

  private final ProcessBackend backend;
  private final BreakpointTable breakpoints;
  private final TracepointSink tracepoints;
  private final Steps steps;
  private final LongSupplier haltRequestedFor;
  private final byte[] breakpointInstruction;
  private final int breakpointLength;
  /** The threads that trapped on a breakpoint, by tid, with its address; tracer only. */
  private final Map<Integer, Long> standing = new HashMap<>();
  private final boolean trapAdvancesPc;

  /**
   * Creates the loop of one target.
   *
   * @param backend the process
   * @param breakpoints its breakpoints
   * @param tracepoints where tracepoint hits go
   * @param steps the step in progress
   * @param haltRequestedFor the number of the run the latest halt was requested for
   */
  RunLoop(ProcessBackend backend, BreakpointTable breakpoints, TracepointSink tracepoints,
      Steps steps, LongSupplier haltRequestedFor) {
    this.backend = backend;
    this.breakpoints = breakpoints;
    this.tracepoints = tracepoints;
    this.steps = steps;
    this.haltRequestedFor = haltRequestedFor;
    ArchSupport arch = backend.arch();
    this.breakpointInstruction = arch.breakpointInstruction();
    this.breakpointLength = breakpointInstruction.length;
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
    while (!startAll(run, stop) && !runUntilStop(run, stop)) {
      // the world was stopped only to sort out threads stopped during a step: start again
    }
    return stop;
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
   * Steps every stopped thread that trapped on a breakpoint and still stands on it over it,
   * then resumes all threads. A thread that stands at a breakpoint's address without having
   * executed it (the world stopped it there, or it stepped there one instruction at a time)
   * runs into it and traps, as in Delve: its hit is not lost.
   *
   * @return whether {@code stop} holds the outcome already: the process ended, or a halt cut a
   *     step short (then every thread is still stopped)
   */
  private boolean startAll(long run, Stop stop) {
    for (ThreadBackend t : backend.threads()) {
      long pc = t.registers().pc();
      PhysicalBreakpoint at = breakpoints.at(pc);
      Long trappedAt = standing.remove(t.tid());
      if (at != null && trappedAt != null && trappedAt == pc) {
        Steps.Verdict verdict = at.stepping().isEmpty() ? Steps.Verdict.PASS : steps.check(t, at);
        if (verdict == Steps.Verdict.FINISH || verdict == Steps.Verdict.END) {
          continue; // stopped before a breakpoint that ends the step (it did not trap): trap there
        }
        WaitEvent end = stepOverInRun(run, t, at);
        if (endsProcess(end, stop)) {
          return true;
        }
        if (end instanceof WaitEvent.HaltRequested) {
          stop.halted(t.tid());
          return true;
        }
        if (verdict == Steps.Verdict.ENTER && end instanceof WaitEvent.Trap) {
          steps.entered(t);
        }
      }
    }
    backend.resumeAll();
    return false;
  }

  /**
   * Waits for events until one is for the client.
   *
   * @return true if {@code stop} now holds a stop for the client or the end of the process;
   *     false if the world stopped with nothing to report (the caller starts it again)
   */
  private boolean runUntilStop(long run, Stop stop) {
    WaitEvent next = null;
    while (true) {
      WaitEvent event = next != null ? next : backend.waitEvent();
      next = null;
      ThreadBackend ready;
      if (event instanceof WaitEvent.Trap trap) {
        ThreadBackend t = trap.thread();
        PhysicalBreakpoint at = trap.isBreakpoint() ? trapped(t) : null;
        boolean passOver = at != null && breakpoints.tracepointsOnly(at);
        Steps.Verdict verdict = null;
        if (at != null && !passOver && !breakpoints.stopsForUser(at)) {
          verdict = steps.check(t, at); // a step's breakpoint, maybe among tracepoints
          if (verdict != Steps.Verdict.PASS && verdict != Steps.Verdict.ENTER) {
            return collect(trap, at, verdict, run, stop); // OTHER: the next start steps it over
          }
          passOver = true; // the stepped goroutine itself: no other thread can miss the breakpoint
        }
        if (passOver) {
          countHit(at, t);
          WaitEvent end = stepOverInRun(run, t, at);
          if (!(end instanceof WaitEvent.Trap)) {
            next = end; // a halt cut the step short, or the thread or the process ended
            continue;
          }
          if (verdict == Steps.Verdict.ENTER) {
            steps.entered(t);
          }
        } else if (trap.isBreakpoint()) {
          return collect(trap, at, null, run, stop);
        } // else a stray single-step trap: nothing to report
        ready = t;
      } else if (event instanceof WaitEvent.Signal signal) {
        ready = signal.thread(); // not ours: release delivers it (Delve passes it on)
      } else if (event instanceof WaitEvent.HaltRequested halt) {
        if (haltRequestedFor.getAsLong() == run) {
          return collect(halt, null, null, run, stop);
        }
        ready = halt.thread(); // requested for a run that already ended
      } else if (endsProcess(event, stop)) {
        return true;
      } else {
        continue; // a thread exited
      }
      if (!release(ready)) {
        return collect(null, null, null, run, stop);
      }
    }
  }

  /**
   * Stops every thread and records every breakpoint trap, halt and exit that arrived, and
   * every thread that completed the step in progress.
   *
   * @param first the event that ended the run, or null if the world stops for another reason
   * @param firstAt the breakpoint {@code first} trapped on, already looked up, or null
   * @param firstVerdict what {@code first} means for the step, if already asked, or null
   * @return whether there is anything for the client
   */
  private boolean collect(WaitEvent first, PhysicalBreakpoint firstAt, Steps.Verdict firstVerdict,
      long run, Stop stop) {
    List<WaitEvent> events = new ArrayList<>();
    if (first != null) {
      events.add(first);
    }
    if (first instanceof WaitEvent.Trap trap) {
      stop.trapThread(trap.thread().tid());
    }
    events.addAll(backend.stopAll());
    boolean report = false;
    boolean stepEnded = false;
    for (WaitEvent event : events) {
      if (event instanceof WaitEvent.Trap trap && trap.isBreakpoint()) {
        ThreadBackend t = trap.thread();
        PhysicalBreakpoint at = event == first ? firstAt : trapped(t);
        if (at == null) {
          if (compiledIn(t)) {
            stop.hardcoded(t.tid());
            report = true;
          }
        } else {
          List<Breakpoint> hit = countHit(at, t);
          if (!hit.isEmpty()) { // else a tracepoint: the next start steps the thread over it
            stop.atBreakpoints(t.tid(), hit);
            report = true;
          }
          Steps.Verdict verdict = event == first && firstVerdict != null ? firstVerdict
              : at.stepping().isEmpty() ? Steps.Verdict.PASS : steps.check(t, at);
          if (verdict == Steps.Verdict.FINISH) {
            stop.nextFinished(t.tid());
            report = true;
          }
          stepEnded |= verdict == Steps.Verdict.END; // ENTER: the next start goes into the call
        }
      } else if (event instanceof WaitEvent.HaltRequested halt
          && haltRequestedFor.getAsLong() == run) {
        stop.halted(halt.thread().tid());
        report = true;
      } else if (endsProcess(event, stop)) {
        return true;
      }
    }
    if (stepEnded) {
      steps.ended();
    }
    return report;
  }

  /**
   * Looks up the breakpoint a thread trapped on and, if it is ours, moves the PC back to it
   * (amd64's INT3 leaves the PC after itself).
   */
  private PhysicalBreakpoint trapped(ThreadBackend thread) {
    long pc = thread.registers().pc();
    long address = trapAddress(pc);
    PhysicalBreakpoint at = breakpoints.at(address);
    if (at != null) {
      if (address != pc) {
        thread.setPc(address);
      }
      standing.put(thread.tid(), address);
    }
    return at;
  }

  /** The address of the breakpoint instruction whose trap left a thread at {@code pc}. */
  private long trapAddress(long pc) {
    return trapAdvancesPc ? pc - breakpointLength : pc;
  }

  /**
   * Tells whether a breakpoint trap that is none of ours came from a breakpoint instruction
   * compiled into the program, which is still in memory where the trap leaves the thread. If
   * it is not, the trap is the late one of a breakpoint removed since (Delve's phantom
   * breakpoint): the thread's PC is moved back to where that breakpoint was, so that it
   * executes the instruction that is there again instead of running on from its middle.
   */
  private boolean compiledIn(ThreadBackend thread) {
    long pc = thread.registers().pc();
    long address = trapAddress(pc);
    byte[] code = new byte[breakpointLength];
    try {
      backend.memory().readFully(address, code, 0, code.length);
    } catch (MemoryAccessException e) {
      return true; // nothing to execute there again: report the trap as it came
    }
    if (Arrays.equals(code, breakpointInstruction)) {
      return true;
    }
    if (address != pc) {
      thread.setPc(address);
    }
    return false;
  }

  private List<Breakpoint> countHit(PhysicalBreakpoint at, ThreadBackend thread) {
    int tid = thread.tid();
    return breakpoints.hit(at, 0, tracepoints.wanted() ? id -> tracepoints.hit(id, tid, at)
        : null);
  }

  /**
   * Steps over a breakpoint during run {@code run}. A halt requested for an earlier run that
   * cuts the step short (the thread is still at the breakpoint) is dropped and the step made
   * again; a halt of this run ends it like any other event.
   */
  private WaitEvent stepOverInRun(long run, ThreadBackend thread, PhysicalBreakpoint at) {
    WaitEvent end;
    do {
      end = stepOver(thread, at);
    } while (end instanceof WaitEvent.HaltRequested && haltRequestedFor.getAsLong() != run);
    return end;
  }

  /**
   * Executes the instruction under a breakpoint: original code back, one step, breakpoint
   * back (unless the process ended meanwhile).
   */
  private WaitEvent stepOver(ThreadBackend thread, PhysicalBreakpoint at) {
    standing.remove(thread.tid());
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
   * Resumes a thread that is ready to run, with its pending signal.
   *
   * @return false if another thread is stopped, so the caller has to find out why
   */
  private boolean release(ThreadBackend thread) {
    backend.resume(thread);
    for (ThreadBackend t : backend.threads()) {
      if (t.isStopped()) {
        return false;
      }
    }
    return true;
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
