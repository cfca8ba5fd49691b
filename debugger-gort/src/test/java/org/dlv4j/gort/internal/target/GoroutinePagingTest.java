package org.dlv4j.gort.internal.target;

import static org.dlv4j.api.GoroutineField.START_LOCATION;
import static org.dlv4j.api.GoroutineField.USER_LOCATION;
import static org.dlv4j.gort.internal.target.StatesStop.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Function;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.GoroutineFilter;
import org.dlv4j.api.GoroutineGroup;
import org.dlv4j.api.GoroutineGrouping;
import org.dlv4j.api.GoroutinePage;
import org.dlv4j.api.GoroutinesRequest;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.gort.internal.stack.Markers;
import org.dlv4j.junit.GoDebugSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Paging, filtering, grouping and bulk stacks over the 1000 goroutines goroutines-many parks
 * (one stop, shared by the tests, which only read): goroutine i runs receiver, locker,
 * sleeper or nested(i % 16) for i % 4 = 0, 1, 2, 3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class GoroutinePagingTest {
  private static final int N = 1000;
  private static final Markers SRC = new Markers("goroutines-many", "main.go");

  private GoDebugSession session;
  private Target target;
  private List<Goroutine> all;

  @BeforeAll
  void start() {
    session = new GoDebugSession();
    target = session.launch("goroutines-many", Integer.toString(N));
    target.createBreakpoint(BreakpointSpec.atFunction("main.stopHere"));
    assertEquals(new StopReason.BreakpointHit(), target.resume().stopReason().orElseThrow());
    all = target.goroutines();
  }

  @AfterAll
  void close() {
    session.close();
  }

  @Test
  void pagesOfAHundredCoverTheWholeListInOrder() {
    List<Goroutine> paged = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int start = 0;
    while (start != -1) {
      starts.add(start);
      GoroutinePage page = target.goroutines(GoroutinesRequest.all().window(start, 100));
      assertTrue(page.next() == -1 || page.next() > start, "next moves on: " + page.next());
      assertEquals(page.next() == -1 ? all.size() - paged.size() : 100,
          page.goroutines().size(), "a full page unless the last");
      assertEquals(List.of(), page.groups());
      paged.addAll(page.goroutines());
      start = page.next();
    }
    assertEquals(all, paged);
    assertTrue(all.size() > N, "the fixture's goroutines, main's and the runtime's");
    assertEquals((all.size() + 99) / 100, starts.size());
    GoroutinePage rest = target.goroutines(GoroutinesRequest.all().window(starts.get(1), 0));
    assertEquals(all.subList(100, all.size()), rest.goroutines(), "count 0 reads to the end");
    assertEquals(-1, rest.next());
  }

  @Test
  void aStartPastTheEndIsAnEmptyLastPage() {
    GoroutinePage page = target.goroutines(GoroutinesRequest.all().window(1 << 30, 10));
    assertEquals(List.of(), page.goroutines());
    assertEquals(-1, page.next());
  }

  @Test
  void filtersApplyWithinEachPage() {
    GoroutineFilter receivers = GoroutineFilter.with(USER_LOCATION,
        "main.go:" + SRC.line("receive") + " in main.receiver");
    List<Goroutine> found = new ArrayList<>();
    int start = 0;
    int pages = 0;
    while (start != -1) {
      GoroutinePage page = target.goroutines(GoroutinesRequest.all().window(start, 100)
          .filter(receivers));
      assertTrue(page.goroutines().size() <= 100);
      found.addAll(page.goroutines());
      start = page.next();
      pages++;
    }
    assertEquals((all.size() + 99) / 100, pages, "filters do not change the window");
    assertEquals(N / 4, found.size());
    for (Goroutine g : found) {
      assertEquals(SRC.at("receive") + " main.receiver", where(g.userLocation()));
      assertEquals(SRC.at("funcreceiver") + " main.receiver", where(g.startLocation()));
      assertEquals("chan receive", g.statusText());
    }
    assertEquals(found, target.goroutines(GoroutinesRequest.all().filter(receivers))
        .goroutines());
    assertEquals(all.size() - N / 4, target.goroutines(GoroutinesRequest.all()
        .filter(GoroutineFilter.without(USER_LOCATION, "main.receiver"))).goroutines().size());
  }

  @Test
  void groupsByUserLocationWithLimits() {
    GoroutinePage page = target.goroutines(GoroutinesRequest.all()
        .filter(GoroutineFilter.with(USER_LOCATION, SRC.file + ":"))
        .groupBy(new GoroutineGrouping(USER_LOCATION, "", 5, 2)));

    // The fixture's user locations: receiver's line, nested's select and stopHere.
    assertEquals(List.of(
        new GoroutineGroup(SRC.at("receive") + " in main.receiver", 0, 5, N / 4),
        new GoroutineGroup(SRC.at("select") + " in main.nested", 5, 5, N / 4)), page.groups());
    assertTrue(page.tooManyGroups(), "main.stopHere's group is left out");
    assertEquals(10, page.goroutines().size());
    assertEquals(List.of("main.receiver", "main.receiver", "main.receiver", "main.receiver",
        "main.receiver", "main.nested", "main.nested", "main.nested", "main.nested",
        "main.nested"), page.goroutines().stream().map(GoroutinePagingTest::startName).toList());

    GoroutinePage byStart = target.goroutines(GoroutinesRequest.all()
        .filter(GoroutineFilter.with(START_LOCATION, SRC.file + ":"))
        .groupBy(new GoroutineGrouping(START_LOCATION, "", 1, 50)));
    assertFalse(byStart.tooManyGroups());
    Map<String, Integer> totals = new TreeMap<>();
    byStart.groups().forEach(g -> totals.put(g.name().substring(g.name().indexOf(" in ") + 4),
        g.total()));
    assertEquals(Map.of("main.receiver", N / 4, "main.locker", N / 4, "main.sleeper", N / 4,
        "main.nested", N / 4), totals);
    assertEquals(4, byStart.goroutines().size());
  }

  @Test
  void stacksOfManyGoroutinesAtOnce() {
    List<Goroutine> nested = target.goroutines(GoroutinesRequest.all()
        .filter(GoroutineFilter.with(START_LOCATION, " in main.nested"))).goroutines();
    assertEquals(N / 4, nested.size());
    List<Long> ids = nested.stream().map(Goroutine::id).toList();
    Map<Long, List<Stackframe>> stacks = target.stacktraces(ids, 50, false);

    Map<Integer, Integer> byDepth = new TreeMap<>();
    for (long id : ids) {
      List<Stackframe> stack = stacks.get(id);
      int depth = (int) stack.stream().filter(f -> name(f).equals("main.nested")).count() - 1;
      byDepth.merge(depth, 1, Integer::sum);
      List<String> expected = new ArrayList<>(List.of("runtime.gopark", "runtime.chanrecv",
          "runtime.chanrecv1", SRC.at("select") + " main.nested"));
      for (int i = 0; i < depth; i++) {
        expected.add(SRC.at("nest") + " main.nested");
      }
      expected.add(SRC.at("gonested") + " main.main.gowrap1");
      expected.add("runtime.goexit");
      assertEquals(expected, stack.stream().map(f -> f.location().file().equals(SRC.file.toString())
          ? where(f.location()) : name(f)).toList());
    }
    // i % 16 for the i below 1000 with i % 4 = 3: 3 and 7 come 63 times, 11 and 15 62 times.
    assertEquals(Map.of(3, 63, 7, 63, 11, 62, 15, 62), byDepth);

    Map<Long, List<Stackframe>> tops = target.stacktraces(ids, 5, false);
    for (long id : ids) {
      assertEquals(stacks.get(id).subList(0, 5), tops.get(id));
    }
  }

  private static String startName(Goroutine g) {
    return g.startLocation().function().orElseThrow().name();
  }

  private static String name(Stackframe f) {
    return f.location().function().map(Function::name).orElse("?");
  }
}
