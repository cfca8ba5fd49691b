package org.dlv4j.api;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Target#goroutines(GoroutinesRequest)} lists, as the arguments of Delve's
 * {@code ListGoroutines}: a window of the runtime's goroutine array, filters, and an optional
 * grouping. Immutable.
 *
 * <pre>{@code
 * GoroutinePage page = target.goroutines(GoroutinesRequest.all()
 *     .filter(GoroutineFilter.with(GoroutineField.USER, ""))
 *     .groupBy(new GoroutineGrouping(GoroutineField.USER_LOCATION, "", 5, 50)));
 * }</pre>
 *
 * @param start the index in the runtime's goroutine array ({@code runtime.allgs}) to start at:
 *     0, or the {@link GoroutinePage#next()} of the previous page; not a goroutine id
 * @param count how many live goroutines to examine at most, before filtering (dead entries of
 *     the array are skipped and not counted, as in Delve); 0 for all
 * @param filters the conditions every listed goroutine meets
 * @param grouping how to group the page, if at all
 */
public record GoroutinesRequest(int start, int count, List<GoroutineFilter> filters,
    Optional<GoroutineGrouping> grouping) {
  /**
   * Validates and copies the components.
   *
   * @param start the first array index
   * @param count the live goroutines to examine, 0 for all
   * @param filters the conditions
   * @param grouping the grouping
   * @throws NullPointerException if a component or a filter is null
   * @throws IllegalArgumentException if {@code start} or {@code count} is negative
   */
  public GoroutinesRequest {
    Checks.notNegative(start, "start");
    Checks.notNegative(count, "count");
    filters = Checks.copy(filters, "filters");
    Checks.notNull(grouping, "grouping");
  }

  /**
   * Returns the request for every goroutine, unfiltered and ungrouped.
   *
   * @return the request
   */
  public static GoroutinesRequest all() {
    return new GoroutinesRequest(0, 0, List.of(), Optional.empty());
  }

  /**
   * Returns a copy that examines a window of the goroutine array.
   *
   * @param start the first array index
   * @param count the live goroutines to examine, 0 for all
   * @return the copy
   */
  public GoroutinesRequest window(int start, int count) {
    return new GoroutinesRequest(start, count, filters, grouping);
  }

  /**
   * Returns a copy with one more filter.
   *
   * @param filter the condition to add
   * @return the copy
   */
  public GoroutinesRequest filter(GoroutineFilter filter) {
    List<GoroutineFilter> more = new java.util.ArrayList<>(filters);
    more.add(Checks.notNull(filter, "filter"));
    return new GoroutinesRequest(start, count, more, grouping);
  }

  /**
   * Returns a copy that groups the page.
   *
   * @param grouping how to group
   * @return the copy
   */
  public GoroutinesRequest groupBy(GoroutineGrouping grouping) {
    return new GoroutinesRequest(start, count, filters,
        Optional.of(Checks.notNull(grouping, "grouping")));
  }
}
