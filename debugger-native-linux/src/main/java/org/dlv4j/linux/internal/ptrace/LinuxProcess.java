package org.dlv4j.linux.internal.ptrace;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.NoSuchProcessException;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.linux.internal.memory.LinuxMemory;
import org.dlv4j.linux.internal.sys.Errno;
import org.dlv4j.linux.internal.sys.ErrnoException;
import org.dlv4j.linux.internal.sys.Errors;
import org.dlv4j.linux.internal.sys.LibC;
import org.dlv4j.linux.internal.sys.Signals;
import org.dlv4j.linux.internal.sys.WaitStatus;
import org.dlv4j.spi.ArchSupport;
import org.dlv4j.spi.MemoryAccess;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;

/**
 * A traced Linux process: thread bookkeeping, the wait loop that turns waitpid statuses into
 * {@link WaitEvent}s, resume/step/stop primitives, code patching and the end of tracing.
 * Created by {@link Launcher} or {@link Attacher} with every thread stopped.
 *
 * <p>Stops are either reported (traps, signals, halt, exits) or absorbed: a new thread's first
 * stop, a clone or exec event, the interrupt stops {@link #stopAll()} causes (unless one
 * overtook the trap of a breakpoint instruction, which it then reports), and stray
 * {@code SIGSTOP}s. {@link #stopAll()} uses {@code PTRACE_INTERRUPT}, not {@code SIGSTOP}, so
 * it never leaves a pending stop signal behind that could stop the process for real after a
 * detach; {@link #requestHalt()} must work from any thread and therefore sends a
 * thread-directed {@code SIGSTOP}, which the wait loop recognizes by a flag, and which
 * {@link #detach()} delivers (and swallows) if it is still pending.
 */
public final class LinuxProcess implements ProcessBackend {
  private static final System.Logger LOG = System.getLogger("ptrace");

  /** Where the process is in its life under this backend. */
  private enum Life { ALIVE, ENDED, DETACHED }

  private final int pid;
  private final boolean launched;
  private final LinuxArch arch;
  private final Ptrace ptrace;
  private final WaitSource waits;
  private final LinuxMemory memory;
  private final ChildStdio stdio;
  private final Map<Integer, LinuxThread> threads = new ConcurrentHashMap<>();
  /** Events seen while single-stepping that belong to other threads; waitEvent returns them. */
  private final Deque<WaitEvent> deferred = new ArrayDeque<>();
  private final AtomicBoolean haltRequested = new AtomicBoolean();
  private volatile Life life = Life.ALIVE;
  private volatile int exitStatus;
  /** Threads that are RUNNING or NEW (tracer-only); memory is cacheable only while none is. */
  private final Set<Integer> activeTids = new HashSet<>();
  /** Mirrors {@code activeTids.isEmpty()} for readers on other threads. */
  private volatile boolean cacheable;
  /** Whether the last classified stop was a thread's first (NEW) stop. */
  private boolean lastWasNew;
  /** Code words as the backend last read or wrote them (tracer-only). */
  private final KnownText text = new KnownText();
  /** {@link LinuxMemory#writeCount()} when {@link #text} was last known to be current. */
  private long textAsOfWrites;
  /** The architecture's breakpoint instruction. */
  private final byte[] breakpointInstruction;
  /** The name of the program counter in the architecture's register files. */
  private final String pcRegister;

  LinuxProcess(int pid, boolean launched, LinuxArch arch,
      Ptrace ptrace, List<Integer> stoppedTids, Map<Integer, Integer> pendingSignals,
      ChildStdio stdio) {
    this.pid = pid;
    this.launched = launched;
    this.arch = arch;
    this.ptrace = ptrace;
    this.stdio = stdio;
    this.waits = WaitSource.forProcess(ptrace, pid);
    this.breakpointInstruction = arch.support().breakpointInstruction();
    this.pcRegister = arch.support().registerName(arch.support().pcDwarfRegister())
        .orElseThrow();
    this.memory = new LinuxMemory(pid, new LinuxMemory.Owner() {
      @Override
      public boolean allStopped() {
        return life == Life.ALIVE && cacheable;
      }

      @Override
      public OptionalInt exitStatus() {
        return exitStatusIfEnded();
      }
    });
    for (int tid : stoppedTids) {
      LinuxThread t = new LinuxThread(this, tid, LinuxThread.State.STOPPED);
      t.pendingSignal(pendingSignals.getOrDefault(tid, 0));
      threads.put(tid, t);
    }
    cacheable = true;
  }

