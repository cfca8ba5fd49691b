package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dlv4j.gort.internal.runtime.GStatus;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoBuildException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Goroutines parked in every blocking state, listed from a live process stopped at a
 * breakpoint, checked exactly against the fixture's source and against the runtime's own
 * dump taken just before the stop. Subclasses choose the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GoroutineStatesTest {
  StatesFixture fx;

  abstract GoBuild build();

  @BeforeAll
  void start() {
    fx = new StatesFixture(build());
  }

  @AfterAll
  void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  /** {@return the wait reason of a goroutine blocked in WaitGroup.Wait in this build} */
  String waitGroupReason() {
    return fx.stop.binary.version().atLeast(1, 24) ? "sync.WaitGroup.Wait" : "semacquire";
  }

  @Test
  void userGoroutinesAreTheRuntimes() {
    Set<Long> ours = fx.goroutines.stream().filter(g -> !g.system()).map(Goroutine::id)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(fx.dump.goroutines.keySet()), ours);
    assertTrue(fx.goroutines.stream().anyMatch(g -> g.system() && g.start().functionName().equals("runtime.forcegchelper")),
        "runtime goroutines are listed too, as system goroutines");
    assertTrue(fx.goroutines.stream().noneMatch(g -> g.unreadable().isPresent()));
  }

  @Test
  void statesStacksAndCreatorsEqualTheRuntimeDump() {
    for (RuntimeDump.Goroutine d : fx.dump.goroutines.values()) {
      Goroutine g = fx.goroutines.stream().filter(x -> x.id() == d.id()).findFirst().orElseThrow();
      if (d.id() == 1 || g.start().functionName().equals("main.states.func1")) {
        continue; // the dumping goroutine and the spinner run on: their stacks changed since
      }
      assertEquals(d.state(), g.statusText(), "state of goroutine " + d.id());
      // The runtime unwinds a goroutine in a system call from g.syscallpc/sp, not from its thread.
      StackStart start = GStatus.base(g.g().status()) == GStatus.SYSCALL ? StackStart.parked(g.g())
          : fx.stop.lister().startOf(g.g());
      List<RuntimeDump.Frame> ours = fx.shownFrames(fx.stop.lister().unwinder().stacktrace(start, 5000));
      int kept = d.top().size() + d.bottom().size();
      assertEquals(d.top(), ours.subList(0, d.top().size()), "frames of goroutine " + d.id());
      assertEquals(d.elided(), ours.size() - kept, "elided frames of goroutine " + d.id());
      assertEquals(d.bottom(), ours.subList(ours.size() - d.bottom().size(), ours.size()),
          "last frames of goroutine " + d.id());
      RuntimeDump.Frame created = d.createdBy();
      assertEquals(created.function(), g.goStatement().functionName(), "creator of " + d.id());
      assertEquals(created.file() + ":" + created.line(), g.goStatement().file() + ":" + g.goStatement().line());
      long creatorEntry = fx.stop.entry(created.function());
      assertEquals(created.offset().getAsLong(), g.goStatement().pc() - creatorEntry, "gopc of " + d.id());
      assertEquals(d.parent(), g.g().parentGoid());
    }
  }

  @Test
  void waitReasonsAndLocationsOfEachWorker() {
    expect("main.recvWorker", "chan receive", "recv", "gorecv");
    expect("main.sendWorker", "chan send", "send", "gosend");
    expect("main.selectWorker", "select", "select", "goselect");
    expect("main.selectNoCases", "select (no cases)", "selectnocases", "goselectnocases");
    expect("main.mutexWorker", "sync.Mutex.Lock", "mutex", "gomutex");
    expect("main.rwWorker", "sync.RWMutex.RLock", "rwmutex", "gorwmutex");
    expect("main.sleepWorker", "sleep", "sleep", "gosleep");
    expect("main.waitGroupWorker", waitGroupReason(), "waitgroup", "gowaitgroup");
    expect("main.condWorker", "sync.Cond.Wait", "cond", "gocond");
    expect("main.deferWorker", "chan receive", "defer", "godefer");
    expect("main.recurse", "chan receive", "recursebottom", "gorecurse");
    expect("main.labeledWorker", "chan receive", "labeled", "golabeled");
    expect("main.inlineTop", "chan receive", "level3", "goinline");
  }

  /**
   * Checks one worker: parked with a wait reason, no thread; its first frame in package main is
   * the blocking statement; its user location is the first frame Delve counts as user code,
   * which the runtime's dump shows too; go statement and start function.
   */
  private void expect(String start, String reason, String blockedAt, String goAt) {
    Goroutine g = fx.startedIn(start);
    assertEquals(GStatus.WAITING, GStatus.base(g.g().status()), start);
    assertEquals(reason, g.waitReasonName(), start);
    assertEquals(reason, g.statusText(), start);
    assertTrue(g.threadId().isEmpty(), start + " has no thread");
    assertFalse(g.system(), start);
    List<StackFrame> stack = fx.stop.lister().stacktrace(g.g(), 5000);
    StackFrame mainFrame = stack.stream().filter(f -> f.function().startsWith("main.")).findFirst().orElseThrow();
    assertEquals(fx.src.at(blockedAt), mainFrame.location().file() + ":" + mainFrame.location().line(), start);
    StackFrame userFrame = stack.stream().filter(f -> UserCode.isUserFrame(f.function())).findFirst().orElseThrow();
    assertEquals(userFrame.location().describe(), g.user().describe(), start);
    RuntimeDump.Frame firstShown = fx.dump.goroutines.get(g.id()).top().stream()
        .filter(f -> UserCode.isUserFrame(f.function())).findFirst().orElseThrow();
    assertEquals(firstShown.file() + ":" + firstShown.line() + " in " + firstShown.function(), g.user().describe(),
        start + ": the user location is the runtime's first shown frame in user code");
    assertEquals(fx.src.at(goAt) + " in main.states", g.goStatement().describe(), start);
    assertEquals(start, g.start().functionName());
    long entry = fx.stop.entry(start);
    assertEquals(entry, g.start().pc(), start);
    assertEquals(g.g().schedPc(), g.pc(), start + " is where it parked");
    assertEquals(fx.stop.rt.code().location(g.g().schedPc()), g.current());
  }

  /** The spinner's frames below whatever it is calling, to the goroutine's end. */
  private static final List<String> SPINNER = List.of("main.spinner", "main.states.func1", "runtime.goexit");
  /**
   * What the spinner's loop may be calling when the stop catches it: nothing, or one of its
   * atomic operations (calls in -N -l builds, inlined frames in optimized ones).
   */
  private static final List<List<String>> IN_THE_LOOP = List.of(List.of(),
      List.of("sync/atomic.(*Bool).Load"), List.of("sync/atomic.(*Uint64).Add"));
  /**
   * How far an asynchronous preemption may have got on the spinner's stack while it is still
   * running: not at all, or into the call the SIGURG handler injected (asyncPreempt, which
   * calls asyncPreempt2, which mcalls to g0, where the goroutine is made runnable).
   */
  private static final List<List<String>> PREEMPTING = List.of(List.of(),
      List.of("runtime.asyncPreempt"), List.of("runtime.asyncPreempt2", "runtime.asyncPreempt"));

  @Test
  void startOfAClosureGoroutineAndTheRunningSpinner() {
    Goroutine spinner = fx.startedIn("main.states.func1");
    assertEquals(fx.src.at("goclosure") + " in main.states", spinner.goStatement().describe());
    assertEquals(fx.src.line("goclosure"), spinner.start().line());
    if (GStatus.base(spinner.g().status()) == GStatus.RUNNING) {
      assertTrue(spinner.threadId().isPresent(), "a running goroutine has a thread");
      List<StackFrame> stack = fx.stop.lister().stacktrace(spinner.g(), 100);
      List<String> names = stack.stream().map(StackFrame::function).toList();
      int system = onSystemStack(stack);
      List<String> goroutineFrames = names.subList(system, names.size());
      List<String> preempting = PREEMPTING.stream().filter(p -> startsWith(goroutineFrames, p))
          .max(Comparator.comparingInt(List::size)).orElseThrow();
      List<String> loop = goroutineFrames.subList(preempting.size(), goroutineFrames.size());
      assertTrue(IN_THE_LOOP.stream().anyMatch(callee -> loop.equals(concat(callee, SPINNER))), names.toString());
      if (system > 0) {
        // A thread leaves the goroutine's stack here only for the signal handler the kernel
        // called on the signal stack (sysmon's SIGURG; cgoSigtramp in binaries with cgo), or
        // for g0 once asyncPreempt2 mcalls.
        String left = names.get(system - 1);
        assertTrue(left.equals("runtime.sigtramp") || left.equals("runtime.cgoSigtramp")
            || left.equals("runtime.mcall") && preempting.equals(PREEMPTING.get(2)), names.toString());
      }
      assertEquals(stack.get(system + preempting.size()).location().describe(), spinner.user().describe());
      assertEquals(spinner.pc(), stack.get(0).pc());
    }
  }

  /** {@return how many frames on top of {@code stack} are on a system stack, before the goroutine's own} */
  private static int onSystemStack(List<StackFrame> stack) {
    int system = 0;
    while (system < stack.size() && stack.get(system).systemStack()) {
      system++;
    }
    assertTrue(stack.subList(system, stack.size()).stream().noneMatch(StackFrame::systemStack), stack.toString());
    return system;
  }

  private static boolean startsWith(List<String> list, List<String> prefix) {
    return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void theStoppedGoroutineRunsOnTheTrapThread() {
    Goroutine main = fx.goroutines.stream().filter(g -> g.id() == 1).findFirst().orElseThrow();
    assertEquals(GStatus.RUNNING, GStatus.base(main.g().status()));
    assertEquals(fx.stop.trapTid, main.threadId().getAsInt());
    assertFalse(main.systemStack());
    long entry = fx.stop.entry("main.stopHere");
    assertEquals(entry, main.pc());
    assertEquals("main.stopHere", main.current().functionName());
    assertEquals("main.stopHere", main.user().functionName());
    assertEquals("runtime.main", main.start().functionName());
    List<StackFrame> stack = fx.stop.lister().stacktrace(main.g(), 100);
    assertEquals(List.of("main.stopHere", "main.states", "main.main", "runtime.main", "runtime.goexit"),
        stack.stream().map(StackFrame::function).toList());
    assertEquals(fx.src.line("stop"), stack.get(1).location().line());
    assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()));
    assertEquals(stack.get(stack.size() - 1).cfa() - main.g().stackHi(), stack.get(stack.size() - 1).frameOffset());
  }

  @Test
  void theSyscallGoroutineUnwindsFromItsThread() {
    Goroutine g = fx.startedIn("main.syscallWorker");
    assertEquals(GStatus.SYSCALL, GStatus.base(g.g().status()));
    assertEquals("syscall", g.statusText());
    assertTrue(g.threadId().isPresent(), "a goroutine in a system call keeps its thread");
    List<StackFrame> stack = fx.stop.lister().stacktrace(g.g(), 100);
    List<String> names = stack.stream().map(StackFrame::function).toList();
    assertTrue(names.get(0).endsWith("Syscall6"), "the thread is in the raw system call: " + names);
    StackStart parked = StackStart.parked(g.g());
    List<String> runtimeView = fx.stop.lister().unwinder().stacktrace(parked, 100).stream()
        .map(StackFrame::function).toList();
    assertEquals(runtimeView, names.subList(names.size() - runtimeView.size(), names.size()),
        "the runtime's view (from syscallpc/sp) is the outer part of the thread's stack");
    assertEquals(fx.src.at("syscall"), stack.stream().filter(f -> f.function().equals("main.syscallWorker"))
        .map(f -> f.location().file() + ":" + f.location().line()).findFirst().orElseThrow());
  }

  @Test
  void runningGoroutinesAreOnTheThreadsTheirMsSay() {
    int procid = fx.stop.rt.layout().get(org.dlv4j.gort.internal.runtime.RuntimeField.M_PROCID);
    List<Goroutine> running = fx.goroutines.stream().filter(Goroutine::running).toList();
    assertTrue(running.size() >= 2, "main and the syscall worker at least: " + running);
    for (Goroutine g : running) {
      assertEquals(g.threadId().getAsInt(), fx.stop.memory.readLong(g.g().m() + procid), g.toString());
    }
    assertEquals(running.size(), fx.stop.lister().threads().stream().filter(t -> t.goroutine().isPresent()).count());
  }

  @Test
  void labels() {
    assertEquals(Map.of("worker", "labeled", "k2", "v2"), fx.startedIn("main.labeledWorker").labels());
    assertEquals(Map.of(), fx.startedIn("main.recvWorker").labels());
    Map<String, String> many = new java.util.TreeMap<>();
    for (int i = 0; i < 20; i++) {
      many.put(String.format("key%02d", i), "value" + i);
    }
    assertEquals(many, fx.startedIn("main.manyLabelsWorker").labels());
  }

  @Test
  void deferredCallsAttachToTheirFrame() {
    Goroutine g = fx.startedIn("main.deferWorker");
    List<StackFrame> stack = fx.stop.lister().stacktrace(g.g(), 100);
    StackFrame worker = stack.stream().filter(f -> f.function().equals("main.deferWorker")).findFirst().orElseThrow();
    assertEquals(List.of("main.noop", "main.noop", "fmt.Println"),
        worker.defers().stream().map(d -> d.function().functionName()).toList());
    assertEquals(List.of(fx.src.line("deferloop"), fx.src.line("deferloop"), fx.src.line("deferloop") - 2),
        worker.defers().stream().map(d -> d.deferredAt().line()).toList());
    assertTrue(stack.stream().filter(f -> f != worker).allMatch(f -> f.defers().isEmpty()));
  }

  @Test
  void deepRecursion() {
    Goroutine g = fx.startedIn("main.recurse");
    List<StackFrame> stack = fx.stop.lister().stacktrace(g.g(), 5000);
    List<String> names = stack.stream().map(StackFrame::function).toList();
    assertEquals(List.of("runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1"), names.subList(0, 3));
    assertEquals(1001, names.stream().filter(n -> n.equals("main.recurse")).count());
    assertEquals(List.of("main.states.gowrap1", "runtime.goexit"), names.subList(names.size() - 2, names.size()));
    assertEquals(3 + 1001 + 2, stack.size());
    assertEquals(fx.src.line("recursebottom"), stack.get(3).location().line());
    for (int i = 4; i < 4 + 1000; i++) {
      assertEquals(fx.src.line("recurse"), stack.get(i).location().line());
    }
    assertEquals(fx.src.line("gorecurse"), stack.get(stack.size() - 2).location().line());
    assertEquals(Unwinder.DEFAULT_DEPTH, fx.stop.lister().stacktrace(g.g(), Unwinder.DEFAULT_DEPTH).size());
    for (int i = 1; i < stack.size(); i++) {
      assertTrue(stack.get(i).cfa() > stack.get(i - 1).cfa() || stack.get(i).inlined());
      assertEquals(stack.get(i).cfa() - g.g().stackHi(), stack.get(i).frameOffset());
    }
  }

  @Test
  void inlinedCallsAreFramesOfTheirOwn() {
    Goroutine g = fx.startedIn("main.inlineTop");
    List<StackFrame> stack = fx.stop.lister().stacktrace(g.g(), 100);
    List<String> names = stack.stream().map(StackFrame::function).toList();
    assertEquals(List.of("runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1", "main.level3", "main.level2",
        "main.level1", "main.inlineTop", "runtime.goexit"), names);
    assertEquals(List.of(fx.src.line("level3"), fx.src.line("level2"), fx.src.line("level1"), fx.src.line("inlinetop")),
        stack.subList(3, 7).stream().map(f -> f.location().line()).toList());
    assertEquals(inlines(), stack.subList(3, 7).stream().map(StackFrame::inlined).toList());
  }

  /** {@return which of level3, level2, level1, inlineTop are inlined frames in this build} */
  abstract List<Boolean> inlines();

  /** The -N -l build of the installed toolchain. */
  static final class Unoptimized extends GoroutineStatesTest {
    @Override
    GoBuild build() {
      return GoBuild.fixture(StatesFixture.NAME);
    }

    @Override
    List<Boolean> inlines() {
      return List.of(false, false, false, false);
    }
  }

  /** The optimized build of the installed toolchain: calls are inlined. */
  static final class Optimized extends GoroutineStatesTest {
    @Override
    GoBuild build() {
      return GoBuild.fixture(StatesFixture.NAME).optimized();
    }

    @Override
    List<Boolean> inlines() {
      return List.of(true, true, true, false);
    }
  }

  /** Go 1.22 (-N -l): the oldest supported layout, wait reasons and pprof labels in a map. */
  static final class Go122 extends GoroutineStatesTest {
    @Override
    GoBuild build() {
      return toolchain("go1.22.12");
    }

    @Override
    List<Boolean> inlines() {
      return List.of(false, false, false, false);
    }
  }

  /** Go 1.24 optimized: labels in a list, swiss maps, the 1.24 wait reasons. */
  static final class Go124Optimized extends GoroutineStatesTest {
    @Override
    GoBuild build() {
      return toolchain("go1.24.13").optimized();
    }

    @Override
    List<Boolean> inlines() {
      return List.of(true, true, true, false);
    }
  }

  /** Externally linked (cgo): threads keep g in the TLS variable runtime.tlsg. */
  static final class ExternallyLinked extends GoroutineStatesTest {
    @Override
    GoBuild build() {
      return GoBuild.fixture(StatesFixture.NAME).env("CGO_ENABLED", "1").flags("-ldflags=-linkmode=external");
    }

    @Override
    List<Boolean> inlines() {
      return List.of(false, false, false, false);
    }
  }

  /** Without DWARF (symbols kept): the runtime layout comes from the fallback table. */
  static final class WithoutDwarf extends GoroutineStatesTest {
    @Override
    GoBuild build() {
      return GoBuild.fixture(StatesFixture.NAME).flags("-ldflags=-w");
    }

    @Override
    List<Boolean> inlines() {
      return List.of(false, false, false, false);
    }

    @Test
    void theLayoutIsTheTables() {
      assertTrue(fx.stop.binary.dwarf().isEmpty());
      assertEquals("go1." + fx.stop.binary.version().minor() + " table", fx.stop.rt.layout().source());
    }
  }

  /** A position-independent executable, loaded at a random address: everything is rebased. */
  static final class PositionIndependent extends GoroutineStatesTest {
    @Override
    GoBuild build() {
      return GoBuild.fixture(StatesFixture.NAME).flags("-buildmode=pie");
    }

    @Override
    List<Boolean> inlines() {
      return List.of(false, false, false, false);
    }

    @Test
    void theProcessRunsAtALoadBias() {
      assertTrue(fx.stop.bias != 0, "ASLR moved the executable");
      assertEquals(fx.stop.bias, fx.stop.rt.code().staticBase());
    }
  }

  /** A build with an older toolchain; the test is skipped if it cannot be downloaded. */
  static GoBuild toolchain(String version) {
    GoBuild b = GoBuild.fixture(StatesFixture.NAME).env("GOTOOLCHAIN", version);
    try {
      b.build();
    } catch (GoBuildException e) {
      Assumptions.assumeTrue(false, version + " unavailable: " + e.getMessage());
    }
    return b;
  }
}
