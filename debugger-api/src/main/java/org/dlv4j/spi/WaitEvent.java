package org.dlv4j.spi;

/**
 * What {@link ProcessBackend#waitEvent()} (and {@link ProcessBackend#stopAll()},
 * {@link ProcessBackend#singleStep(ThreadBackend)}) report about the target. Thread creation
 * and the backend's own stops are absorbed and never reported.
 */
public sealed interface WaitEvent {

  /**
   * A thread stopped on a trap the kernel raised for the debugger: a breakpoint instruction,
   * a completed single step or a hardware breakpoint. The thread is stopped.
   *
   * @param thread the thread that trapped
   * @param code the {@code si_code} of the {@code SIGTRAP}: {@link #SI_KERNEL} or
   *     {@link #TRAP_BRKPT} for a breakpoint instruction, {@link #TRAP_TRACE} for the end of a
   *     {@link ProcessBackend#singleStep single step} (whatever ended it),
   *     {@link #TRAP_HWBKPT} for a hardware breakpoint or watchpoint
   */
  record Trap(ThreadBackend thread, int code) implements WaitEvent {
    /** {@code si_code} of a breakpoint instruction on arm64 (and a user-space trap). */
    public static final int TRAP_BRKPT = 1;
    /** {@code si_code} of a completed single step. */
    public static final int TRAP_TRACE = 2;
    /** {@code si_code} of a hardware breakpoint or watchpoint. */
    public static final int TRAP_HWBKPT = 4;
    /** {@code si_code} of a trap the kernel raised, such as amd64's {@code int3}. */
    public static final int SI_KERNEL = 0x80;

    /**
     * Tells whether this trap came from a software breakpoint instruction.
     *
     * @return {@code true} for {@link #SI_KERNEL} and {@link #TRAP_BRKPT}
     */
    public boolean isBreakpoint() {
      return code == SI_KERNEL || code == TRAP_BRKPT;
    }

    /**
     * Tells whether this trap ends a single step.
     *
     * @return {@code true} for {@link #TRAP_TRACE}
     */
    public boolean isSingleStep() {
      return code == TRAP_TRACE;
    }
  }

  /**
   * A thread stopped because a signal is about to be delivered to it (Go's {@code SIGURG}
   * preemption, {@code SIGPIPE}, a {@code SIGSEGV} the runtime handles, a {@code SIGUSR1}).
   * The signal is remembered as the thread's pending signal:
   * {@link ProcessBackend#resumeAll()} delivers it, {@code resume(thread, 0)} discards it.
   *
   * @param thread the thread that stopped
   * @param signo the signal number
   */
  record Signal(ThreadBackend thread, int signo) implements WaitEvent { }

  /**
   * A thread stopped because of {@link ProcessBackend#requestHalt()}. Other threads may still
   * run; {@link ProcessBackend#stopAll()} stops them.
   *
   * @param thread the thread that stopped
   */
  record HaltRequested(ThreadBackend thread) implements WaitEvent { }

  /**
   * A thread other than the main thread exited. Its handle is no longer usable.
   *
   * @param tid the id of the exited thread
   */
  record ThreadExited(int tid) implements WaitEvent { }

  /**
   * The process exited normally. No thread remains.
   *
   * @param status the exit code (0 to 255)
   */
  record Exited(int status) implements WaitEvent { }

  /**
   * The process was killed by a signal. No thread remains.
   *
   * @param signo the signal that killed it
   */
  record Killed(int signo) implements WaitEvent { }
}