  @Override
  public int pid() {
    return pid;
  }

  @Override
  public boolean launched() {
    return launched;
  }

  @Override
  public ArchSupport arch() {
    return arch.support();
  }

  LinuxArch linuxArch() {
    return arch;
  }

  /** Returns the name of the program counter in this architecture's register files. */
  String pcRegister() {
    return pcRegister;
  }

  Ptrace ptrace() {
    return ptrace;
  }

  /**
   * Returns how many times the tracer has made a ptrace request for this process, for tests
   * and benchmarks. Tracer-only.
   *
   * @param request a request number, e.g. {@link Ptrace#PEEKDATA}
   * @return the number of calls so far
   */
  public long ptraceCalls(int request) {
    ptrace.owner().checkCurrent("count ptrace calls");
    return ptrace.calls(request);
  }

  @Override
  public boolean isAlive() {
    return life == Life.ALIVE;
  }

  @Override
  public <T> T onTracer(Callable<T> task) {
    return ptrace.owner().call(task);
  }

  @Override
  public List<ThreadBackend> threads() {
    checkUsable("list threads");
    List<ThreadBackend> list = new ArrayList<>(threads.values());
    list.sort(Comparator.comparingInt((ThreadBackend t) -> t.tid() == pid ? 0 : 1)
        .thenComparingInt(ThreadBackend::tid));
    return list;
  }

  @Override
  public WaitEvent waitEvent() {
    checkUsable("wait for an event");
    if (!deferred.isEmpty()) {
      return deferred.poll();
    }
    while (true) {
      if (activeTids.isEmpty()) {
        throw new IllegalStateException("no thread of process " + pid + " is running");
      }
      int tid = waits.next(activeTids, true);
      WaitEvent event = classify(tid, waits.status());
      if (event != null) {
        return event;
      }
      resumeAbsorbed(tid);
    }
  }

  @Override
  public void resume(ThreadBackend thread) {
    checkUsable("resume");
    LinuxThread t = own(thread);
    checkStopped(t, "resume");
    resumeThread(t, t.pendingSignal(), false);
  }

  @Override
  public void resume(ThreadBackend thread, int signal) {
    checkUsable("resume");
    LinuxThread t = own(thread);
    checkStopped(t, "resume");
    resumeThread(t, signal, false);
  }

  @Override
  public void resumeAll() {
    checkUsable("resume");
    for (LinuxThread t : threads.values()) {
      if (t.state() == LinuxThread.State.STOPPED) {
        resumeThread(t, t.pendingSignal(), false);
      }
    }
  }

  @Override
  public List<WaitEvent> stopAll() {
    checkUsable("stop all threads");
    List<WaitEvent> events = new ArrayList<>(deferred);
    deferred.clear();
    for (LinuxThread t : threads.values()) {
      if (t.state() == LinuxThread.State.RUNNING) {
        try {
          ptrace.interrupt(t.tid());
        } catch (ErrnoException e) {
          if (e.errno() != Errno.ESRCH) {
            throw Errors.toApi(e, "stop thread " + t.tid(), pid, exitStatusIfEnded());
          }
          // exiting: its exit status will arrive below
        }
      }
    }
    while (!activeTids.isEmpty() && life == Life.ALIVE) {
      int tid = waits.next(activeTids, true);
      WaitEvent event = classify(tid, waits.status());
      if (event == null && !lastWasNew) {
        event = overtakenTrap(threads.get(tid));
      }
      if (event != null) {
        events.add(event);
      }
    }
    return events;
  }

