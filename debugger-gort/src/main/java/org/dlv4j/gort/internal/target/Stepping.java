package org.dlv4j.gort.internal.target;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.NoSourceException;
import org.dlv4j.api.StepInProgressException;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.internal.binary.Lazy;
import org.dlv4j.gort.internal.bp.BreakpointTable;
import org.dlv4j.gort.internal.bp.PhysicalBreakpoint;
import org.dlv4j.gort.internal.bp.StepBreaklet;
import org.dlv4j.gort.internal.bp.StepPoint;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.gort.internal.stack.GoroutineLister;
import org.dlv4j.gort.internal.stack.StackFrame;
import org.dlv4j.gort.internal.stack.StackStart;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ThreadBackend;

/**
 * The source-level step of one target (Delve's next, step and stepOut with their temporary
 * breakpoints), at most one at a time. {@link #start} plans it ({@link StepPlanner}) and plants
 * its breakpoints; the continue loop asks {@link #check} what a thread that reached one of them
 * means (the goroutine, and where asked the frame, must be the stepped one), calls
 * {@link #entered} when the goroutine executed a call of the stepped line, and
 * {@link #ended} when the goroutine itself ended; {@link #settle} decides after each run whether
 * the step is over: finished, the process gone, or the stepped goroutine stopped at a user or
 * hardcoded breakpoint. Any other stop (another goroutine's breakpoint, a halt) leaves it in progress:
 * the next resume continues it, {@link #cancel} abandons it. A step over a go statement
 * follows the goroutine it creates, as Delve's does: from then on the step is that
 * goroutine's. Tracer thread only, except {@link #inProgress}.
 */
final class Stepping implements RunLoop.Steps {
  private static final System.Logger LOG = System.getLogger("debugger");
  /** How deep to look for runtime.deferreturn or gopanic above a deferred function. */
  private static final int DEFER_CALLER_DEPTH = 6;

  /** What a step needs of the program: present for Go binaries with a readable runtime. */
  private record Parts(GoRuntime rt, StepPlanner planner, CallTargets calls, ThreadProbe probe) {
  }

  /** The step in progress. */
  private record Active(long goroutineId, int threadId, boolean fromRuntime) {
  }

  private final int pid;
  private final ProcessBackend backend;
  private final BreakpointTable breakpoints;
  private final CodeIndex index;
  private final Disassembly text;
  private final Lazy<Optional<Parts>> parts;
  private final ThreadProbe.Facts facts = new ThreadProbe.Facts();
  private volatile Active active;

  /**
   * Creates the stepping of one target.
   *
   * @param backend the process
   * @param breakpoints its breakpoints, where the step's temporary ones go
   * @param index its code
   * @param text its code, decoded
   */
  Stepping(ProcessBackend backend, BreakpointTable breakpoints, CodeIndex index, Disassembly text) {
    this.pid = backend.pid();
    this.backend = backend;
    this.breakpoints = breakpoints;
    this.index = index;
    this.text = text;
    this.parts = Lazy.of(() -> index.runtime().flatMap(rt -> index.binary().map(bin -> parts(rt, bin))));
  }

  private Parts parts(GoRuntime rt, GoBinary bin) {
    CallTargets calls = new CallTargets(rt.code(), bin, text);
    NewGoroutines goroutines = new NewGoroutines(rt.code(), text, rt.arch().pcQuantum());
    return new Parts(rt, new StepPlanner(index, bin, rt.code(), calls, goroutines, text), calls,
        new ThreadProbe(rt, TargetMemory.of(backend.memory())));
  }

  /** {@return whether a step is in progress} */
  boolean inProgress() {
    return active != null;
  }

