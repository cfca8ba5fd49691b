package org.dlv4j.api;

import java.util.Optional;

/**
 * The attributes of a breakpoint other than its location: what Delve's
 * {@code AmendBreakpoint} may change. Later versions add a condition and a hit condition here,
 * so every {@link BreakpointSpec} variant keeps its shape.
 *
 * <pre>{@code
 * // count every call of main.work without stopping; listeners see each pass
 * target.addListener(event -> {
 *   if (event instanceof Event.TracepointHit hit) {
 *     System.out.println("> " + hit.location());
 *   }
 * });
 * target.createBreakpoint(BreakpointSpec.atFunction("main.work")
 *     .withOptions(BreakpointOptions.NONE.withTracepoint(true)));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. The canonical constructor gains components in
 * later versions: start from {@link #NONE} and use the {@code withX} methods.
 *
 * @param name a name to refer to the breakpoint by: letters and digits only, not all digits
 *     (so it cannot be mistaken for an id), unique in its target
 * @param tracepoint whether the target keeps running when a thread hits the breakpoint
 *     (Delve's {@code Tracepoint}, JSON key {@code continue}): the hit is counted, an
 *     {@link Event.TracepointHit} goes to the listeners, and only that thread executes the
 *     instruction under the breakpoint and continues, while every other thread keeps running.
 *     {@link Target#resume()} does not return for it. While that one thread executes the
 *     original instruction, the breakpoint instruction is briefly absent (for a few
 *     microseconds), so another thread passing the same address in that window is not
 *     counted: a tracepoint undercounts code that several threads run at the same time (a
 *     plain ptrace breakpoint loop has the same window). An ordinary breakpoint steps over
 *     with every thread stopped and sees every pass.
 */
public record BreakpointOptions(Optional<String> name, boolean tracepoint) {
  /** No name, not a tracepoint, and every other attribute at its default. */
  public static final BreakpointOptions NONE = new BreakpointOptions(Optional.empty(), false);

  /**
   * Validates the components.
   *
   * @param name a name to refer to the breakpoint by: letters and digits only, not all digits
   *     (so it cannot be mistaken for an id), unique in its target
   * @param tracepoint whether the target keeps running when a thread hits the breakpoint
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is empty, all digits, or holds a character
   *     other than a letter or a digit
   */
  public BreakpointOptions {
    Checks.notNull(name, "name").ifPresent(BreakpointOptions::checkName);
  }

  /**
   * Returns a copy with this name.
   *
   * @param name letters and digits, not all digits
   * @return the new options
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is empty, all digits, or holds a character
   *     other than a letter or a digit
   */
  public BreakpointOptions withName(String name) {
    return new BreakpointOptions(Optional.of(Checks.notNull(name, "name")), tracepoint);
  }

  /**
   * Returns a copy that is, or is not, a tracepoint.
   *
   * @param tracepoint whether the target keeps running at hits (see the class description)
   * @return the new options
   */
  public BreakpointOptions withTracepoint(boolean tracepoint) {
    return new BreakpointOptions(name, tracepoint);
  }

  private static void checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("breakpoint name is empty");
    }
    if (name.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("breakpoint name can not be a number: " + name);
    }
    name.codePoints().filter(c -> !Character.isLetterOrDigit(c)).findFirst().ifPresent(c -> {
      throw new IllegalArgumentException("invalid character '" + Character.toString(c)
          + "' in breakpoint name: " + name);
    });
  }
}
