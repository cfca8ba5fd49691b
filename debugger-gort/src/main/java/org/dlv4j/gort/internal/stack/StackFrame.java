package org.dlv4j.gort.internal.stack;

import java.util.List;
import java.util.Optional;
import org.dlv4j.gort.internal.runtime.CodeLocation;

/**
 * One frame of a goroutine's (or thread's) stack, innermost first. A physical frame with
 * calls inlined into it is preceded by one frame per inlined call, with the same registers
 * ({@code inlined} set). Immutable.
 *
 * @param pc the frame's pc: where it stopped (top frame, or a frame interrupted by a fault or
 *     preemption), else the return address of its call
 * @param sp the stack pointer of the frame
 * @param cfa the canonical frame address: the caller's stack pointer
 * @param bp the frame pointer of the frame
 * @param location the function and source position; for callers, the position of the call
 *     instruction ({@code pc - 1}), as a debugger shows it
 * @param entry the entry of the physical function the frame runs (for inlined frames, the
 *     function they were inlined into), or 0 if unknown
 * @param inlined whether the frame is a call the compiler inlined into the next frame
 * @param systemStack whether the frame is on a system stack (g0/gsignal)
 * @param frameOffset {@code cfa - g.stack.hi} on a goroutine stack (invariant under stack
 *     copying; breakpoint conditions compare it), or the absolute {@code cfa} on a system stack
 * @param defers the deferred calls pending for this frame, newest first
 * @param error why unwinding stopped after this frame, if it stopped on a problem
 */
public record StackFrame(long pc, long sp, long cfa, long bp, CodeLocation location, long entry,
    boolean inlined, boolean systemStack, long frameOffset, List<DeferredCall> defers,
    Optional<String> error) {

  /**
   * Copies the defers.
   *
   * @param pc the pc
   * @param sp the stack pointer
   * @param cfa the canonical frame address
   * @param bp the frame pointer
   * @param location the location
   * @param entry the physical function's entry
   * @param inlined whether inlined
   * @param systemStack whether on a system stack
   * @param frameOffset the frame offset
   * @param defers the deferred calls
   * @param error why unwinding stopped here
   */
  public StackFrame {
    defers = List.copyOf(defers);
  }

  /** {@return the function's name, or {@code "?"}} */
  public String function() {
    return location.functionName();
  }

  /**
   * Returns a copy with other deferred calls.
   *
   * @param calls the deferred calls
   * @return the copy
   */
  public StackFrame withDefers(List<DeferredCall> calls) {
    return new StackFrame(pc, sp, cfa, bp, location, entry, inlined, systemStack, frameOffset, calls, error);
  }

  @Override
  public String toString() {
    return location.functionName() + (inlined ? " (inlined)" : "") + " " + location.file() + ":"
        + location.line() + error.map(e -> " [" + e + "]").orElse("");
  }
}
