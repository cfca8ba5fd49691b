package org.dlv4j.gort.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Filtering and grouping of goroutine lists, as Delve's {@code ListGoroutines} offers them
 * ({@code goroutines -with/-without ... -group ...}). Pure functions over
 * {@link GoroutineFacts}.
 *
 * <p>Location filters match when the location, formatted {@code file:line in function},
 * contains the argument (Delve's rule); label filters take {@code key=value} or a bare key.
 */
public final class GoroutineQuery {

  /** What a filter or grouping looks at (Delve's {@code api.GoroutineField}). */
  public enum Field {
    /** The location of the goroutine's pc ({@code curloc}). */
    CURRENT_LOC,
    /** The topmost user-code location ({@code userloc}). */
    USER_LOC,
    /** The location of the creating go statement ({@code goloc}). */
    GO_LOC,
    /** The location of the start function ({@code startloc}). */
    START_LOC,
    /** A pprof label ({@code label}). */
    LABEL,
    /** Whether a thread runs the goroutine ({@code running}). */
    RUNNING,
    /** Whether it is a user, not a runtime, goroutine ({@code user}). */
    USER
  }

  /**
   * One condition.
   *
   * @param field what to look at
   * @param negated whether to keep the goroutines that do not match
   * @param arg the substring of a location, {@code key} or {@code key=value} of a label;
   *     ignored for {@code RUNNING} and {@code USER}
   */
  public record Filter(Field field, boolean negated, String arg) {
    /**
     * Checks the parts.
     *
     * @param field what to look at
     * @param negated whether negated
     * @param arg the argument
     */
    public Filter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(arg, "arg");
    }
  }

  /**
   * How to group.
   *
   * @param field what to group by
   * @param labelKey the label key when grouping by {@code LABEL}
   * @param maxGroupMembers how many goroutines to keep per group
   * @param maxGroups how many groups to return at most; 0 for all
   */
  public record Grouping(Field field, String labelKey, int maxGroupMembers, int maxGroups) {
    /**
     * Checks the parts.
     *
     * @param field what to group by
     * @param labelKey the label key
     * @param maxGroupMembers members kept per group
     * @param maxGroups groups returned at most
     */
    public Grouping {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(labelKey, "labelKey");
      if (maxGroupMembers < 0 || maxGroups < 0) {
        throw new IllegalArgumentException("negative limit");
      }
    }
  }

  /**
   * One group of a grouped list.
   *
   * @param name the group's key, e.g. {@code main.go:12 in main.worker} or {@code running=true}
   * @param offset where its members start in the grouped list
   * @param count how many of its members the list holds
   * @param total how many goroutines belong to it
   */
  public record Group(String name, int offset, int count, int total) {
  }

  /**
   * A grouped list: the kept members, group after group, and the groups.
   *
   * @param goroutines the members, in group order
   * @param groups the groups, sorted by name
   * @param tooManyGroups whether groups were dropped to honour {@code maxGroups}
   * @param <T> the goroutine type
   */
  public record Grouped<T>(List<T> goroutines, List<Group> groups, boolean tooManyGroups) {
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
  public static <T extends GoroutineFacts> List<T> filter(List<T> goroutines, List<Filter> filters) {
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
  public static boolean matches(GoroutineFacts g, Filter f) {
    boolean match = switch (f.field()) {
      case CURRENT_LOC -> g.current().describe().contains(f.arg());
      case USER_LOC -> g.user().describe().contains(f.arg());
      case GO_LOC -> g.goStatement().describe().contains(f.arg());
      case START_LOC -> g.start().describe().contains(f.arg());
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
  public static <T extends GoroutineFacts> Grouped<T> group(List<T> goroutines, Grouping grouping) {
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
    List<Group> groups = new ArrayList<>();
    boolean tooMany = false;
    for (Map.Entry<String, List<T>> e : members.entrySet()) {
      if (grouping.maxGroups() > 0 && groups.size() >= grouping.maxGroups()) {
        tooMany = true;
        break;
      }
      groups.add(new Group(e.getKey(), out.size(), e.getValue().size(), totals.get(e.getKey())));
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
  public static String key(GoroutineFacts g, Grouping grouping) {
    return switch (grouping.field()) {
      case CURRENT_LOC -> g.current().describe();
      case USER_LOC -> g.user().describe();
      case GO_LOC -> g.goStatement().describe();
      case START_LOC -> g.start().describe();
      case LABEL -> grouping.labelKey() + "=" + g.labels().getOrDefault(grouping.labelKey(), "");
      case RUNNING -> "running=" + g.running();
      case USER -> "user=" + !g.system();
    };
  }
}