  /**
   * Starts a step of the selected goroutine (or, without one, the current thread) of a stop:
   * plans it and plants its breakpoints. The caller then runs the target. Tracer thread only.
   *
   * @param command the step
   * @param stop the goroutines of the stop
   * @param state the stop
   * @throws StepInProgressException if a step is in progress
   * @throws NoSourceException if the goroutine (or thread) stands where there is no source
   */
  void start(StepCommand command, StopGoroutines stop, DebuggerState state) {
    if (active != null) {
      throw new StepInProgressException(pid, command.operation());
    }
    long pc = state.selectedGoroutine().map(g -> g.currentLocation().pc())
        .or(() -> state.currentThread().map(org.dlv4j.api.Thread::pc)).orElse(0L);
    Optional<Parts> p = parts.get();
    Optional<GoroutineLister> lister = stop.lister();
    if (p.isEmpty() || lister.isEmpty()) {
      throw new NoSourceException(pid, command.operation(), pc);
    }
    Optional<Goroutine> selected = state.selectedGoroutine();
    int tid = state.currentThread().map(org.dlv4j.api.Thread::id).orElse(pid);
    List<StackFrame> frames;
    long goid = 0;
    if (selected.isPresent()) {
      goid = selected.get().id();
      org.dlv4j.gort.internal.runtime.Goroutine g = lister.get().find(goid).orElseThrow(() ->
          new DebuggerException("cannot " + command.operation() + " in process " + pid
              + ": goroutine " + selected.get().id() + " is gone"));
      frames = lister.get().stacktrace(g.g(), StepPlanner.DEPTH);
    } else {
      ThreadG thread = lister.get().threads().stream().filter(t -> t.regs().tid() == tid)
          .findFirst().orElseThrow(() -> new NoSourceException(pid, command.operation(), pc));
      frames = lister.get().unwinder().stacktrace(StackStart.ofThread(thread), StepPlanner.DEPTH);
    }
    List<StepPoint> plan = p.get().planner().plan(command, frames, goid, tid, pid);
    try {
      breakpoints.addStepping(plan);
    } catch (RuntimeException e) {
      breakpoints.clearStepping();
      throw e;
    }
    CodeMap code = p.get().rt().code();
    int fi = code.funcIndex(frames.get(0).pc());
    active = new Active(goid, tid, code.name(fi).startsWith("runtime."));
  }

  @Override
  public Verdict check(ThreadBackend thread, PhysicalBreakpoint at) {
    Active step = active;
    List<StepBreaklet> here = at.stepping();
    if (step == null || here.isEmpty()) {
      return Verdict.PASS;
    }
    Parts p = parts.get().orElseThrow();
    p.probe().read(thread, facts);
    boolean stepped = false;
    Verdict verdict = Verdict.PASS;
    for (StepBreaklet b : here) {
      if (!runsStepped(b, step, thread)) {
        continue;
      }
      stepped = true;
      if (b.sameFrame() && !(facts.frameKnown && facts.frameOffset == b.frameOffset())) {
        continue;
      }
      switch (b.kind()) {
        case NEXT -> {
          return Verdict.FINISH;
        }
        case DEFER -> {
          if (runAsDeferred(p, thread)) {
            return Verdict.FINISH;
          }
        }
        case CALL -> verdict = Verdict.ENTER;
        case GOEXIT -> verdict = verdict == Verdict.PASS ? Verdict.END : verdict;
        case GO -> {
          if (follow(p, thread, step)) {
            return Verdict.PASS; // the goroutine's other breaklets here no longer apply
          }
        }
        default -> throw new IllegalStateException("unknown stepping breakpoint " + b.kind());
      }
    }
    return stepped ? verdict : Verdict.OTHER;
  }

  /**
   * Tells whether the thread {@link #facts} describes runs the goroutine (or is the thread) the
   * step follows and a breaklet is for; those of a goroutine the step followed before are
   * inactive. A thread on a system stack counts for the goroutine of its M, which no other
   * thread can run meanwhile; one whose goroutine cannot be read counts for none.
   */
  private boolean runsStepped(StepBreaklet b, Active step, ThreadBackend thread) {
    if (b.goroutineId() != step.goroutineId()) {
      return false;
    }
    return b.goroutineId() != 0 ? facts.goroutineId == b.goroutineId()
        : thread.tid() == b.threadId();
  }

