package org.dlv4j.gort.internal.target;

import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.dlv4j.api.AsmInstruction;
import org.dlv4j.api.AsmSyntax;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Event;
import org.dlv4j.api.EventListener;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.GoroutinePage;
import org.dlv4j.api.GoroutinesRequest;
import org.dlv4j.api.Location;
import org.dlv4j.api.NoSuchBreakpointException;
import org.dlv4j.api.NoSuchThreadException;
import org.dlv4j.api.Register;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.StaleHandleException;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.api.TargetDetachedException;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.api.TargetRunningException;
import org.dlv4j.api.Thread;
import org.dlv4j.gort.internal.bp.BreakpointTable;
import org.dlv4j.gort.internal.bp.PhysicalBreakpoint;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ThreadBackend;

/**
 * The {@link Target} of dlv4j's Go engine: the state machine (stopped, running, exited,
 * detached), the stop epoch that makes old thread snapshots stale, and the public operations,
 * each of which runs its ptrace work as one task on the backend's tracer thread.
 *
 * <p>Locking: {@code lock} guards the phase and is held by operations on a stopped target for
 * their whole duration (so a resume cannot start under them), but never while the target runs
 * and never by code on the tracer or event thread that waits for the other.
 */
final class TargetImpl implements Target {
  private static final System.Logger LOG = System.getLogger("debugger");

  /** Where the target is in its life. */
  private enum Phase { STOPPED, RUNNING, EXITED, DETACHED }

  private final ProcessBackend backend;
  private final int pid;
  private final Path executable;
  private final CodeIndex code;
  private final Runnable cleanup;
  private final BreakpointTable breakpoints;
  private final RunLoop loop;
  private final Stepping stepping;
  private final RegisterViews registers;
  private final EventDispatcher events;
  private final ApiViews views;
  private final Disassembly disassembly;
  private final GoroutineViews goroutineViews;
  private final Stacks stacks;
  private final List<OutputPump> pumps = new ArrayList<>();
  private final Object lock = new Object();
  private volatile Phase phase = Phase.STOPPED;
  private volatile DebuggerState state;
  private volatile long epoch;
  private volatile long run;
  private volatile long haltRequestedFor = -1;
  /** The goroutines of the latest stop; replaced by every stop. */
  private volatile StopGoroutines goroutines = StopGoroutines.none();
  private boolean detaching;
  /** Whether a resume or step has not yet published its outcome; guarded by {@code lock}. */
  private boolean runInFlight;

  private TargetImpl(ProcessBackend backend, Path executable, CodeIndex code, Runnable cleanup) {
    this.backend = backend;
    this.pid = backend.pid();
    this.executable = executable;
    this.code = code;
    this.cleanup = cleanup;
    this.breakpoints = new BreakpointTable(new BreakpointTable.Code() {
      @Override
      public void read(long address, byte[] dst) {
        backend.memory().uncached().readFully(address, dst, 0, dst.length);
      }

      @Override
      public void write(long address, byte[] bytes) {
        backend.writeText(address, bytes);
      }
    }, backend.arch().breakpointInstruction());
    this.registers = new RegisterViews(backend.arch());
    this.events = new EventDispatcher(pid);
    this.views = new ApiViews(code);
    this.disassembly = new Disassembly(backend, breakpoints, code);
    this.goroutineViews = new GoroutineViews(pid, views);
    this.stacks = new Stacks(pid, views);
    this.stepping = new Stepping(backend, breakpoints, code, disassembly);
    this.loop = new RunLoop(backend, breakpoints, new RunLoop.TracepointSink() {
      @Override
      public boolean wanted() {
        return events.hasListeners();
      }

      @Override
      public void hit(int breakpointId, int threadId, PhysicalBreakpoint at) {
        events.post(new Event.TracepointHit(pid, breakpointId, threadId, at.location()));
      }
    }, stepping, () -> haltRequestedFor);
  }

