package org.dlv4j.api;

import java.util.List;
import java.util.Optional;

/**
 * One frame of a goroutine's or thread's stack, innermost first, as Delve's
 * {@code api.Stackframe}. A call the compiler inlined is a frame of its own ({@link #inlined()})
 * placed before the frame of the function it was inlined into, with the same registers.
 * Immutable.
 *
 * @param location the frame's position: for the innermost frame (and a frame interrupted by a
 *     signal or a fault) where it stopped; for callers, the call instruction
 * @param sp the frame's stack pointer
 * @param cfa the canonical frame address: the stack pointer of the caller before the call
 * @param frameOffset {@code cfa} relative to the top of the goroutine's stack
 *     ({@code g.stack.hi}), which stays the same when the runtime moves the stack; the absolute
 *     {@code cfa} on a system stack
 * @param framePointerOffset the frame pointer relative to the top of the goroutine's stack, as
 *     {@code frameOffset}
 * @param inlined whether the frame is a call inlined into the next frame
 * @param systemStack whether the frame runs on a system stack (g0 or gsignal) rather than the
 *     goroutine's own
 * @param defers the deferred calls pending for this frame, the next to run first; empty unless
 *     asked for
 * @param error why unwinding stopped after this frame, if it stopped on a problem rather than
 *     at the bottom of the stack or at the requested depth
 */
public record Stackframe(Location location, long sp, long cfa, long frameOffset,
    long framePointerOffset, boolean inlined, boolean systemStack, List<Defer> defers,
    Optional<String> error) {

  /**
   * Validates and copies the components.
   *
   * @param location the position
   * @param sp the stack pointer
   * @param cfa the canonical frame address
   * @param frameOffset the frame offset
   * @param framePointerOffset the frame pointer offset
   * @param inlined whether inlined
   * @param systemStack whether on a system stack
   * @param defers the pending deferred calls
   * @param error why unwinding stopped here
   * @throws NullPointerException if a component or a deferred call is null
   */
  public Stackframe {
    Checks.notNull(location, "location");
    defers = Checks.copy(defers, "defers");
    Checks.notNull(error, "error");
  }

  @Override
  public String toString() {
    return location + (inlined ? " (inlined)" : "") + error.map(e -> " [" + e + "]").orElse("");
  }
}
