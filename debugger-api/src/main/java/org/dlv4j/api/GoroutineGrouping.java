package org.dlv4j.api;

/**
 * How to group a goroutine listing, as Delve's {@code api.GoroutineGroupingOptions} (and the
 * terminal's {@code goroutines -group}). Immutable.
 *
 * @param field what to group by
 * @param labelKey the label whose value names the group, when grouping by
 *     {@link GoroutineField#LABEL}; {@code ""} otherwise
 * @param maxGroupMembers how many goroutines of each group the page lists (the terminal
 *     uses 5)
 * @param maxGroups how many groups the page lists at most (the terminal uses 50)
 */
public record GoroutineGrouping(GoroutineField field, String labelKey, int maxGroupMembers,
    int maxGroups) {
  /**
   * Validates the components.
   *
   * @param field what to group by
   * @param labelKey the label key
   * @param maxGroupMembers members listed per group
   * @param maxGroups groups listed at most
   * @throws NullPointerException if {@code field} or {@code labelKey} is null
   * @throws IllegalArgumentException if a limit is not positive, or {@code labelKey} is empty
   *     when grouping by label
   */
  public GoroutineGrouping {
    Checks.notNull(field, "field");
    Checks.notNull(labelKey, "labelKey");
    Checks.positive(maxGroupMembers, "maxGroupMembers");
    Checks.positive(maxGroups, "maxGroups");
    if (field == GoroutineField.LABEL && labelKey.isEmpty()) {
      throw new IllegalArgumentException("grouping by label needs a label key");
    }
  }
}
