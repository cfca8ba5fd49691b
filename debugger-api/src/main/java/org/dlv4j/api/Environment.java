package org.dlv4j.api;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The environment variables a launched program gets: the JVM's environment with changes
 * ({@link #inherit()}), or exactly the given variables ({@link #exact(Map)}).
 *
 * <pre>{@code
 * Environment env = Environment.inherit().with("GODEBUG", "gctrace=1").without("GOFLAGS");
 * }</pre>
 *
 * <p>Names must be non-empty and hold neither {@code '='} nor NUL; values must not hold NUL.
 * Instances are immutable and thread-safe; maps and sets are sorted by name.
 */
public sealed interface Environment {
  /**
   * Returns the JVM's environment, unchanged.
   *
   * @return an {@link Inherit} without changes
   */
  static Inherit inherit() {
    return new Inherit(Map.of(), Set.of());
  }

  /**
   * Returns exactly the given variables; nothing is inherited.
   *
   * @param variables the variables, by name
   * @return an {@link Exact} holding a copy of {@code variables}
   * @throws NullPointerException if {@code variables}, a name or a value is null
   * @throws IllegalArgumentException if a name or a value is malformed
   */
  static Exact exact(Map<String, String> variables) {
    return new Exact(variables);
  }

  /**
   * Returns this environment with one variable set, replacing any earlier value or removal.
   *
   * @param name the variable's name
   * @param value its value
   * @return a new environment; this one is unchanged
   * @throws NullPointerException if {@code name} or {@code value} is null
   * @throws IllegalArgumentException if {@code name} or {@code value} is malformed
   */
  Environment with(String name, String value);

  /**
   * Returns this environment without the named variable.
   *
   * @param name the variable's name
   * @return a new environment; this one is unchanged
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is malformed
   */
  Environment without(String name);

  /**
   * Returns the variables the program gets, given the JVM's environment. Engines call it with
   * {@link System#getenv()}.
   *
   * @param inherited the environment to inherit from
   * @return an unmodifiable map sorted by name
   * @throws NullPointerException if {@code inherited} is null
   */
  Map<String, String> resolve(Map<String, String> inherited);

  /**
   * The JVM's environment with changes.
   *
   * @param overrides variables set or replaced
   * @param removed names removed from the inherited environment; disjoint from
   *     {@code overrides}
   */
  record Inherit(Map<String, String> overrides, Set<String> removed) implements Environment {
    /**
     * Validates and copies the components.
     *
     * @param overrides variables set or replaced
     * @param removed names removed from the inherited environment; disjoint from
     *     {@code overrides}
     * @throws NullPointerException if a component, a name or a value is null
     * @throws IllegalArgumentException if a name or a value is malformed, or a name is both
     *     set and removed
     */
    public Inherit {
      overrides = copyVariables(overrides, "overrides");
      TreeSet<String> names = new TreeSet<>();
      for (String name : Checks.notNull(removed, "removed")) {
        names.add(name(name));
        if (overrides.containsKey(name)) {
          throw new IllegalArgumentException("environment variable " + name
              + " is both set and removed");
        }
      }
      removed = Collections.unmodifiableSet(names);
    }

    @Override
    public Inherit with(String name, String value) {
      Map<String, String> set = new HashMap<>(overrides);
      set.put(name(name), Checks.noNul(value, "environment variable " + name));
      Set<String> unset = new TreeSet<>(removed);
      unset.remove(name);
      return new Inherit(set, unset);
    }

    @Override
    public Inherit without(String name) {
      Map<String, String> set = new HashMap<>(overrides);
      set.remove(name(name));
      Set<String> unset = new TreeSet<>(removed);
      unset.add(name);
      return new Inherit(set, unset);
    }

    @Override
    public Map<String, String> resolve(Map<String, String> inherited) {
      TreeMap<String, String> result = new TreeMap<>(Checks.notNull(inherited, "inherited"));
      result.keySet().removeAll(removed);
      result.putAll(overrides);
      return Collections.unmodifiableMap(result);
    }
  }

  /**
   * Exactly these variables.
   *
   * @param variables the variables, by name
   */
  record Exact(Map<String, String> variables) implements Environment {
    /**
     * Validates and copies the variables.
     *
     * @param variables the variables, by name
     * @throws NullPointerException if {@code variables}, a name or a value is null
     * @throws IllegalArgumentException if a name or a value is malformed
     */
    public Exact {
      variables = copyVariables(variables, "variables");
    }

    @Override
    public Exact with(String name, String value) {
      Map<String, String> set = new HashMap<>(variables);
      set.put(name(name), Checks.noNul(value, "environment variable " + name));
      return new Exact(set);
    }

    @Override
    public Exact without(String name) {
      Map<String, String> set = new HashMap<>(variables);
      set.remove(name(name));
      return new Exact(set);
    }

    @Override
    public Map<String, String> resolve(Map<String, String> inherited) {
      Checks.notNull(inherited, "inherited");
      return variables;
    }
  }

  private static Map<String, String> copyVariables(Map<String, String> variables, String what) {
    Map<String, String> copy = Checks.sortedCopy(variables, what);
    copy.forEach((name, value) -> {
      name(name);
      Checks.noNul(value, "environment variable " + name);
    });
    return copy;
  }

  private static String name(String name) {
    Checks.noNul(name, "environment variable name");
    if (name.isEmpty() || name.indexOf('=') >= 0) {
      throw new IllegalArgumentException("malformed environment variable name: \"" + name + "\"");
    }
    return name;
  }
}
