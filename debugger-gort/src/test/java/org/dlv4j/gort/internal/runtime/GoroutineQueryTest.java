package org.dlv4j.gort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.api.GoroutineField;
import org.dlv4j.api.GoroutineFilter;
import org.dlv4j.api.GoroutineGroup;
import org.dlv4j.api.GoroutineGrouping;
import org.dlv4j.gort.internal.runtime.GoroutineQuery.Grouped;
import org.junit.jupiter.api.Test;

/** Filtering and grouping, as Delve's ListGoroutines does them, on made-up goroutines. */
class GoroutineQueryTest {
  record Fake(String name, CodeLocation current, CodeLocation user, CodeLocation goStatement, CodeLocation start,
      Map<String, String> labels, boolean running, boolean system) implements GoroutineFacts {
  }

  private static CodeLocation at(String file, int line, String fn) {
    return new CodeLocation(0x1000, file, line, Optional.of(fn));
  }

  private static final Fake WORKER1 = new Fake("w1", at("/rt/proc.go", 462, "runtime.gopark"),
      at("/app/main.go", 12, "main.worker"), at("/app/main.go", 40, "main.main"), at("/app/main.go", 10, "main.worker"),
      Map.of("role", "worker", "id", "1"), false, false);
  private static final Fake WORKER2 = new Fake("w2", at("/rt/proc.go", 462, "runtime.gopark"),
      at("/app/main.go", 12, "main.worker"), at("/app/main.go", 40, "main.main"), at("/app/main.go", 10, "main.worker"),
      Map.of("role", "worker", "id", "2"), false, false);
  private static final Fake SPINNER = new Fake("spin", at("/app/spin.go", 7, "main.spin"),
      at("/app/spin.go", 7, "main.spin"), at("/app/main.go", 41, "main.main"), at("/app/spin.go", 5, "main.spin"),
      Map.of(), true, false);
  private static final Fake GC = new Fake("gc", at("/rt/proc.go", 462, "runtime.gopark"),
      at("/rt/proc.go", 462, "runtime.gopark"), at("/rt/mgc.go", 99, "runtime.gcenable"),
      at("/rt/mgcsweep.go", 280, "runtime.bgsweep"), Map.of(), false, true);
  private static final List<Fake> ALL = List.of(WORKER1, SPINNER, GC, WORKER2);

  private static List<String> names(List<Fake> gs) {
    return gs.stream().map(Fake::name).toList();
  }

  private static List<String> filtered(GoroutineFilter... filters) {
    return names(GoroutineQuery.filter(ALL, List.of(filters)));
  }

  @Test
  void locationFiltersMatchSubstringsOfFileLineInFunction() {
    assertEquals(List.of("w1", "w2"), filtered(new GoroutineFilter(GoroutineField.USER_LOCATION, false, "main.go:12 in main.worker")));
    assertEquals(List.of("w1", "gc", "w2"), filtered(new GoroutineFilter(GoroutineField.CURRENT_LOCATION, false, "proc.go:462")));
    assertEquals(List.of("spin"), filtered(new GoroutineFilter(GoroutineField.GO_STATEMENT_LOCATION, false, "main.go:41")));
    assertEquals(List.of("gc"), filtered(new GoroutineFilter(GoroutineField.START_LOCATION, false, "bgsweep")));
    assertEquals(List.of("spin", "gc"), filtered(new GoroutineFilter(GoroutineField.USER_LOCATION, true, "main.worker")));
    assertEquals(List.of(), filtered(new GoroutineFilter(GoroutineField.USER_LOCATION, false, "main.go:1 ")));
  }

