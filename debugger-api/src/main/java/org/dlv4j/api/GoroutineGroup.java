package org.dlv4j.api;

/**
 * One group of a grouped {@link GoroutinePage}, as Delve's {@code api.GoroutineGroup}.
 * Immutable.
 *
 * @param name the value the members share, e.g. {@code main.go:12 in main.worker},
 *     {@code key=value} or {@code running=true}
 * @param offset the index in {@link GoroutinePage#goroutines()} of the group's first listed
 *     member
 * @param count how many of its members the page lists
 * @param total how many goroutines belong to it
 */
public record GoroutineGroup(String name, int offset, int count, int total) {
  /**
   * Validates the components.
   *
   * @param name the group's value
   * @param offset its first member's index
   * @param count its listed members
   * @param total its members
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if a number is negative or {@code count > total}
   */
  public GoroutineGroup {
    Checks.notNull(name, "name");
    Checks.notNegative(offset, "offset");
    Checks.notNegative(count, "count");
    if (count > total) {
      throw new IllegalArgumentException("group " + name + " lists " + count + " of " + total
          + " members");
    }
  }
}