  /**
   * Takes the trap of a breakpoint instruction that a thread executed just before
   * {@link #stopAll()}'s interrupt reached it. The kernel reports an interrupt (a job-control
   * trap) before it dequeues the thread's pending signals, so such a thread reports the
   * interrupt's stop with its PC past the breakpoint instruction and the instruction's
   * {@code SIGTRAP} still queued. Left there, the trap would be missed by this stop and
   * surface at some later resume, maybe after the breakpoint was removed, when nobody can tell
   * it from a breakpoint compiled into the program and the thread runs on from the middle of an
   * instruction. Resuming the thread makes the kernel deliver the queued {@code SIGTRAP} before
   * the thread executes anything.
   *
   * @param t a thread that just reported a stop that was absorbed, or null
   * @return the trap, or null if the thread has none queued
   */
  private WaitEvent overtakenTrap(LinuxThread t) {
    while (t != null && life == Life.ALIVE && t.state() == LinuxThread.State.STOPPED
        && pastBreakpointInstruction(t, true)
        && ProcFs.hasPendingSignal(pid, t.tid(), Signals.SIGTRAP)) {
      resumeThread(t, 0, false);
      int tid = waits.next(t.tid());
      WaitEvent event = classify(tid, waits.status());
      if (event != null) {
        return event; // the trap (or, if it was killed meanwhile, its end)
      }
    }
    return null;
  }

