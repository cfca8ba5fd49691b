package org.dlv4j.api;

/**
 * What a {@link GoroutineFilter} or {@link GoroutineGrouping} looks at, as Delve's
 * {@code api.GoroutineField}. New constants may be added in later versions.
 */
public enum GoroutineField {
  /** {@link Goroutine#currentLocation()}, as {@code file:line in function}. */
  CURRENT_LOCATION,
  /** {@link Goroutine#userLocation()}, as {@code file:line in function}. */
  USER_LOCATION,
  /** {@link Goroutine#goStatementLocation()}, as {@code file:line in function}. */
  GO_STATEMENT_LOCATION,
  /** {@link Goroutine#startLocation()}, as {@code file:line in function}. */
  START_LOCATION,
  /** A pprof label. */
  LABEL,
  /** Whether a thread runs the goroutine. */
  RUNNING,
  /** Whether it is a user goroutine, not one the runtime started ({@link Goroutine#system()}). */
  USER
}