  @Test
  void labelRunningAndUserFilters() {
    assertEquals(List.of("w1", "w2"), filtered(new GoroutineFilter(GoroutineField.LABEL, false, "role")));
    assertEquals(List.of("w2"), filtered(new GoroutineFilter(GoroutineField.LABEL, false, "id=2")));
    assertEquals(List.of("w1", "spin", "gc"), filtered(new GoroutineFilter(GoroutineField.LABEL, true, "id=2")));
    assertEquals(List.of(), filtered(new GoroutineFilter(GoroutineField.LABEL, false, "role=")));
    assertEquals(List.of("spin"), filtered(new GoroutineFilter(GoroutineField.RUNNING, false, "")));
    assertEquals(List.of("w1", "gc", "w2"), filtered(new GoroutineFilter(GoroutineField.RUNNING, true, "")));
    assertEquals(List.of("w1", "spin", "w2"), filtered(new GoroutineFilter(GoroutineField.USER, false, "")));
    assertEquals(List.of("gc"), filtered(new GoroutineFilter(GoroutineField.USER, true, "")));
    assertEquals(List.of("w1", "w2"), filtered(new GoroutineFilter(GoroutineField.USER, false, ""), new GoroutineFilter(GoroutineField.RUNNING, true, "")));
    assertEquals(ALL, GoroutineQuery.filter(ALL, List.of()));
  }

  @Test
  void groupsAreSortedByKeyAndCountEveryMember() {
    Grouped<Fake> g = GoroutineQuery.group(ALL, new GoroutineGrouping(GoroutineField.USER_LOCATION, "", 1, 50));
    assertEquals(List.of(
        new GoroutineGroup("/app/main.go:12 in main.worker", 0, 1, 2),
        new GoroutineGroup("/app/spin.go:7 in main.spin", 1, 1, 1),
        new GoroutineGroup("/rt/proc.go:462 in runtime.gopark", 2, 1, 1)), g.groups());
    assertEquals(List.of("w1", "spin", "gc"), names(g.goroutines()));
    assertFalse(g.tooManyGroups());
  }

  @Test
  void groupLimitsAndKeys() {
    Grouped<Fake> g = GoroutineQuery.group(ALL, new GoroutineGrouping(GoroutineField.RUNNING, "", 5, 1));
    assertEquals(List.of(new GoroutineGroup("running=false", 0, 3, 3)), g.groups());
    assertEquals(List.of("w1", "gc", "w2"), names(g.goroutines()));
    assertTrue(g.tooManyGroups());
    Grouped<Fake> byLabel = GoroutineQuery.group(ALL, new GoroutineGrouping(GoroutineField.LABEL, "id", 5, 50));
    assertEquals(List.of("id=", "id=1", "id=2"), byLabel.groups().stream().map(GoroutineGroup::name).toList());
    assertEquals(List.of(2, 1, 1), byLabel.groups().stream().map(GoroutineGroup::total).toList());
    assertEquals("user=false", GoroutineQuery.key(GC, new GoroutineGrouping(GoroutineField.USER, "", 5, 50)));
    assertEquals("/app/main.go:41 in main.main", GoroutineQuery.key(SPINNER, new GoroutineGrouping(GoroutineField.GO_STATEMENT_LOCATION, "", 5, 50)));
    assertEquals("/app/spin.go:5 in main.spin", GoroutineQuery.key(SPINNER, new GoroutineGrouping(GoroutineField.START_LOCATION, "", 5, 50)));
    assertEquals("/app/spin.go:7 in main.spin", GoroutineQuery.key(SPINNER, new GoroutineGrouping(GoroutineField.CURRENT_LOCATION, "", 5, 50)));
    Grouped<Fake> byUser = GoroutineQuery.group(ALL, new GoroutineGrouping(GoroutineField.USER, "", 1, 50));
    assertEquals(List.of(new GoroutineGroup("user=false", 0, 1, 1), new GoroutineGroup("user=true", 1, 1, 3)),
        byUser.groups());
    assertEquals(List.of("gc", "w1"), names(byUser.goroutines()));
    assertThrows(IllegalArgumentException.class, () -> new GoroutineGrouping(GoroutineField.USER, "", 0, 50));
    assertThrows(IllegalArgumentException.class, () -> new GoroutineGrouping(GoroutineField.USER, "", 5, 0));
  }

  @Test
  void unknownLocationsFormatLikeDelve() {
    assertEquals("?:0 in ?", CodeLocation.unknown(0x42).describe());
  }
}
