package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private static final Map<String, String> JVM = Map.of("HOME", "/root", "PATH", "/bin",
      "GOFLAGS", "-mod=vendor");

  @Test
  void inheritResolvesToTheJvmEnvironmentWithChanges() {
    Environment env = Environment.inherit().with("GODEBUG", "gctrace=1").with("PATH", "/usr/bin")
        .without("GOFLAGS");

    assertEquals(Map.of("HOME", "/root", "PATH", "/usr/bin", "GODEBUG", "gctrace=1"),
        env.resolve(JVM));
    assertEquals(List.of("GODEBUG", "HOME", "PATH"), List.copyOf(env.resolve(JVM).keySet()));
    assertEquals(JVM, Environment.inherit().resolve(JVM));
  }

  @Test
  void laterChangesWin() {
    Environment.Inherit env = Environment.inherit().without("A").with("A", "1");
    assertEquals(new Environment.Inherit(Map.of("A", "1"), Set.of()), env);

    env = Environment.inherit().with("A", "1").without("A");
    assertEquals(new Environment.Inherit(Map.of(), Set.of("A")), env);
  }

  @Test
  void exactIgnoresTheJvmEnvironment() {
    Environment env = Environment.exact(Map.of("A", "1", "B", "2")).without("B").with("C", "");

    assertEquals(Map.of("A", "1", "C", ""), env.resolve(JVM));
    assertEquals(new Environment.Exact(Map.of("A", "1", "C", "")), env);
  }

  @Test
  void variablesAreCopiedSortedAndUnmodifiable() {
    Map<String, String> vars = new HashMap<>(Map.of("B", "2", "A", "1"));
    Environment.Exact env = Environment.exact(vars);
    vars.put("C", "3");

    assertEquals(List.of("A", "B"), List.copyOf(env.variables().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> env.variables().put("D", "4"));
    assertThrows(UnsupportedOperationException.class,
        () -> Environment.inherit().without("X").removed().clear());
  }

  @Test
  void rejectsMalformedNamesAndValues() {
    assertEquals("malformed environment variable name: \"A=B\"",
        assertThrows(IllegalArgumentException.class,
            () -> Environment.inherit().with("A=B", "1")).getMessage());
    assertEquals("malformed environment variable name: \"\"",
        assertThrows(IllegalArgumentException.class,
            () -> Environment.exact(Map.of("", "1"))).getMessage());
    assertEquals("environment variable name contains a NUL character",
        assertThrows(IllegalArgumentException.class,
            () -> Environment.inherit().without("A\0")).getMessage());
    assertEquals("environment variable A contains a NUL character",
        assertThrows(IllegalArgumentException.class,
            () -> Environment.inherit().with("A", "\0")).getMessage());
    assertEquals("environment variable A is null", assertThrows(NullPointerException.class,
        () -> Environment.exact(Map.of()).with("A", null)).getMessage());
    assertEquals("environment variable A is both set and removed",
        assertThrows(IllegalArgumentException.class,
            () -> new Environment.Inherit(Map.of("A", "1"), Set.of("A"))).getMessage());
    assertEquals("inherited is null", assertThrows(NullPointerException.class,
        () -> Environment.inherit().resolve(null)).getMessage());
  }
}
