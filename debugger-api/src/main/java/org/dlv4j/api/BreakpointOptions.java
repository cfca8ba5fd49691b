package org.dlv4j.api;

import java.util.Optional;

/**
 * The attributes of a breakpoint other than its location: what Delve's
 * {@code AmendBreakpoint} may change. Later versions add a condition, a hit condition and
 * tracepoint settings here, so every {@link BreakpointSpec} variant keeps its shape.
 *
 * <p>Instances are immutable and thread-safe. The canonical constructor gains components in
 * later versions: start from {@link #NONE} and use the {@code withX} methods.
 *
 * @param name a name to refer to the breakpoint by: letters and digits only, not all digits
 *     (so it cannot be mistaken for an id), unique in its target
 */
public record BreakpointOptions(Optional<String> name) {
  /** No name and every other attribute at its default. */
  public static final BreakpointOptions NONE = new BreakpointOptions(Optional.empty());

  /**
   * Validates the components.
   *
   * @param name a name to refer to the breakpoint by: letters and digits only, not all digits
   *     (so it cannot be mistaken for an id), unique in its target
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
    return new BreakpointOptions(Optional.of(Checks.notNull(name, "name")));
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
