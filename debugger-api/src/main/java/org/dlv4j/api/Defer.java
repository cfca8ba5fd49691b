package org.dlv4j.api;

import java.util.Optional;

/**
 * A deferred call that has not run yet, attached to the frame whose function deferred it, as
 * Delve's {@code api.Defer}. Calls the compiler open-coded (optimized builds) are invisible
 * until a panic runs them, as in Delve. Immutable.
 *
 * @param deferredLocation the entry of the function that will be called, wrappers unwrapped
 * @param deferLocation the {@code defer} statement
 * @param sp the stack pointer of the frame that deferred it
 * @param unreadable why the runtime's record of it could not be read, if it could not
 */
public record Defer(Location deferredLocation, Location deferLocation, long sp,
    Optional<String> unreadable) {

  /**
   * Validates the components.
   *
   * @param deferredLocation the deferred function
   * @param deferLocation the defer statement
   * @param sp the deferring frame's stack pointer
   * @param unreadable why unreadable
   * @throws NullPointerException if a component is null
   */
  public Defer {
    Checks.notNull(deferredLocation, "deferredLocation");
    Checks.notNull(deferLocation, "deferLocation");
    Checks.notNull(unreadable, "unreadable");
  }
}
