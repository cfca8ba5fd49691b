package org.dlv4j.api;

import java.util.OptionalInt;

/**
 * Why a target is stopped, or that it has exited. The variants mirror the {@code stopReason}
 * strings of Delve's API v2 ({@link #name()} returns them), so a JSON-RPC server maps them one
 * to one.
 *
 * <p>Instances are immutable and thread-safe. New variants may be added in later versions
 * (Delve also has {@code "call returned"}, {@code "watchpoint"} and {@code "shared library
 * loaded"}); code that dispatches on the type should have a default branch.
 */
public sealed interface StopReason {
  /**
   * Returns the reason as Delve's API v2 spells it.
   *
   * @return e.g. {@code "breakpoint"} or {@code "hardcoded breakpoint"}
   */
  String name();

  /** The program was just launched and stopped at its first instruction. */
  record Launched() implements StopReason {
    /** Returns {@code "launched"}. */
    @Override
    public String name() {
      return "launched";
    }
  }

  /** The debugger just attached to the process and stopped every thread. */
  record Attached() implements StopReason {
    /** Returns {@code "attached"}. */
    @Override
    public String name() {
      return "attached";
    }
  }

  /**
   * The process has ended. It has no threads any more.
   *
   * @param exitStatus the exit code (0..255), or {@code 128 + signal} if a signal killed it,
   *     as Delve's {@code exitStatus} and a shell's {@code $?} report it
   * @param signal the signal that killed the process, if one did (9 after {@link Target#kill()})
   */
  record Exited(int exitStatus, OptionalInt signal) implements StopReason {
    /**
     * Validates the components.
     *
     * @param exitStatus the exit code (0..255), or {@code 128 + signal} if a signal killed it,
     *     as Delve's {@code exitStatus} and a shell's {@code $?} report it
     * @param signal the signal that killed the process, if one did (9 after {@link Target#kill()})
     * @throws NullPointerException if {@code signal} is null
     * @throws IllegalArgumentException if {@code exitStatus} is not in 0..255 or, with a
     *     signal, not {@code 128 + signal}
     */
    public Exited {
      Checks.exit(exitStatus, signal);
    }

    /** Returns {@code "exited"}. */
    @Override
    public String name() {
      return "exited";
    }
  }

  /**
   * At least one thread stopped at a user breakpoint; {@link Thread#breakpoints()} tells which
   * threads and which breakpoints.
   */
  record BreakpointHit() implements StopReason {
    /** Returns {@code "breakpoint"}. */
    @Override
    public String name() {
      return "breakpoint";
    }
  }

  /**
   * A thread executed a breakpoint instruction compiled into the program, such as
   * {@code runtime.Breakpoint()}; the thread is stopped after it.
   */
  record HardcodedBreakpoint() implements StopReason {
    /** Returns {@code "hardcoded breakpoint"}. */
    @Override
    public String name() {
      return "hardcoded breakpoint";
    }
  }

  /** {@link Target#halt()} stopped the target. */
  record Manual() implements StopReason {
    /** Returns {@code "manual"}. */
    @Override
    public String name() {
      return "manual";
    }
  }

  /**
   * A step ({@link Target#next()}, {@link Target#step()}, {@link Target#stepOut()},
   * {@link Target#stepInstruction(int)}) finished.
   */
  record NextFinished() implements StopReason {
    /** Returns {@code "next finished"}. */
    @Override
    public String name() {
      return "next finished";
    }
  }

  /**
   * The target received a signal the engine stops on instead of passing it to the program.
   * Delve has no such reason (it omits {@code stopReason}); engines pass ordinary signals such
   * as {@code SIGURG} through without stopping.
   *
   * @param signal the signal number, e.g. 11 for {@code SIGSEGV}
   */
  record SignalReceived(int signal) implements StopReason {
    /**
     * Validates the signal number.
     *
     * @param signal the signal number, e.g. 11 for {@code SIGSEGV}
     * @throws IllegalArgumentException if {@code signal} is not positive
     */
    public SignalReceived {
      Checks.positive(signal, "signal");
    }

    /** Returns {@code "signal received"}. */
    @Override
    public String name() {
      return "signal received";
    }
  }
}