  /**
   * Makes the step follow the goroutine a go statement of the stepped line just created (the
   * thread stands where {@code runtime.newproc1} returned it): plants the breakpoints where the
   * new goroutine stops and leaves the stepped goroutine's breakpoints inactive, to be removed
   * with the rest when the step ends.
   *
   * @return whether the step follows it; if not (it runs nothing with source), the step goes on
   *     over the go statement
   */
  private boolean follow(Parts p, ThreadBackend thread, Active step) {
    try {
      Optional<ThreadProbe.Created> created = p.probe().created(thread);
      List<StepPoint> plan = created.isEmpty() ? List.of() : p.planner().planStart(
          created.get().startPc(), created.get().goroutineId(), step.fromRuntime());
      if (plan.isEmpty()) {
        LOG.log(Level.DEBUG, () -> "process " + pid + ": not following the new goroutine "
            + created + " of goroutine " + step.goroutineId());
        return false;
      }
      breakpoints.addStepping(plan);
      active = new Active(created.get().goroutineId(), step.threadId(), step.fromRuntime());
      return true;
    } catch (DebuggerException e) { // the step goes on over the go statement
      LOG.log(Level.DEBUG, () -> "process " + pid + ": not following the new goroutine of"
          + " goroutine " + step.goroutineId() + ": " + e.getMessage());
      return false;
    }
  }

  /** Tells whether the thread's function was called by deferreturn or gopanic (wrappers aside). */
  private static boolean runAsDeferred(Parts p, ThreadBackend thread) {
    CodeMap code = p.rt().code();
    List<Long> pcs = p.probe().framePcs(thread, DEFER_CALLER_DEPTH);
    for (int i = 1; i < pcs.size(); i++) {
      int fi = code.funcIndex(pcs.get(i));
      if (fi < 0) {
        return false;
      }
      if (!p.calls().isWrapper(fi)) {
        String name = code.name(fi);
        return name.equals("runtime.deferreturn") || name.equals("runtime.gopanic");
      }
    }
    return false;
  }

  @Override
  public void entered(ThreadBackend thread) {
    Active step = active;
    if (step == null) {
      return;
    }
    long pc = thread.registers().pc();
    try {
      long stop = parts.get().orElseThrow().calls().stopAfterCallTo(pc, step.fromRuntime());
      if (stop >= 0) {
        breakpoints.addStepping(List.of(new StepPoint(index.location(stop), new StepBreaklet(
            StepBreaklet.Kind.NEXT, step.goroutineId(), step.threadId(), false, 0))));
      }
    } catch (DebuggerException e) { // the step goes on over the call, to the next line
      LOG.log(Level.DEBUG, () -> "process " + pid + ": not stepping into the call to 0x"
          + Long.toHexString(pc) + ": " + e.getMessage());
    }
  }

  @Override
  public void ended() {
    cancel();
  }

  /**
   * Decides, after a run, whether the step in progress is over: it finished, the process
   * ended, or the stepped goroutine (or thread) stopped at a user or hardcoded breakpoint
   * (Delve's {@code onNextGoroutine}). Tracer thread only.
   *
   * @param stop how the run ended
   * @return {@code stop}
   */
  Stop settle(Stop stop) {
    Active step = active;
    if (step == null) {
      return stop;
    }
    if (stop.exited() != null) {
      breakpoints.dropStepping();
      active = null;
    } else if (stop.nextFinished() || steppedAtBreakpoint(step, stop)) {
      cancel();
    }
    return stop;
  }

  private boolean steppedAtBreakpoint(Active step, Stop stop) {
    Parts p = parts.get().orElseThrow();
    for (ThreadBackend t : backend.threads()) {
      if (!stop.breakpointsOf(t.tid()).isEmpty() || stop.hardcodedThread() == t.tid()) {
        if (step.goroutineId() == 0) {
          if (t.tid() == step.threadId()) {
            return true;
          }
        } else {
          p.probe().read(t, facts);
          if (facts.goroutineId == step.goroutineId()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Abandons the step in progress, removing its breakpoints. Tracer thread only. */
  void cancel() {
    breakpoints.clearStepping();
    active = null;
  }

  /** Forgets the step without touching the process (it is detached or gone). */
  void forget() {
    active = null;
  }

}