  /**
   * Wraps a stopped process.
   *
   * @param backend the process, every thread stopped
   * @param executable the file {@link #executable()} reports
   * @param image the ELF file to read code information from (may be a /proc path)
   * @param cleanup what to do once the process is gone (delete a build), run at most once
   * @param initial why it is stopped
   * @return the target
   * @throws DebuggerException if the executable cannot be read or its load address cannot be
   *     found; the backend is closed then
   */
  static TargetImpl start(ProcessBackend backend, Path executable, Path image, Runnable cleanup,
      StopReason initial) {
    CodeIndex code;
    try {
      code = CodeIndex.open(image, elf -> LoadBias.of(backend.pid(), elf));
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    TargetImpl target = new TargetImpl(backend, executable, code, once(cleanup));
    backend.stdout().ifPresent(in -> target.pumps.add(new OutputPump(in,
        bytes -> target.events.post(new Event.Output(target.pid, Event.Output.Stream.STDOUT,
            bytes)), "dlv4j-stdout-" + target.pid)));
    backend.stderr().ifPresent(in -> target.pumps.add(new OutputPump(in,
        bytes -> target.events.post(new Event.Output(target.pid, Event.Output.Stream.STDERR,
            bytes)), "dlv4j-stderr-" + target.pid)));
    Stop stop = new Stop();
    target.state = backend.onTracer(() -> target.snapshot(stop, initial));
    return target;
  }

  @Override
  public int pid() {
    return pid;
  }

  @Override
  public boolean launched() {
    return backend.launched();
  }

  @Override
  public Path executable() {
    return executable;
  }

  @Override
  public Optional<OutputStream> stdin() {
    return backend.stdin();
  }

  @Override
  public DebuggerState state() {
    if (phase == Phase.DETACHED) {
      throw new TargetDetachedException(pid, "get the state");
    }
    return state;
  }

  @Override
  public DebuggerState resume() {
    long thisRun = startRun("continue");
    return finishRun("continue", () -> stepping.settle(loop.resume(thisRun)));
  }

  @Override
  public void halt() {
    synchronized (lock) {
      if (phase == Phase.RUNNING) {
        haltRequestedFor = run;
        backend.requestHalt();
      }
    }
  }

  @Override
  public DebuggerState stepInstruction(int threadId) {
    whileStopped("step instruction", () -> {
      if (state.thread(threadId).isEmpty()) {
        throw new NoSuchThreadException(pid, threadId);
      }
    });
    startRun("step instruction");
    return finishRun("step instruction", () -> loop.stepInstruction(backend.threads().stream()
        .filter(t -> t.tid() == threadId).findFirst()
        .orElseThrow(() -> new NoSuchThreadException(pid, threadId))));
  }

  @Override
  public DebuggerState next() {
    return sourceStep(StepCommand.NEXT);
  }

  @Override
  public DebuggerState step() {
    return sourceStep(StepCommand.STEP);
  }

  @Override
  public DebuggerState stepOut() {
    return sourceStep(StepCommand.STEP_OUT);
  }

  /** Plans a next, step or step out at the current stop, then runs until it ends. */
  private DebuggerState sourceStep(StepCommand command) {
    String operation = command.operation();
    checkNotListener(operation);
    whileStopped(operation, () -> {
      DebuggerState at = state;
      StopGoroutines stop = goroutines;
      backend.onTracer(() -> stepping.start(command, stop, at));
    });
    long thisRun = startRun(operation);
    return finishRun(operation, () -> stepping.settle(loop.resume(thisRun)));
  }

  @Override
  public DebuggerState cancelNext() {
    return whileStopped("cancel next", () -> {
      if (stepping.inProgress()) {
        backend.onTracer(stepping::cancel);
        DebuggerState s = state;
        state = new DebuggerState(s.pid(), s.stopReason(), s.currentThread(), s.threads(),
            s.selectedGoroutine(), false);
      }
      return state;
    });
  }

  @Override
  public DebuggerState switchThread(int threadId) {
    return whileStopped("switch thread", () -> {
      state = goroutineViews.switchThread(state, goroutines, threadId);
      return state;
    });
  }

  @Override
  public DebuggerState switchGoroutine(long goroutineId) {
    return whileStopped("switch goroutine", () -> {
      state = goroutineViews.switchGoroutine(state, goroutines, goroutineId);
      return state;
    });
  }

  @Override
  public GoroutinePage goroutines(GoroutinesRequest request) {
    java.util.Objects.requireNonNull(request, "request");
    return whileStopped("list goroutines", () -> goroutineViews.page(goroutines, request));
  }

  @Override
  public Optional<Goroutine> goroutine(long goroutineId) {
    return whileStopped("get goroutine", () -> goroutineViews.goroutine(goroutines, goroutineId));
  }

  @Override
  public List<Stackframe> stacktrace(long goroutineId, int depth, boolean withDefers) {
    int walk = Stacks.checkDepth(depth);
    return whileStopped("stacktrace",
        () -> stacks.stacktrace(goroutines, goroutineId, walk, withDefers));
  }

  @Override
  public Map<Long, List<Stackframe>> stacktraces(List<Long> goroutineIds, int depth,
      boolean withDefers) {
    List<Long> ids = List.copyOf(goroutineIds);
    int walk = Stacks.checkDepth(depth);
    return whileStopped("stacktraces", () -> stacks.stacktraces(goroutines, ids, walk, withDefers));
  }

  @Override
  public List<Stackframe> threadStacktrace(int threadId, int depth, boolean withDefers) {
    int walk = Stacks.checkDepth(depth);
    return whileStopped("thread stacktrace",
        () -> stacks.threadStacktrace(goroutines, state, threadId, walk, withDefers));
  }

  @Override
  public Stackframe frame(long goroutineId, int index) {
    Stacks.checkIndex(index);
    return whileStopped("get frame", () -> stacks.frame(goroutines, goroutineId, index));
  }

  @Override
  public List<AsmInstruction> disassemble(long start, long end, AsmSyntax syntax) {
    return whileStopped("disassemble", () -> disassembly.range(start, end, syntax, currentPc()));
  }

  @Override
  public List<AsmInstruction> disassembleFunction(long pc, AsmSyntax syntax) {
    return whileStopped("disassemble", () -> disassembly.function(pc, syntax, currentPc()));
  }

  @Override
  public Breakpoint createBreakpoint(BreakpointSpec spec) {
    return whileStopped("create breakpoint", () -> {
      List<Location> at = code.resolve(spec);
      return backend.onTracer(() -> breakpoints.create(spec, at));
    });
  }

  @Override
  public List<Breakpoint> breakpoints() {
    requireAttached("list breakpoints");
    return breakpoints.all();
  }

  @Override
  public Optional<Breakpoint> breakpoint(int id) {
    requireAttached("get breakpoint");
    return breakpoints.get(id);
  }

  @Override
  public Breakpoint clearBreakpoint(int id) {
    return whileStopped("clear breakpoint", () -> {
      if (breakpoints.get(id).isEmpty()) {
        throw new NoSuchBreakpointException(pid, id);
      }
      return backend.onTracer(() -> breakpoints.clear(id).orElseThrow());
    });
  }

  @Override
  public List<Thread> threads() {
    return whileStopped("list threads", () -> state.threads());
  }

  @Override
  public Thread thread(int threadId) {
    return whileStopped("get thread",
        () -> state.thread(threadId).orElseThrow(() -> new NoSuchThreadException(pid, threadId)));
  }

  @Override
  public byte[] readMemory(long address, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: " + length);
    }
    return whileStopped("read memory", () -> {
      byte[] bytes = new byte[length];
      backend.memory().readFully(address, bytes, 0, length);
      breakpoints.showOriginal(address, bytes);
      return bytes;
    });
  }

