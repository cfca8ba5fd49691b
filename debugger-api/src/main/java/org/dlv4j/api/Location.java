package org.dlv4j.api;

import java.util.Optional;

/**
 * A code address with the source position and function it belongs to (Delve's
 * {@code api.Location}). Code without line information, such as a C library, has an empty file
 * and line 0, as in Delve; code outside every known function has no function.
 *
 * <p>Instances are immutable and thread-safe; they never become stale.
 *
 * @param pc the address (unsigned)
 * @param file the absolute source file name as recorded in the binary, or {@code ""} if unknown
 * @param line the 1-based line in {@code file}, or 0 if unknown
 * @param function the function containing {@code pc}, if known
 */
public record Location(long pc, String file, int line, Optional<Function> function) {
  /**
   * Validates the components.
   *
   * @param pc the address (unsigned)
   * @param file the absolute source file name as recorded in the binary, or {@code ""} if unknown
   * @param line the 1-based line in {@code file}, or 0 if unknown
   * @param function the function containing {@code pc}, if known
   * @throws NullPointerException if {@code file} or {@code function} is null
   * @throws IllegalArgumentException if {@code line} is negative, or is not 0 for an unknown
   *     file
   */
  public Location {
    Checks.notNull(file, "file");
    Checks.notNegative(line, "line");
    if (file.isEmpty() && line != 0) {
      throw new IllegalArgumentException("line of an unknown file must be 0: " + line);
    }
    Checks.notNull(function, "function");
  }

  /**
   * Tells whether the source position is known.
   *
   * @return whether {@link #file()} is not empty
   */
  public boolean hasSource() {
    return !file.isEmpty();
  }

  /**
   * Returns the location as Delve prints it: {@code "main.go:12 main.main 0x4a1b2c"}, with
   * {@code "?"} for an unknown file or function.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    String where = hasSource() ? file + ":" + line : "?";
    return where + " " + function.map(Function::name).orElse("?") + " 0x" + Long.toHexString(pc);
  }
}
