package org.dlv4j.api;

import java.util.List;

/**
 * One page of a goroutine listing, as the reply of Delve's {@code ListGoroutines}. Immutable.
 *
 * @param goroutines the goroutines that passed the filters, in the runtime's array order, or
 *     group after group when grouped (dead goroutines are never listed)
 * @param next the array index to pass as {@link GoroutinesRequest#start()} for the next page,
 *     or -1 if the array is exhausted
 * @param groups the groups, sorted by name; empty unless grouped
 * @param tooManyGroups whether groups were left out to honour
 *     {@link GoroutineGrouping#maxGroups()}
 */
public record GoroutinePage(List<Goroutine> goroutines, int next, List<GoroutineGroup> groups,
    boolean tooManyGroups) {
  /**
   * Validates and copies the components.
   *
   * @param goroutines the listed goroutines
   * @param next the next start, or -1
   * @param groups the groups
   * @param tooManyGroups whether groups were left out
   * @throws NullPointerException if a component or an element is null
   * @throws IllegalArgumentException if {@code next} is below -1
   */
  public GoroutinePage {
    goroutines = Checks.copy(goroutines, "goroutines");
    if (next < -1) {
      throw new IllegalArgumentException("next must be -1 or an index: " + next);
    }
    groups = Checks.copy(groups, "groups");
  }
}
