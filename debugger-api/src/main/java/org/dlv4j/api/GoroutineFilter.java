package org.dlv4j.api;

/**
 * One condition of a goroutine listing, as Delve's {@code api.ListGoroutinesFilter} (and the
 * terminal's {@code goroutines -with/-without}). Immutable.
 *
 * <ul>
 *   <li>Location fields match when {@code arg} is a substring of {@code file:line in function}.
 *   <li>{@link GoroutineField#LABEL} matches {@code key=value} exactly, or a bare {@code key}
 *       when the goroutine has that label.
 *   <li>{@link GoroutineField#RUNNING} and {@link GoroutineField#USER} ignore {@code arg}.
 * </ul>
 *
 * @param field what to look at
 * @param negated whether to keep the goroutines that do not match instead
 * @param arg the substring, or the label; ignored for boolean fields
 */
public record GoroutineFilter(GoroutineField field, boolean negated, String arg) {
  /**
   * Validates the components.
   *
   * @param field what to look at
   * @param negated whether negated
   * @param arg the argument
   * @throws NullPointerException if {@code field} or {@code arg} is null
   */
  public GoroutineFilter {
    Checks.notNull(field, "field");
    Checks.notNull(arg, "arg");
  }

  /**
   * Returns a filter that keeps the goroutines matching.
   *
   * @param field what to look at
   * @param arg the substring or label, {@code ""} for boolean fields
   * @return the filter
   */
  public static GoroutineFilter with(GoroutineField field, String arg) {
    return new GoroutineFilter(field, false, arg);
  }

  /**
   * Returns a filter that keeps the goroutines not matching.
   *
   * @param field what to look at
   * @param arg the substring or label, {@code ""} for boolean fields
   * @return the filter
   */
  public static GoroutineFilter without(GoroutineField field, String arg) {
    return new GoroutineFilter(field, true, arg);
  }
}
