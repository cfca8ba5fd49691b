package org.dlv4j.api;

/**
 * A function of the program, as its symbol table and debug information describe it (Delve's
 * {@code api.Function}).
 *
 * <p>Instances are immutable and thread-safe; they describe the binary, not a stop, and never
 * become stale.
 *
 * @param name the fully qualified Go name, e.g. {@code "main.main"},
 *     {@code "net/http.(*Server).Serve"}, {@code "main.main.func1"}
 * @param entry the address of the function's first instruction (unsigned)
 * @param end the address just past its last instruction (unsigned, at least {@code entry})
 * @param optimized whether the function was compiled with optimisations, so that variables may
 *     be unavailable and lines out of order
 */
public record Function(String name, long entry, long end, boolean optimized) {
  /**
   * Validates the components.
   *
   * @param name the fully qualified Go name, e.g. {@code "main.main"},
   *     {@code "net/http.(*Server).Serve"}, {@code "main.main.func1"}
   * @param entry the address of the function's first instruction (unsigned)
   * @param end the address just past its last instruction (unsigned, at least {@code entry})
   * @param optimized whether the function was compiled with optimisations, so that variables may
   *     be unavailable and lines out of order
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code end} is below {@code entry}
   */
  public Function {
    Checks.notNull(name, "function name");
    if (Long.compareUnsigned(end, entry) < 0) {
      throw new IllegalArgumentException("function " + name + " ends at 0x"
          + Long.toHexString(end) + ", before its entry 0x" + Long.toHexString(entry));
    }
  }

  /**
   * Tells whether {@code pc} lies inside this function.
   *
   * @param pc an address (unsigned)
   * @return {@code entry <= pc < end}, compared unsigned
   */
  public boolean contains(long pc) {
    return Long.compareUnsigned(pc, entry) >= 0 && Long.compareUnsigned(pc, end) < 0;
  }
}
