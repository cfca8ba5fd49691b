package org.dlv4j.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A logical breakpoint of a target, as it was when this snapshot was taken: the request that
 * created it, where it resolved to, and how often it was hit. Field names follow Delve's
 * {@code api.Breakpoint}.
 *
 * <p>One logical breakpoint may be planted at several addresses (a line with code in several
 * places, an inlined function), and several logical breakpoints may share an address; the
 * engine plants one breakpoint instruction per address either way.
 *
 * <p>Instances are immutable and thread-safe snapshots; ask the target again
 * ({@link Target#breakpoint(int)}) for current hit counts. They never become stale.
 *
 * @param id the breakpoint's id, unique in its target, counting up from 1 in creation order.
 *     Ids 0 and below are reserved for breakpoints an engine creates itself (Delve uses -1 for
 *     {@code unrecovered-panic} and -2 for {@code runtime-fatal-throw}).
 * @param spec the request it was created from, including its options (name, ...)
 * @param addrs every address it is planted at, ascending, at least one
 * @param file the source file of the addresses, {@code "<multiple locations>"} if they
 *     disagree, or {@code ""} if unknown
 * @param line the line in {@code file}, or 0 if the file is unknown or multiple
 * @param functionName the function of the addresses, {@code "(multiple functions)"} if they
 *     disagree; empty if unknown
 * @param totalHitCount how many times a thread stopped at it (for a tracepoint: passed it)
 * @param hitCounts hits by goroutine id; hits on a thread that runs no goroutine count under 0
 * @param disabled whether it is disabled (present but never stops the target)
 */
public record Breakpoint(
    int id,
    BreakpointSpec spec,
    List<Long> addrs,
    String file,
    int line,
    Optional<String> functionName,
    long totalHitCount,
    Map<Long, Long> hitCounts,
    boolean disabled) {

  /**
   * Validates and copies the components.
   *
   * @param id the breakpoint's id, unique in its target, counting up from 1 in creation order.
   *     Ids 0 and below are reserved for breakpoints an engine creates itself (Delve uses -1 for
   *     {@code unrecovered-panic} and -2 for {@code runtime-fatal-throw}).
   * @param spec the request it was created from, including its options (name, ...)
   * @param addrs every address it is planted at, ascending, at least one
   * @param file the source file of the addresses, {@code "<multiple locations>"} if they
   *     disagree, or {@code ""} if unknown
   * @param line the line in {@code file}, or 0 if the file is unknown or multiple
   * @param functionName the function of the addresses, {@code "(multiple functions)"} if they
   *     disagree; empty if unknown
   * @param totalHitCount how many times a thread stopped at it (for a tracepoint: passed it)
   * @param hitCounts hits by goroutine id; hits on a thread that runs no goroutine count under 0
   * @param disabled whether it is disabled (present but never stops the target)
   * @throws NullPointerException if a component, an address or a count is null
   * @throws IllegalArgumentException if {@code addrs} is empty, {@code line} or a count is
   *     negative
   */
  public Breakpoint {
    Checks.notNull(spec, "spec");
    addrs = Checks.copy(addrs, "addrs");
    if (addrs.isEmpty()) {
      throw new IllegalArgumentException("breakpoint " + id + " has no addresses");
    }
    Checks.notNull(file, "file");
    Checks.notNegative(line, "line");
    Checks.notNull(functionName, "functionName");
    Checks.notNegative(totalHitCount, "totalHitCount");
    hitCounts = Checks.sortedCopy(hitCounts, "hitCounts");
    hitCounts.values().forEach(count -> Checks.notNegative(count, "hit count"));
  }

  /**
   * Returns the breakpoint's name, from its options.
   *
   * @return the name, if it was given one
   */
  public Optional<String> name() {
    return spec.options().name();
  }
}
