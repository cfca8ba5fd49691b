package org.dlv4j.gort.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dlv4j.api.GoroutineFilter;
import org.dlv4j.api.GoroutineGroup;
import org.dlv4j.api.GoroutineGrouping;

/**
 * Filtering and grouping of goroutine lists, as Delve's {@code ListGoroutines} offers them
 * ({@code goroutines -with/-without ... -group ...}). Pure functions over
 * {@link GoroutineFacts}.
 *
 * <p>Location filters match when the location, formatted {@code file:line in function},
 * contains the argument (Delve's rule); label filters take {@code key=value} or a bare key.
 */
public final class GoroutineQuery {

  /**
   * A grouped list: the kept members, group after group, and the groups.
   *
   * @param goroutines the members, in group order
   * @param groups the groups, sorted by name
   * @param tooManyGroups whether groups were dropped to honour {@code maxGroups}
   * @param <T> the goroutine type
   */
  public record Grouped<T>(List<T> goroutines, List<GoroutineGroup> groups, boolean tooManyGroups) {
  }

  private GoroutineQuery() {
  }

  /**
   * Keeps the goroutines that satisfy every filter.
   *
   * @param goroutines the list
   * @param filters the conditions, all of which must hold
   * @param <T> the goroutine type
   * @return the matching goroutines, in order
   */
  public static <T extends GoroutineFacts> List<T> filter(List<T> goroutines, List<GoroutineFilter> filters) {
    if (filters.isEmpty()) {
      return goroutines;
    }
    List<T> out = new ArrayList<>();
    for (T g : goroutines) {
      if (filters.stream().allMatch(f -> matches(g, f))) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * Tells whether a goroutine satisfies a filter.
   *
   * @param g the goroutine
   * @param f the filter
   * @return whether it matches (after negation)
   */
  public static boolean matches(GoroutineFacts g, GoroutineFilter f) {
    boolean match = switch (f.field()) {
      case CURRENT_LOCATION -> g.current().describe().contains(f.arg());
      case USER_LOCATION -> g.user().describe().contains(f.arg());
      case GO_STATEMENT_LOCATION -> g.goStatement().describe().contains(f.arg());
      case START_LOCATION -> g.start().describe().contains(f.arg());
      case LABEL -> matchesLabel(g.labels(), f.arg());
      case RUNNING -> g.running();
      case USER -> !g.system();
    };
    return match != f.negated();
  }

  private static boolean matchesLabel(Map<String, String> labels, String arg) {
    int eq = arg.indexOf('=');
    if (eq < 0) {
      return labels.containsKey(arg);
    }
    return arg.substring(eq + 1).equals(labels.get(arg.substring(0, eq)));
  }

  /**
   * Groups goroutines: groups sorted by key, at most {@code maxGroupMembers} members kept per
   * group (in list order), every goroutine counted in its group's total.
   *
   * @param goroutines the list
   * @param grouping how to group
   * @param <T> the goroutine type
   * @return the grouped list
   */
  public static <T extends GoroutineFacts> Grouped<T> group(List<T> goroutines, GoroutineGrouping grouping) {
    Map<String, List<T>> members = new TreeMap<>();
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (T g : goroutines) {
      String key = key(g, grouping);
      List<T> list = members.computeIfAbsent(key, k -> new ArrayList<>());
      if (list.size() < grouping.maxGroupMembers()) {
        list.add(g);
      }
      totals.merge(key, 1, Integer::sum);
    }
    List<T> out = new ArrayList<>();
    List<GoroutineGroup> groups = new ArrayList<>();
    boolean tooMany = false;
    for (Map.Entry<String, List<T>> e : members.entrySet()) {
      if (groups.size() >= grouping.maxGroups()) {
        tooMany = true;
        break;
      }
      groups.add(new GoroutineGroup(e.getKey(), out.size(), e.getValue().size(), totals.get(e.getKey())));
      out.addAll(e.getValue());
    }
    return new Grouped<>(out, groups, tooMany);
  }

  /**
   * Returns the group key of a goroutine, as Delve formats it.
   *
   * @param g the goroutine
   * @param grouping the grouping
   * @return e.g. {@code /src/main.go:12 in main.worker}, {@code user=true}, {@code k=v}
   */
  public static String key(GoroutineFacts g, GoroutineGrouping grouping) {
    return switch (grouping.field()) {
      case CURRENT_LOCATION -> g.current().describe();
      case USER_LOCATION -> g.user().describe();
      case GO_STATEMENT_LOCATION -> g.goStatement().describe();
      case START_LOCATION -> g.start().describe();
      case LABEL -> grouping.labelKey() + "=" + g.labels().getOrDefault(grouping.labelKey(), "");
      case RUNNING -> "running=" + g.running();
      case USER -> "user=" + !g.system();
    };
  }
}
