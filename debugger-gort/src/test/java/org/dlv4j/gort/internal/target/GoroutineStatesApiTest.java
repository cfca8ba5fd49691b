package org.dlv4j.gort.internal.target;

import static org.dlv4j.api.GoroutineField.CURRENT_LOCATION;
import static org.dlv4j.api.GoroutineField.GO_STATEMENT_LOCATION;
import static org.dlv4j.api.GoroutineField.LABEL;
import static org.dlv4j.api.GoroutineField.RUNNING;
import static org.dlv4j.api.GoroutineField.START_LOCATION;
import static org.dlv4j.api.GoroutineField.USER;
import static org.dlv4j.api.GoroutineField.USER_LOCATION;
import static org.dlv4j.gort.internal.target.StatesStop.SRC;
import static org.dlv4j.gort.internal.target.StatesStop.marked;
import static org.dlv4j.gort.internal.target.StatesStop.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.dlv4j.api.Defer;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Function;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.GoroutineFilter;
import org.dlv4j.api.GoroutineGroup;
import org.dlv4j.api.GoroutineGrouping;
import org.dlv4j.api.GoroutinePage;
import org.dlv4j.api.GoroutinesRequest;
import org.dlv4j.api.NoSuchFrameException;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.Target;
import org.dlv4j.api.Thread;
import org.dlv4j.junit.GoAddr2line;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Goroutines parked in each blocking state and their stacks, through the public API, at one
 * stop of goroutines-states (shared by the tests, which only read). Lines of the fixture come
 * from its markers; lines of the standard library from {@code go tool addr2line}; wait reason
 * numbers from the toolchain's runtime2.go.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class GoroutineStatesApiTest {
  private GoDebugSession session;
  private Target target;
  private DebuggerState stop;

  @BeforeAll
  void start() {
    session = new GoDebugSession();
    target = StatesStop.launch(session, GoBuild.fixture(StatesStop.FIXTURE));
    stop = target.state();
  }

  @AfterAll
  void close() {
    session.close();
  }

  @Test
  void aGoroutineBlockedOnAChannelReceive() {
    Goroutine g = parked("main.recvWorker", "chan receive");
    assertEquals(marked("recv", "main.recvWorker"), where(g.userLocation()));
    assertEquals(marked("gorecv", "main.states"), where(g.goStatementLocation()));
    assertEquals(marked("funcrecv", "main.recvWorker"), where(g.startLocation()));
    assertStack(g, List.of("runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1",
        marked("recv", "main.recvWorker"), "runtime.goexit"));
  }

  @Test
  void aGoroutineBlockedInASelect() {
    Goroutine g = parked("main.selectWorker", "select");
    assertEquals(marked("select", "main.selectWorker"), where(g.userLocation()));
    assertStack(g, List.of("runtime.gopark", "runtime.selectgo",
        marked("select", "main.selectWorker"), "runtime.goexit"));
  }

  @Test
  void aGoroutineBlockedOnAMutex() {
    Goroutine g = parked("main.mutexWorker", "sync.Mutex.Lock");
    // The user location is the first frame outside runtime.* and internal/ (Delve's rule).
    if (RuntimeSource.exists("internal/sync")) { // Go 1.24+: sync.Mutex wraps internal/sync's
      List<Stackframe> stack = assertStack(g, List.of("runtime.gopark", "runtime.goparkunlock",
          "runtime.semacquire1", "internal/sync.runtime_SemacquireMutex",
          "internal/sync.(*Mutex).lockSlow", "internal/sync.(*Mutex).Lock",
          "sync.(*Mutex).Lock", marked("mutex", "main.mutexWorker"), "runtime.goexit"));
      assertEquals(where(stack.get(6).location()), where(g.userLocation()));
      assertEquals(RuntimeSource.file("sync/mutex.go"), g.userLocation().file());
    } else {
      List<Stackframe> stack = assertStack(g, List.of("runtime.gopark", "runtime.goparkunlock",
          "runtime.semacquire1", "sync.runtime_SemacquireMutex", "sync.(*Mutex).lockSlow",
          "sync.(*Mutex).Lock", marked("mutex", "main.mutexWorker"), "runtime.goexit"));
      assertEquals(where(stack.get(3).location()), where(g.userLocation()));
      assertEquals(RuntimeSource.file("runtime/sema.go"), g.userLocation().file());
    }
  }

  @Test
  void aSleepingGoroutine() {
    Goroutine g = parked("main.sleepWorker", "sleep");
    // time.Sleep is the runtime's timeSleep under its linkname, in runtime/time.go.
    List<Stackframe> stack = assertStack(g, List.of("runtime.gopark", "time.Sleep",
        marked("sleep", "main.sleepWorker"), "runtime.goexit"));
    assertEquals(where(stack.get(1).location()), where(g.userLocation()));
    assertEquals(RuntimeSource.file("runtime/time.go"), g.userLocation().file());
  }

  @Test
  void aGoroutineInASystemCallRunsOnItsThread() {
    Goroutine g = StatesStop.startedIn(target, "main.syscallWorker");
    assertEquals(3, g.status());
    assertEquals("syscall", g.statusText());
    assertEquals(0, g.waitReason(), "a goroutine that never parked has waitReasonZero");
    Thread thread = stop.thread(g.threadId().orElseThrow()).orElseThrow();
    assertEquals(g.id(), thread.goroutineId());
    assertEquals(where(thread.location()), where(g.currentLocation()));
    String syscall6 = RuntimeSource.exists("internal/runtime/syscall/linux")
        ? "internal/runtime/syscall/linux.Syscall6" // Go 1.26+
        : RuntimeSource.exists("internal/runtime/syscall") ? "internal/runtime/syscall.Syscall6"
        : "runtime/internal/syscall.Syscall6"; // before Go 1.23
    List<Stackframe> stack = assertStack(g, List.of(
        syscall6, "syscall.RawSyscall6", "syscall.Syscall",
        "syscall.read", "syscall.Read", marked("syscall", "main.syscallWorker"),
        "runtime.goexit"));
    assertEquals(thread.pc(), stack.get(0).location().pc());
    assertEquals(where(stack.get(1).location()), where(g.userLocation()));
    // Before Go 1.23, the runtime provided syscall.RawSyscall6 under a linkname.
    assertEquals(RuntimeSource.file(RuntimeSource.exists("runtime/internal/syscall")
        ? "runtime/internal/syscall/syscall_linux.go" : "syscall/syscall_linux.go"),
        g.userLocation().file());
    assertEquals(stack, target.threadStacktrace(thread.id(), 50, true),
        "the thread's stack is its goroutine's");
  }

  @Test
  void aThousandDeepRecursion() {
    Goroutine g = parked("main.recurse", "chan receive");
    List<Stackframe> stack = target.stacktrace(g.id(), 5000, false);

    assertEquals(1006, stack.size());
    List<String> expected = new ArrayList<>(List.of("runtime.gopark", "runtime.chanrecv",
        "runtime.chanrecv1", marked("recursebottom", "main.recurse")));
    for (int i = 0; i < 1000; i++) {
      expected.add(marked("recurse", "main.recurse"));
    }
    expected.add(marked("gorecurse", "main.states.gowrap1"));
    expected.add("runtime.goexit");
    assertFrames(expected, stack);
    for (int i = 1; i < stack.size(); i++) {
      assertTrue(stack.get(i).frameOffset() > stack.get(i - 1).frameOffset(),
          "frame offsets grow toward the bottom: " + i);
      assertTrue(stack.get(i).error().isEmpty());
    }
    assertEquals(-3 * 8, stack.get(1005).frameOffset(),
        "runtime.goexit's CFA is 3 words below g.stack.hi (amd64)");
    List<Stackframe> top = target.stacktrace(g.id(), 50, false);
    assertEquals(stack.subList(0, 50), top);
    assertEquals(stack.get(1005), target.frame(g.id(), 1005));
    NoSuchFrameException e = assertThrows(NoSuchFrameException.class,
        () -> target.frame(g.id(), 1006));
    assertEquals(1006, e.depth());
    assertEquals(1006, e.frame());
    assertEquals("frame 1006 does not exist in goroutine " + g.id() + " of process "
        + target.pid() + ": its stack has 1006 frames", e.getMessage());
  }

  @Test
  void frameOffsetsAreRelativeToTheTopOfTheGoroutineStack() {
    Goroutine g = parked("main.recvWorker", "chan receive");
    List<Stackframe> stack = target.stacktrace(g.id(), 50, false);
    long stackHi = stack.get(0).cfa() - stack.get(0).frameOffset();
    for (Stackframe f : stack) {
      assertFalse(f.systemStack());
      assertEquals(stackHi, f.cfa() - f.frameOffset(), "one g.stack.hi for every frame");
      assertTrue(f.sp() < f.cfa());
    }
    for (int i = 0; i < stack.size() - 1; i++) {
      // Go's frame pointer of frame i is saved 2 words below its CFA, and each frame's own
      // frame pointer points at that slot (amd64).
      assertEquals(stack.get(i).frameOffset() - 16, stack.get(i).framePointerOffset(),
          "frame pointer of " + stack.get(i));
    }
    assertEquals(where(g.currentLocation()), where(stack.get(0).location()),
        "a parked goroutine's frame 0 is where it resumes (Delve's rule)");
    assertEquals(g.currentLocation().pc(), stack.get(0).location().pc());
  }

  @Test
  void deferredCallsAreAttachedToTheFrameThatDeferredThem() {
    Goroutine g = parked("main.deferWorker", "chan receive");
    List<Stackframe> stack = target.stacktrace(g.id(), 50, true);
    assertFrames(List.of("runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1",
        marked("defer", "main.deferWorker"), "runtime.goexit"), stack);
    List<Defer> defers = stack.get(3).defers();
    // Newest first: the two loop iterations' noop(i), then fmt.Println("first").
    assertEquals(List.of(
        marked("funcnoop", "main.noop"), marked("funcnoop", "main.noop"),
        RuntimeSource.file("fmt/print.go") + ":" + fmtPrintlnLine() + " fmt.Println"),
        defers.stream().map(d -> where(d.deferredLocation())).toList());
    assertEquals(List.of(marked("deferloop", "main.deferWorker"),
        marked("deferloop", "main.deferWorker"), marked("deferfirst", "main.deferWorker")),
        defers.stream().map(d -> where(d.deferLocation())).toList());
    for (Defer d : defers) {
      assertEquals(stack.get(3).sp(), d.sp(), "deferred by main.deferWorker's frame");
      assertEquals(Optional.empty(), d.unreadable());
      assertEquals(d.deferredLocation().function().orElseThrow().entry(),
          d.deferredLocation().pc(), "the deferred function's entry");
    }
    for (int i = 0; i < stack.size(); i++) {
      if (i != 3) {
        assertEquals(List.of(), stack.get(i).defers());
      }
    }
    assertTrue(target.stacktrace(g.id(), 50, false).stream().allMatch(f -> f.defers().isEmpty()));
    assertEquals(stack.get(3), target.frame(g.id(), 3), "frame() comes with the defers");
  }

  @Test
  void sysmonsThreadHasNoGoroutineAndUnwindsOnItsSystemStack() {
    Thread sysmon = null;
    List<Stackframe> stack = List.of();
    for (Thread t : stop.threads()) {
      List<Stackframe> s = target.threadStacktrace(t.id(), 50, false);
      if (functions(s).contains("runtime.sysmon")) {
        sysmon = t;
        stack = s;
      }
    }
    assertTrue(sysmon != null, "no thread runs runtime.sysmon");
    assertEquals(0, sysmon.goroutineId());
    List<String> names = functions(stack);
    // sysmon runs on an M of its own, without a P: its g0 stack ends where the M started.
    assertEquals(List.of("runtime.sysmon", "runtime.mstart1", "runtime.mstart0", "runtime.mstart"),
        names.subList(names.size() - 4, names.size()));
    assertEquals(where(sysmon.location()), where(stack.get(0).location()));
    assertEquals(sysmon.pc(), stack.get(0).location().pc());
    for (int i = 0; i < stack.size(); i++) {
      Stackframe f = stack.get(i);
      assertTrue(f.systemStack());
      assertEquals(f.cfa(), f.frameOffset(), "absolute on a system stack");
      assertTrue(f.error().isEmpty());
      assertTrue(names.get(i).startsWith("runtime."), names.toString());
      long lookup = i == 0 ? f.location().pc() : f.location().pc() - 1;
      assertEquals(GoAddr2line.position(target.executable(), lookup).fileLine(),
          f.location().file() + ":" + f.location().line(), "position of " + names.get(i));
    }
    assertEquals(stack.subList(0, 2), target.threadStacktrace(sysmon.id(), 2, true));
  }

  @Test
  void theStoppedThreadsStackIsTheSelectedGoroutines() {
    Thread current = stop.currentThread().orElseThrow();
    Goroutine main = stop.selectedGoroutine().orElseThrow();
    assertEquals(1, main.id());
    assertEquals(Optional.of(main), target.goroutine(1));
    List<Stackframe> stack = target.stacktrace(1, 50, true);
    assertFrames(List.of(marked("funcstophere", "main.stopHere"), marked("stop", "main.states"),
        "main.main", "runtime.main", "runtime.goexit"), stack);
    assertEquals(stack, target.threadStacktrace(current.id(), 50, true));
    assertEquals(where(current.location()), where(stack.get(0).location()));
  }

  @Test
  void manyStacksAtOnceInTheOrderAsked() {
    List<Goroutine> all = target.goroutines();
    List<Long> ids = new ArrayList<>(all.stream().map(Goroutine::id).toList());
    java.util.Collections.reverse(ids);
    ids.add(ids.get(0));
    Map<Long, List<Stackframe>> stacks = target.stacktraces(ids, 20, true);

    assertEquals(ids.subList(0, ids.size() - 1), List.copyOf(stacks.keySet()));
    Map<Long, List<Stackframe>> oneByOne = new LinkedHashMap<>();
    for (long id : ids) {
      oneByOne.put(id, target.stacktrace(id, 20, true));
    }
    assertEquals(oneByOne, stacks);
    assertEquals(Map.of(), target.stacktraces(List.of(), 20, true));
  }

  @Test
  void goroutineByIdIsTheListedOne() {
    for (Goroutine g : target.goroutines()) {
      assertEquals(Optional.of(g), target.goroutine(g.id()));
    }
    assertEquals(Optional.empty(), target.goroutine(999_999));
  }

  @Test
  void filtersOnLocationsLabelsRunningAndUser() {
    assertEquals(List.of("main.recvWorker"),
        started(GoroutineFilter.with(USER_LOCATION, "main.go:" + SRC.line("recv")
            + " in main.recvWorker")));
    assertEquals(List.of("main.sleepWorker"), started(GoroutineFilter.with(START_LOCATION,
        "main.sleepWorker")));
    assertEquals(List.of("main.selectWorker"), started(GoroutineFilter.with(
        GO_STATEMENT_LOCATION, SRC.at("goselect") + " in main.states")));
    assertEquals(List.of("main.labeledWorker"), started(GoroutineFilter.with(LABEL, "worker")));
    assertEquals(List.of("main.labeledWorker"),
        started(GoroutineFilter.with(LABEL, "worker=labeled")));
    assertEquals(List.of(), started(GoroutineFilter.with(LABEL, "worker=other")));
    assertEquals(List.of("main.manyLabelsWorker"),
        started(GoroutineFilter.with(LABEL, "key07=value7")));

    List<Goroutine> all = target.goroutines();
    assertEquals(21, all.size(), "main, 4 of the runtime's, 16 the fixture started");
    String finalizers = RuntimeSource.contains("runtime/mfinal.go", "func runFinalizers(")
        ? "runtime.runFinalizers" : "runtime.runfinq"; // renamed in Go 1.25
    assertEquals(Set.of("runtime.forcegchelper", "runtime.bgsweep", "runtime.bgscavenge",
        finalizers), Set.copyOf(started(GoroutineFilter.without(USER, ""))));
    List<String> user = started(GoroutineFilter.with(USER, ""));
    assertEquals(17, user.size());
    assertTrue(user.containsAll(List.of("runtime.main", "main.recvWorker",
        "main.states.func1")), user.toString());
    assertEquals(20, started(GoroutineFilter.without(LABEL, "k2")).size());

    // Running: exactly the goroutines the stopped threads run (read through their TLS).
    Set<Long> onThreads = new TreeSet<>();
    stop.threads().stream().filter(t -> t.goroutineId() != 0)
        .forEach(t -> onThreads.add(t.goroutineId()));
    assertEquals(onThreads, ids(GoroutineFilter.with(RUNNING, "")));
    assertTrue(onThreads.contains(1L));
    assertTrue(onThreads.contains(StatesStop.startedIn(target, "main.syscallWorker").id()));
    Set<Long> parked = ids(GoroutineFilter.without(RUNNING, ""));
    assertEquals(21 - onThreads.size(), parked.size());
    // Every waiting goroutine parked through gopark (the spinner may be runnable, preempted).
    assertEquals(new TreeSet<>(all.stream().filter(g -> g.status() == 4).map(Goroutine::id)
        .toList()), ids(GoroutineFilter.with(CURRENT_LOCATION, " in runtime.gopark")));

    assertEquals(List.of("main.labeledWorker"), started(GoroutineFilter.with(USER, ""),
        GoroutineFilter.without(RUNNING, ""), GoroutineFilter.with(LABEL, "k2=v2")));
    assertEquals(List.of(), started(GoroutineFilter.with(RUNNING, ""),
        GoroutineFilter.without(RUNNING, "")));
  }

  @Test
  void groupsByLabelAndByUserLocation() {
    GoroutinePage byLabel = target.goroutines(GoroutinesRequest.all()
        .groupBy(new GoroutineGrouping(LABEL, "worker", 5, 50)));
    assertEquals(List.of(new GoroutineGroup("worker=", 0, 5, 20),
        new GoroutineGroup("worker=labeled", 5, 1, 1)), byLabel.groups());
    assertFalse(byLabel.tooManyGroups());
    assertEquals(-1, byLabel.next());
    List<Goroutine> all = target.goroutines();
    assertEquals(all.subList(0, 5), byLabel.goroutines().subList(0, 5),
        "the first members in the runtime's order");
    assertEquals(StatesStop.startedIn(target, "main.labeledWorker"), byLabel.goroutines().get(5));

    // Only the fixture's user locations: sorted as strings, "main.go:107" before "main.go:51".
    GoroutinePage byUserLocation = target.goroutines(GoroutinesRequest.all()
        .filter(GoroutineFilter.with(USER_LOCATION, SRC.file + ":"))
        .groupBy(new GoroutineGrouping(USER_LOCATION, "", 1, 3)));
    assertEquals(List.of(
        new GoroutineGroup(SRC.at("labeled") + " in main.labeledWorker.func1", 0, 1, 1),
        new GoroutineGroup(SRC.at("manylabels") + " in main.manyLabelsWorker.func1", 1, 1, 1),
        new GoroutineGroup(SRC.at("defer") + " in main.deferWorker", 2, 1, 1)),
        byUserLocation.groups());
    assertTrue(byUserLocation.tooManyGroups());
    assertEquals(List.of("main.labeledWorker", "main.manyLabelsWorker", "main.deferWorker"),
        byUserLocation.goroutines().stream().map(GoroutineStatesApiTest::startName).toList());

    GoroutinePage byUser = target.goroutines(GoroutinesRequest.all()
        .groupBy(new GoroutineGrouping(USER, "", 2, 50)));
    assertEquals(List.of(new GoroutineGroup("user=false", 0, 2, 4),
        new GoroutineGroup("user=true", 2, 2, 17)), byUser.groups());
    assertFalse(byUser.tooManyGroups());
  }

  private List<String> started(GoroutineFilter... filters) {
    return page(filters).stream().map(GoroutineStatesApiTest::startName).toList();
  }

  private Set<Long> ids(GoroutineFilter... filters) {
    return new TreeSet<>(page(filters).stream().map(Goroutine::id).toList());
  }

  private List<Goroutine> page(GoroutineFilter... filters) {
    GoroutinePage page = target.goroutines(new GoroutinesRequest(0, 0, List.of(filters),
        Optional.empty()));
    assertEquals(-1, page.next());
    assertEquals(List.of(), page.groups());
    return page.goroutines();
  }

  private static String startName(Goroutine g) {
    return g.startLocation().function().orElseThrow().name();
  }

  /** Returns the goroutine started in {@code function}, parked with wait reason {@code reason}. */
  private Goroutine parked(String function, String reason) {
    Goroutine g = StatesStop.startedIn(target, function);
    assertEquals(4, g.status(), function + " is waiting");
    assertEquals(reason, g.statusText(), function);
    assertEquals(RuntimeSource.waitReason(reason), g.waitReason(), function);
    assertEquals(OptionalInt.empty(), g.threadId(), function + " has no thread");
    assertFalse(g.system(), function);
    return g;
  }

  /**
   * Checks a goroutine's whole stack: each expected entry is a fixture position
   * ({@code file:line function}) or, for standard library code, a function name whose
   * position is checked against {@code go tool addr2line}. Returns the stack.
   */
  private List<Stackframe> assertStack(Goroutine g, List<String> expected) {
    List<Stackframe> stack = target.stacktrace(g.id(), 100, false);
    assertFrames(expected, stack);
    assertEquals(where(g.currentLocation()), where(stack.get(0).location()));
    return stack;
  }

  private void assertFrames(List<String> expected, List<Stackframe> stack) {
    assertEquals(expected.size(), stack.size(), () -> "frames: " + stack);
    Path binary = target.executable();
    for (int i = 0; i < stack.size(); i++) {
      Stackframe f = stack.get(i);
      String e = expected.get(i);
      if (e.contains(" ")) {
        assertEquals(e, where(f.location()), "frame " + i);
      } else {
        assertEquals(e, f.location().function().orElseThrow().name(), "frame " + i);
        long lookup = i == 0 ? f.location().pc() : f.location().pc() - 1;
        assertEquals(GoAddr2line.position(binary, lookup).fileLine(), f.location().file() + ":"
            + f.location().line(), "position of frame " + i + " (" + e + ")");
      }
      assertFalse(f.inlined(), "frame " + i);
    }
  }

  private int fmtPrintlnLine() {
    long entry = GoNm.address(target.executable(), "fmt.Println", "Tt");
    String at = GoAddr2line.position(target.executable(), entry).fileLine();
    return Integer.parseInt(at.substring(at.lastIndexOf(':') + 1));
  }

  private static List<String> functions(List<Stackframe> stack) {
    return stack.stream().map(f -> f.location().function().map(Function::name).orElse("?"))
        .toList();
  }
}
