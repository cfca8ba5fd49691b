package org.dlv4j.linux.internal.ptrace;

import org.dlv4j.spi.ArchSupport;
import org.dlv4j.spi.RegisterFile;

/**
 * What the Linux backend needs from an architecture module: the architecture's facts, the
 * ELF machine it runs, and how its registers travel through ptrace. Implementations are
 * immutable and thread-safe; the register methods run on the tracer thread.
 */
public interface LinuxArch {

  /** Returns the architecture's facts for the engine. */
  ArchSupport support();

  /** Returns the ELF {@code e_machine} value of programs this architecture runs. */
  int elfMachine();

  /**
   * Returns the {@code si_code} of the {@code SIGTRAP} the breakpoint instruction raises, as
   * {@code PTRACE_GETSIGINFO} would report it: {@link org.dlv4j.spi.WaitEvent.Trap#SI_KERNEL}
   * for amd64's {@code int3}, {@link org.dlv4j.spi.WaitEvent.Trap#TRAP_BRKPT} for arm64's
   * {@code brk}.
   */
  int breakpointTrapCode();

  /**
   * Reads the registers of a stopped thread.
   *
   * @param ptrace the tracer's calls (the caller runs on its thread)
   * @param tid the stopped thread
   * @param guard checks, before each lazy load of further registers, that the thread is still
   *     at the same stop and the caller on the tracer thread
   * @return the registers at this stop
   */
  RegisterFile readRegisters(Ptrace ptrace, int tid, StopGuard guard);

  /**
   * Writes the general-purpose registers of a stopped thread.
   *
   * @param ptrace the tracer's calls (the caller runs on its thread)
   * @param tid the stopped thread
   * @param registers the values, a file made by {@link #readRegisters} or a copy of one
   */
  void writeRegisters(Ptrace ptrace, int tid, RegisterFile registers);

  /**
   * Writes the program counter of a stopped thread and nothing else (cheaper than
   * {@link #writeRegisters}: once per breakpoint hit).
   *
   * @param ptrace the tracer's calls (the caller runs on its thread)
   * @param tid the stopped thread
   * @param pc the new program counter
   */
  void writePc(Ptrace ptrace, int tid, long pc);

  /** Checks that a stop-scoped handle is still usable. */
  @FunctionalInterface
  interface StopGuard {
    /**
     * Throws unless the thread is still at the stop the handle came from and the caller is
     * the tracer thread.
     *
     * @param operation what is about to happen, for the message
     */
    void check(String operation);
  }
}