  @Override
  public WaitEvent singleStep(ThreadBackend thread) {
    checkUsable("single-step");
    LinuxThread t = own(thread);
    checkStopped(t, "single-step");
    int keep = t.pendingSignal();
    int deliver = 0;
    if (Signals.isSynchronousFault(keep)) {
      deliver = keep;
      keep = 0;
    }
    while (true) {
      resumeThread(t, deliver, true);
      deliver = 0;
      WaitEvent event = nextForStep(t);
      if (event == null) {
        continue; // absorbed: a clone, a stray interrupt or SIGSTOP; step again
      }
      if (event instanceof WaitEvent.Signal s) {
        if (Signals.isSynchronousFault(s.signo())) {
          deliver = s.signo();
        } else {
          keep = s.signo();
        }
        continue;
      }
      if (t.state() == LinuxThread.State.STOPPED) {
        t.pendingSignal(keep);
      }
      return event; // the step's trap, a halt that cut it short, or the end
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each aligned word the range touches costs one {@code PTRACE_POKEDATA}, preceded by a
   * {@code PTRACE_PEEKDATA} only if the write covers part of the word and the word is not
   * already known from an earlier read or write (see {@link KnownText}): putting a breakpoint
   * instruction back, or the byte it replaced, needs no read.
   */
  @Override
  public void writeText(long address, byte[] bytes) {
    checkUsable("write code");
    LinuxThread via = anyStopped("write code");
    memory.invalidate();
    forgetTextIfMemoryWritten();
    long first = address & ~7L;
    long end = address + bytes.length;
    for (long word = first; word < end; word += 8) {
      try {
        long value = word >= address && word + 8 <= end ? 0 : knownWord(via, word);
        for (int i = 0; i < 8; i++) {
          long a = word + i;
          if (a >= address && a < end) {
            long b = bytes[(int) (a - address)] & 0xffL;
            value = (value & ~(0xffL << (8 * i))) | (b << (8 * i));
          }
        }
        ptrace.pokeData(via.tid(), word, value);
        text.put(word, value);
      } catch (ErrnoException e) {
        throw Errors.memory(pid, Math.max(word, address), bytes.length, "write code",
            e.errno(), exitStatusIfEnded());
      }
    }
  }

  /** Returns the word at an aligned address: known, or read with {@code PTRACE_PEEKDATA}. */
  private long knownWord(LinuxThread via, long word) {
    if (text.knows(word)) {
      return text.word(word);
    }
    long value = ptrace.peekData(via.tid(), word);
    text.put(word, value);
    return value;
  }

  /** Drops the known code words if data memory was written since they were recorded. */
  private void forgetTextIfMemoryWritten() {
    long writes = memory.writeCount();
    if (writes != textAsOfWrites) {
      text.clear();
      textAsOfWrites = writes;
    }
  }

  @Override
  public void detach() {
    ptrace.owner().checkCurrent("detach");
    if (life != Life.ALIVE) {
      return;
    }
    if (launched) {
      kill();
      return;
    }
    for (WaitEvent e : stopAll()) {
      if (e instanceof WaitEvent.Trap trap && trap.isBreakpoint()) {
        rewindRemovedBreakpoint((LinuxThread) trap.thread());
      }
    }
    if (life != Life.ALIVE) {
      return;
    }
    flushHalts();
    if (life != Life.ALIVE) {
      return;
    }
    for (LinuxThread t : threads.values()) {
      try {
        ptrace.detach(t.tid(), t.pendingSignal());
      } catch (ErrnoException e) {
        LOG.log(System.Logger.Level.DEBUG, "detach {0}: {1}", t.tid(), e.getMessage());
      }
      t.state(LinuxThread.State.GONE);
    }
    threads.clear();
    life = Life.DETACHED;
    waits.close();
    memory.invalidate();
  }

  @Override
  public void kill() {
    if (life != Life.ALIVE) {
      return;
    }
    signal(pid, Signals.SIGKILL); // also if it left its process group
    if (launched) {
      signal(-pid, Signals.SIGKILL); // and whatever it started in its group
    }
    ptrace.owner().call(() -> {
      reap();
      return null;
    });
  }

  @Override
  public void requestHalt() {
    if (life != Life.ALIVE) {
      return;
    }
    haltRequested.set(true);
    int target = threads.values().stream()
        .filter(t -> t.state() == LinuxThread.State.RUNNING)
        .mapToInt(LinuxThread::tid).findFirst().orElse(pid);
    try {
      LibC.tgkill(pid, target, Signals.SIGSTOP);
    } catch (com.sun.jna.LastErrorException e) {
      LOG.log(System.Logger.Level.DEBUG, "halt: tgkill {0}: errno {1}", target, e.getErrorCode());
    }
  }

  @Override
  public MemoryAccess memory() {
    return memory;
  }

  @Override
  public Optional<OutputStream> stdin() {
    return Optional.ofNullable(stdio.stdin());
  }

  @Override
  public Optional<InputStream> stdout() {
    return Optional.ofNullable(stdio.stdout());
  }

  @Override
  public Optional<InputStream> stderr() {
    return Optional.ofNullable(stdio.stderr());
  }

  @Override
  public void close() {
    try {
      if (life == Life.ALIVE) {
        if (launched) {
          kill();
        } else {
          onTracer(() -> {
            detach();
            return null;
          });
        }
      }
    } finally {
      waits.close();
      ptrace.owner().close();
      stdio.close();
      memory.close();
    }
  }

  @Override
  public String toString() {
    return (launched ? "launched" : "attached") + " process " + pid + " (" + life + ")";
  }

  // ---- helpers used by LinuxThread ----

  void checkStopped(LinuxThread t, String operation) {
    checkUsable(operation);
    if (t.state() == LinuxThread.State.GONE) {
      throw new NoSuchProcessException(t.tid(), operation + " (thread of process " + pid
          + " has exited)");
    }
    if (t.state() != LinuxThread.State.STOPPED) {
      throw new IllegalStateException("cannot " + operation + ": " + t + " of process " + pid
          + " is not stopped");
    }
  }

  // ---- the wait loop ----

  /**
   * Turns one waitpid result into an event, or null if the stop is absorbed. Registers new
   * threads and records state; never resumes anything.
   */
  private WaitEvent classify(int tid, int status) {
    if (WaitStatus.exited(status) || WaitStatus.signaled(status)) {
      return onExit(tid, status);
    }
    LinuxThread t = threads.get(tid);
    lastWasNew = t == null || t.state() == LinuxThread.State.NEW;
    if (t == null) {
      t = register(tid); // a new thread's first stop can overtake its parent's clone event
    }
    markStopped(t);
    int signo = WaitStatus.stopSignal(status);
    switch (WaitStatus.event(status)) {
      case WaitStatus.EVENT_CLONE -> {
        int child = (int) ptrace.eventMessage(tid);
        if (!threads.containsKey(child)) {
          register(child);
        }
        return null;
      }
      case WaitStatus.EVENT_EXEC -> {
        // execve ended every other thread without an exit report; only the leader remains
        LOG.log(System.Logger.Level.WARNING, "process {0} called execve; following it", pid);
        text.clear(); // a new program: none of the old code is there any more
        for (LinuxThread other : List.copyOf(threads.values())) {
          if (other.tid() != pid) {
            threads.remove(other.tid());
            leaveActive(other);
            other.state(LinuxThread.State.GONE);
          }
        }
        return null;
      }
      case WaitStatus.EVENT_STOP -> {
        return null; // interrupt, a new thread's first stop, or a group-stop
      }
      case 0 -> {
        return signalStop(t, signo);
      }
      default -> {
        LOG.log(System.Logger.Level.DEBUG, "thread {0}: {1} ignored", tid,
            WaitStatus.describe(status));
        return null;
      }
    }
  }

  private WaitEvent signalStop(LinuxThread t, int signo) {
    if (signo == Signals.SIGTRAP) {
      int code = trapCode(t);
      if (code > 0) { // raised by the kernel (int3, single step, debug registers), not kill()
        return new WaitEvent.Trap(t, code);
      }
    }
    if (signo == Signals.SIGSTOP) {
      return haltRequested.compareAndSet(true, false) ? new WaitEvent.HaltRequested(t) : null;
    }
    t.pendingSignal(signo);
    return new WaitEvent.Signal(t, signo);
  }

  /**
   * Returns the {@code si_code} of a thread's {@code SIGTRAP} stop, asking the kernel with
   * {@code PTRACE_GETSIGINFO} only where the cause is not already known. A SIGTRAP stop looks
   * the same in the wait status whatever raised it; what tells the causes apart here:
   *
   * <ul>
   *   <li>The thread was resumed with {@code PTRACE_SINGLESTEP}: the trap ends that step
   *       ({@link WaitEvent.Trap#TRAP_TRACE}; also when the kernel ended the step at a system
   *       call's exit or on a breakpoint instruction the step executed). A step lasts one
   *       instruction, or one system call.
   *   <li>The thread stopped right where executing a breakpoint instruction leaves it, and the
   *       backend knows that instruction is in memory there (it wrote it, or read it, see
   *       {@link KnownText}): the instruction's trap. The registers this reads are the ones the
   *       engine reads next anyway, so this costs no system call.
   *   <li>Anything else (a breakpoint instruction of the program itself, a hardware trap, a
   *       SIGTRAP sent with {@code kill}): {@code PTRACE_GETSIGINFO}.
   * </ul>
   *
   * <p>Only a SIGTRAP sent with {@code kill(2)} can be mistaken, and only in two narrow
   * windows: while a thread is being single-stepped (then it is taken for the step's end and
   * lost), or when it reaches a thread that is, without having trapped, at the address right
   * after a breakpoint instruction (possible only after stepping a one-byte instruction under
   * a breakpoint, or at a jump target there; then it is taken for that breakpoint's trap).
   * Go programs do not send themselves SIGTRAP, and a debugger that asked the kernel on every
   * trap would pay a system call per breakpoint hit and per step for these cases.
   */
  private int trapCode(LinuxThread t) {
    if (t.stepping()) {
      return WaitEvent.Trap.TRAP_TRACE;
    }
    if (pastBreakpointInstruction(t, false)) {
      return arch.breakpointTrapCode();
    }
    return ptrace.sigInfoCode(t.tid());
  }

  /**
   * Tells whether a stopped thread is where executing a breakpoint instruction leaves it: the
   * code there is the instruction, as the backend knows it (from an earlier read or write) or,
   * if {@code read}, as read now where it does not.
   */
  private boolean pastBreakpointInstruction(LinuxThread t, boolean read) {
    forgetTextIfMemoryWritten();
    long pc = t.registers().pc();
    long at = arch.support().breakpointTrapAdvancesPc() ? pc - breakpointInstruction.length : pc;
    for (int i = 0; i < breakpointInstruction.length; i++) {
      long word = (at + i) & ~7L;
      if (read && !text.knows(word)) {
        try {
          knownWord(t, word);
        } catch (ErrnoException e) {
          return false; // no code there
        }
      }
      if (text.byteAt(at + i) != (breakpointInstruction[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }

  private WaitEvent onExit(int tid, int status) {
    LinuxThread t = threads.remove(tid);
    if (t != null) {
      leaveActive(t);
      t.state(LinuxThread.State.GONE);
    }
    if (tid != pid) {
      return new WaitEvent.ThreadExited(tid);
    }
    for (LinuxThread other : threads.values()) {
      leaveActive(other);
      other.state(LinuxThread.State.GONE);
    }
    threads.clear();
    boolean normal = WaitStatus.exited(status);
    exitStatus = normal ? WaitStatus.exitCode(status) : 128 + WaitStatus.termSignal(status);
    life = Life.ENDED;
    waits.close();
    memory.invalidate();
    LOG.log(System.Logger.Level.DEBUG, "process {0}: {1}", pid, WaitStatus.describe(status));
    return normal ? new WaitEvent.Exited(WaitStatus.exitCode(status))
        : new WaitEvent.Killed(WaitStatus.termSignal(status));
  }

  /** Waits for the stepping thread; other threads' events are deferred or absorbed. */
  private WaitEvent nextForStep(LinuxThread stepping) {
    while (true) {
      int tid = waits.next(activeTids, true);
      WaitEvent event = classify(tid, waits.status());
      if (tid == stepping.tid() || event instanceof WaitEvent.Exited
          || event instanceof WaitEvent.Killed) {
        return event;
      }
      if (event != null) {
        deferred.add(event);
      } else if (!lastWasNew) {
        resumeAbsorbed(tid); // it was running before the step: keep it running
      }
    }
  }

  private void resumeAbsorbed(int tid) {
    LinuxThread t = threads.get(tid);
    if (t != null && t.state() == LinuxThread.State.STOPPED) {
      resumeThread(t, 0, false);
    }
  }

  private void resumeThread(LinuxThread t, int signal, boolean step) {
    memory.invalidate();
    enterActive(t);
    t.state(LinuxThread.State.RUNNING);
    t.stepping(step);
    t.pendingSignal(0);
    try {
      if (step) {
        ptrace.singleStep(t.tid(), signal);
      } else {
        ptrace.cont(t.tid(), signal);
      }
    } catch (ErrnoException e) {
      if (e.errno() != Errno.ESRCH) {
        throw Errors.toApi(e, step ? "single-step" : "resume", pid, exitStatusIfEnded());
      }
      // killed meanwhile: it is no longer in a ptrace-stop, and its exit will be reported
    }
  }

  private void reap() {
    while (life == Life.ALIVE) {
      int tid = waits.next(List.copyOf(threads.keySet()), true);
      WaitEvent event = classify(tid, waits.status());
      if (event == null && life == Life.ALIVE) {
        resumeAbsorbed(tid);
      }
    }
  }

  /**
   * Delivers every halt {@code SIGSTOP} still pending on a thread (sent by
   * {@link #requestHalt()} while everything was stopped, or not yet taken by the thread it was
   * sent to), so that none can stop the process after the detach. A thread may need several
   * resumes: one that an interrupt reached while it was already in a stop (stopAll cannot
   * tell) stops for that interrupt first, and one stopped at a signal gets the signal now, as
   * the detach would have delivered it.
   */
  private void flushHalts() {
    for (LinuxThread t : List.copyOf(threads.values())) {
      while (life == Life.ALIVE && t.state() == LinuxThread.State.STOPPED
          && ProcFs.hasPendingSignal(pid, t.tid(), Signals.SIGSTOP)) {
        resumeThread(t, t.pendingSignal(), false);
        while (t.state() == LinuxThread.State.RUNNING && life == Life.ALIVE) {
          classify(waits.next(t.tid()), waits.status()); // the SIGSTOP stop is swallowed
        }
      }
    }
    haltRequested.set(false);
  }

  /**
   * A thread that trapped on a breakpoint the engine has since removed is left with its PC
   * past the breakpoint; put it back so the original instruction runs after detach.
   */
  private void rewindRemovedBreakpoint(LinuxThread t) {
    ArchSupport a = arch.support();
    if (!a.breakpointTrapAdvancesPc() || t.state() != LinuxThread.State.STOPPED) {
      return;
    }
    byte[] bp = a.breakpointInstruction();
    long at = t.registers().pc() - bp.length;
    byte[] now = new byte[bp.length];
    memory.uncached().readFully(at, now, 0, now.length);
    if (!Arrays.equals(now, bp)) {
      t.setPc(at);
    }
  }

  // ---- bookkeeping ----

  private LinuxThread register(int tid) {
    LinuxThread t = new LinuxThread(this, tid, LinuxThread.State.NEW);
    threads.put(tid, t);
    enterActive(t);
    return t;
  }

  private void markStopped(LinuxThread t) {
    leaveActive(t);
    t.state(LinuxThread.State.STOPPED);
  }

  private void enterActive(LinuxThread t) {
    activeTids.add(t.tid());
    cacheable = false;
  }

  private void leaveActive(LinuxThread t) {
    activeTids.remove(t.tid());
    cacheable = activeTids.isEmpty();
  }

  private LinuxThread anyStopped(String operation) {
    LinuxThread leader = threads.get(pid);
    if (leader != null && leader.state() == LinuxThread.State.STOPPED) {
      return leader;
    }
    for (LinuxThread t : threads.values()) {
      if (t.state() == LinuxThread.State.STOPPED) {
        return t;
      }
    }
    throw new IllegalStateException("cannot " + operation + ": no thread of process " + pid
        + " is stopped");
  }

  private LinuxThread own(ThreadBackend thread) {
    if (thread instanceof LinuxThread t && threads.get(t.tid()) == t) {
      return t;
    }
    if (thread instanceof LinuxThread t && t.state() == LinuxThread.State.GONE) {
      throw new NoSuchProcessException(t.tid(), "use thread (of process " + pid
          + "): it has exited");
    }
    throw new IllegalArgumentException(thread + " is not a live thread of process " + pid);
  }

  private void checkUsable(String operation) {
    ptrace.owner().checkCurrent(operation);
    switch (life) {
      case ENDED -> throw new TargetExitedException(pid, exitStatus, operation);
      case DETACHED -> throw new IllegalStateException("cannot " + operation + ": process "
          + pid + " was detached");
      default -> { }
    }
  }

  private OptionalInt exitStatusIfEnded() {
    return life == Life.ENDED ? OptionalInt.of(exitStatus) : OptionalInt.empty();
  }

  private static void signal(int target, int signo) {
    try {
      LibC.kill(target, signo);
    } catch (com.sun.jna.LastErrorException e) {
      if (e.getErrorCode() != Errno.ESRCH) {
        throw new DebuggerException("cannot send " + Signals.name(signo) + " to " + target
            + ": " + Errno.describe(e.getErrorCode()));
      }
    }
  }
}