  @Override
  public void writeMemory(long address, byte[] data) {
    byte[] copy = data.clone();
    whileStopped("write memory", () -> {
      backend.memory().write(address, breakpoints.keepInstructions(address, copy));
      breakpoints.updateOriginals(address, copy);
    });
  }

  @Override
  public void detach() {
    checkNotListener("detach");
    boolean wasAlive;
    synchronized (lock) {
      if (phase == Phase.DETACHED || detaching) {
        return;
      }
      detaching = true;
      if (phase == Phase.RUNNING) {
        haltRequestedFor = run;
        backend.requestHalt();
      }
      awaitRunPublished();
      wasAlive = phase != Phase.EXITED;
    }
    DebuggerException failure = null;
    try {
      backend.onTracer(() -> {
        if (backend.isAlive()) {
          breakpoints.removeAll();
          backend.detach();
        }
      });
    } catch (DebuggerException e) {
      failure = e;
    } finally {
      pumps.forEach(OutputPump::drain);
      pumps.forEach(OutputPump::close);
      backend.close();
      synchronized (lock) {
        epoch++;
        phase = Phase.DETACHED;
      }
      if (wasAlive && backend.launched()) {
        events.post(new Event.Exited(pid, 137, OptionalInt.of(9)));
      }
      events.close(new Event.Detached(pid));
      stepping.forget();
      code.close();
      disassembly.close();
      cleanup.run();
    }
    if (failure != null) {
      throw new DebuggerException("detaching from process " + pid + " failed: "
          + failure.getMessage(), failure);
    }
  }

