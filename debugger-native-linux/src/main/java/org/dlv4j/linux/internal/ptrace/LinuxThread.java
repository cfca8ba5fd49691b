package org.dlv4j.linux.internal.ptrace;

import org.dlv4j.api.StaleHandleException;
import org.dlv4j.spi.RegisterFile;
import org.dlv4j.spi.ThreadBackend;

/** One traced thread: its state as the tracer last saw it, pending signal and cached registers. */
final class LinuxThread implements ThreadBackend {

  /** What the tracer knows about the thread. */
  enum State {
    /** Traced automatically after a clone; its first stop has not been seen yet. */
    NEW,
    /** Resumed; a stop or exit will be reported by waitpid. */
    RUNNING,
    /** In a ptrace-stop: registers readable, can be resumed or stepped. */
    STOPPED,
    /** Exited or detached. */
    GONE
  }

  private final LinuxProcess process;
  private final int tid;
  private volatile State state;
  /** Signal to deliver on the next resume (reported as WaitEvent.Signal), 0 for none. */
  private int pendingSignal;
  /** Whether the thread was last resumed with PTRACE_SINGLESTEP rather than PTRACE_CONT. */
  private boolean stepping;
  /** Counts stops, so handles from an earlier stop can tell they are stale. */
  private long stops;
  private RegisterFile registers;

  LinuxThread(LinuxProcess process, int tid, State state) {
    this.process = process;
    this.tid = tid;
    this.state = state;
  }

  @Override
  public int tid() {
    return tid;
  }

  @Override
  public boolean isStopped() {
    return state == State.STOPPED;
  }

  @Override
  public RegisterFile registers() {
    process.checkStopped(this, "read registers");
    if (registers == null) {
      long at = stops;
      registers = process.linuxArch().readRegisters(process.ptrace(), tid, op -> {
        process.ptrace().owner().checkCurrent(op);
        if (state != State.STOPPED || stops != at) {
          throw new StaleHandleException("cannot " + op + ": thread " + tid
              + " has run since these registers were read");
        }
      });
    }
    return registers;
  }

  @Override
  public void setRegisters(RegisterFile newRegisters) {
    process.checkStopped(this, "write registers");
    process.linuxArch().writeRegisters(process.ptrace(), tid, newRegisters);
    registers = null;
  }

  @Override
  public void setPc(long pc) {
    process.checkStopped(this, "write registers");
    process.linuxArch().writePc(process.ptrace(), tid, pc);
    if (registers != null) { // the kernel took the value as it is: keep the rest of the read
      registers = registers.with(process.pcRegister(), pc);
    }
  }

  State state() {
    return state;
  }

  void state(State newState) {
    if (newState == State.STOPPED) {
      stops++;
    } else {
      registers = null;
    }
    state = newState;
  }

  /** Tells whether the last resume was a single step, so that a SIGTRAP stop ends that step. */
  boolean stepping() {
    return stepping;
  }

  void stepping(boolean step) {
    stepping = step;
  }

  int pendingSignal() {
    return pendingSignal;
  }

  void pendingSignal(int signo) {
    pendingSignal = signo;
  }

  @Override
  public String toString() {
    return "thread " + tid + " (" + state + ")";
  }
}