  /**
   * Waits (holding {@code lock}, up to 10 s) until a resume or step in progress has published
   * its outcome, so that its events come before the detach's.
   */
  private void awaitRunPublished() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    try {
      while (runInFlight && System.nanoTime() < deadline) {
        lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
    } catch (InterruptedException e) {
      java.lang.Thread.currentThread().interrupt();
    }
    if (runInFlight) {
      LOG.log(Level.WARNING, "process " + pid + " did not stop for the detach within 10 s");
    }
  }

  @Override
  public void kill() {
    checkNotListener("kill");
    boolean running;
    synchronized (lock) {
      if (phase == Phase.DETACHED || detaching) {
        throw new TargetDetachedException(pid, "kill");
      }
      if (phase == Phase.EXITED) {
        return;
      }
      running = phase == Phase.RUNNING;
      if (!running) {
        epoch++;
        phase = Phase.EXITED;
        state = DebuggerState.exited(pid, new StopReason.Exited(137, OptionalInt.of(9)));
      }
    }
    backend.kill();
    if (!running) {
      ended(state);
    }
  }

  @Override
  public void close() {
    detach();
  }

  @Override
  public void addListener(EventListener listener) {
    events.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeListener(EventListener listener) {
    events.remove(java.util.Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public String toString() {
    return "Target[pid " + pid + ", " + executable + ", " + phase + "]";
  }

  /** Reads a thread's floating point registers if {@code snapshotEpoch} is still current. */
  List<Register> floatingPointRegisters(int tid, long snapshotEpoch) {
    synchronized (lock) {
      checkCurrent(tid, snapshotEpoch);
      return backend.onTracer(() -> backend.threads().stream().filter(t -> t.tid() == tid)
          .findFirst().map(t -> registers.floatingPoint(t.registers()))
          .orElseThrow(() -> new NoSuchThreadException(pid, tid)));
    }
  }

  /** Decodes the instruction at a thread's pc if {@code snapshotEpoch} is still current. */
  AsmInstruction instruction(int tid, long snapshotEpoch, long pc) {
    synchronized (lock) {
      checkCurrent(tid, snapshotEpoch);
      return disassembly.at(pc);
    }
  }

  /** The current thread's pc, which disassembly marks. */
  private OptionalLong currentPc() {
    return state.currentThread().map(t -> OptionalLong.of(t.pc())).orElse(OptionalLong.empty());
  }

  /** Throws unless the stop a snapshot of thread {@code tid} belongs to is still current. */
  void checkCurrent(int tid, long snapshotEpoch) {
    if (phase == Phase.DETACHED) {
      throw new TargetDetachedException(pid, "read registers of thread " + tid);
    }
    if (snapshotEpoch != epoch || phase != Phase.STOPPED) {
      throw new StaleHandleException("thread " + tid + " of process " + pid
          + " is a snapshot of an earlier stop: the target has run since");
    }
  }

  // ---- running ----

  private long startRun(String operation) {
    checkNotListener(operation);
    long thisRun = whileStopped(operation, () -> {
      phase = Phase.RUNNING;
      runInFlight = true;
      epoch++;
      long next = ++run;
      state = DebuggerState.running(pid);
      return next;
    });
    events.post(new Event.Resumed(pid));
    return thisRun;
  }

  /**
   * Runs a resume or step on the tracer thread, then publishes its outcome: the new state and
   * phase, then the Stopped or Exited event. While the target is being detached, only an exit
   * is published and the caller gets {@link TargetDetachedException}.
   */
  private DebuggerState finishRun(String operation, Supplier<Stop> body) {
    DebuggerState result = null;
    RuntimeException failure = null;
    try {
      result = backend.onTracer(() -> snapshot(body.get(), null));
    } catch (TargetExitedException e) { // the backend saw the end before the loop did
      result = DebuggerState.exited(pid, new StopReason.Exited(e.exitStatus(),
          OptionalInt.empty()));
    } catch (RuntimeException e) {
      failure = e;
    }
    pumps.forEach(OutputPump::drain);
    boolean detached;
    synchronized (lock) {
      detached = detaching || phase == Phase.DETACHED;
      if (phase == Phase.RUNNING) {
        phase = result != null && result.exited() ? Phase.EXITED : Phase.STOPPED;
        if (result != null && (!detached || result.exited())) {
          state = result;
        }
      }
    }
    try {
      if (result != null && result.exited()) {
        ended(result);
      } else if (result != null && !detached) {
        events.post(new Event.Stopped(result));
      }
    } finally {
      synchronized (lock) {
        runInFlight = false;
        lock.notifyAll();
      }
    }
    if (detached) {
      throw new TargetDetachedException(pid, operation);
    }
    if (failure != null) {
      throw failure;
    }
    return result;
  }

  /** Posts the end of the process and releases what only a live process needed. */
  private void ended(DebuggerState exited) {
    pumps.forEach(OutputPump::drain);
    StopReason.Exited how = (StopReason.Exited) exited.stopReason().orElseThrow();
    events.post(new Event.Exited(pid, how.exitStatus(), how.signal()));
    LOG.log(Level.DEBUG, () -> "process " + pid + " exited with status " + how.exitStatus());
    cleanup.run();
  }

  /**
   * Builds the state of a stop on the tracer thread: every thread with its registers, location
   * and breakpoints.
   *
   * @param stop what the run collected
   * @param reason the reason to report instead of the collected one (the initial stop), or null
   */
  private DebuggerState snapshot(Stop stop, StopReason reason) {
    if (stop.exited() != null) {
      goroutines = StopGoroutines.none();
      return DebuggerState.exited(pid, stop.exited());
    }
    long now = epoch;
    List<ThreadBackend> live = backend.threads();
    StopGoroutines stopGoroutines = StopGoroutines.read(code.runtime(), backend.memory(),
        live.stream().map(ThreadBackend::registers).toList());
    goroutines = stopGoroutines;
    List<Thread> threads = new ArrayList<>();
    for (ThreadBackend t : live) {
      var file = t.registers();
      threads.add(new ThreadSnapshot(this, now, t.tid(), code.location(file.pc()),
          registers.general(file), stop.breakpointsOf(t.tid()),
          stopGoroutines.goroutineIdOf(t.tid())));
    }
    threads.sort(Comparator.comparingInt(Thread::id));
    int current = stop.currentThread();
    Optional<Thread> currentThread = threads.stream().filter(t -> t.id() == current).findFirst()
        .or(() -> threads.stream().filter(t -> t.id() == pid).findFirst())
        .or(() -> threads.stream().findFirst());
    Optional<Goroutine> selected = currentThread.flatMap(
        t -> goroutineViews.goroutineOfThread(stopGoroutines, t.id()));
    return new DebuggerState(pid, Optional.of(reason != null ? reason : stop.reason()),
        currentThread, threads, selected, stepping.inProgress());
  }

  // ---- checks ----

  private static Runnable once(Runnable action) {
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        action.run();
      }
    };
  }

  /**
   * Runs {@code body} for an operation that needs the target stopped, holding {@code lock}
   * throughout so that no resume can start under it.
   *
   * @throws DebuggerException if the target is not stopped: {@link TargetRunningException},
   *     {@link TargetExitedException} or {@link TargetDetachedException}
   */
  private <T> T whileStopped(String operation, Supplier<T> body) {
    synchronized (lock) {
      requireStopped(operation);
      return body.get();
    }
  }

  /** {@link #whileStopped(String, Supplier)} for a body without a result. */
  private void whileStopped(String operation, Runnable body) {
    whileStopped(operation, () -> {
      body.run();
      return null;
    });
  }

  private void requireStopped(String operation) {
    switch (phase) {
      case RUNNING -> throw new TargetRunningException(pid, operation);
      case EXITED -> throw new TargetExitedException(pid,
          state.exitStatus().orElseThrow(), operation);
      case DETACHED -> throw new TargetDetachedException(pid, operation);
      default -> {
        if (detaching) {
          throw new TargetDetachedException(pid, operation);
        }
      }
    }
  }

  private void requireAttached(String operation) {
    if (phase == Phase.DETACHED) {
      throw new TargetDetachedException(pid, operation);
    }
  }

  private void checkNotListener(String operation) {
    if (events.onDeliveryThread()) {
      throw new IllegalStateException("cannot " + operation + " from an event listener of"
          + " process " + pid);
    }
  }
}
