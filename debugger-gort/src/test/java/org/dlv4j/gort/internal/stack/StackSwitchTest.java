package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.junit.GoAddr2line;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * Stacks that cross from a system stack back to the goroutine's (stack growth through
 * morestack, runtime.systemstack) and stacks through a panic (sigpanic, the deferred handler),
 * stopped at breakpoints in the runtime and in user code.
 */
class StackSwitchTest {
  private static final Markers SRC = new Markers(StatesFixture.NAME, "main.go");

  private static LiveStop run(GoBuild build, String mode, String... chain) {
    return LiveStop.run(build.build(), List.of(mode, "-"), Map.of("GOGC", "off"), chain);
  }

  @Test
  void morestackContinuesInTheGrowingFunction() {
    try (LiveStop stop = run(GoBuild.fixture(StatesFixture.NAME), "grow", "main.beforeGrow", "runtime.newstack")) {
      ThreadG thread = trapThread(stop);
      assertTrue(thread.systemStack(), "newstack runs on g0");
      Goroutine main = stop.lister().list(0, 0).goroutines().stream().filter(g -> g.id() == 1).findFirst().orElseThrow();
      assertTrue(main.systemStack());
      assertEquals(stop.trapTid, main.threadId().getAsInt());
      assertEquals("runtime.newstack", main.current().functionName());
      List<StackFrame> stack = stop.lister().stacktrace(main.g(), 20_000);
      long level = stop.global("main.level");
      List<String> names = stack.stream().map(StackFrame::function).toList();
      assertEquals("runtime.newstack", names.get(0));
      assertTrue(stack.get(0).systemStack());
      // morestack itself is not shown (the runtime's traceback hides it too): the growing
      // function follows, at its prologue, then every level of the recursion.
      assertEquals(level + 1, names.stream().filter(n -> n.equals("main.grow")).count(), names.toString());
      assertEquals(List.of("main.main", "runtime.main", "runtime.goexit"), names.subList(names.size() - 3, names.size()));
      assertEquals(List.of("runtime.newstack"), names.subList(0, names.size() - 3 - (int) level - 1));
      StackFrame growing = stack.get(1);
      assertFalse(growing.systemStack());
      assertEquals(SRC.line("growfunc"), growing.location().line(), "the prologue is on the func line");
      assertEquals(SRC.line("grow"), stack.get(2).location().line());
      assertEquals(SRC.line("callgrow"), stack.get(names.size() - 3).location().line());
      assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()));
      assertEquals("main.grow", main.user().functionName());
    }
  }

  @Test
  void systemstackContinuesOnTheGoroutineStack() {
    try (LiveStop stop = run(GoBuild.fixture(StatesFixture.NAME), "alloc", "main.beforeAlloc",
        "runtime.(*mheap).allocSpan")) {
      ThreadG thread = trapThread(stop);
      assertTrue(thread.systemStack());
      Goroutine main = stop.lister().list(0, 0).goroutines().stream().filter(g -> g.id() == 1).findFirst().orElseThrow();
      List<StackFrame> stack = stop.lister().stacktrace(main.g(), 100);
      List<String> names = stack.stream().map(StackFrame::function).toList();
      int switchAt = names.indexOf("runtime.systemstack");
      assertEquals(List.of("runtime.(*mheap).allocSpan", "runtime.(*mheap).alloc.func1", "runtime.systemstack"),
          names.subList(0, switchAt + 1));
      assertTrue(stack.subList(0, switchAt).stream().allMatch(StackFrame::systemStack));
      assertTrue(stack.subList(switchAt, stack.size()).stream().noneMatch(StackFrame::systemStack),
          "systemstack's own frame is on the goroutine stack: the runtime saved it in g.sched");
      // Go 1.24 moved large allocations out of mallocgc into mallocgcLarge (runtime/malloc.go).
      List<String> malloc = stop.binary.version().atLeast(1, 24)
          ? List.of("runtime.mallocgcLarge", "runtime.mallocgc") : List.of("runtime.mallocgc");
      List<String> callers = new ArrayList<>(List.of("runtime.(*mheap).alloc", "runtime.(*mcache).allocLarge"));
      callers.addAll(malloc);
      callers.addAll(List.of("runtime.makeslice", "main.bigAlloc", "main.main", "runtime.main", "runtime.goexit"));
      assertEquals(callers, names.subList(switchAt + 1, names.size()));
      assertEquals(SRC.line("bigalloc"), stack.get(names.indexOf("main.bigAlloc")).location().line());
      assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()));
      for (int i = switchAt + 1; i < stack.size(); i++) {
        assertEquals(stack.get(i).cfa() - main.g().stackHi(), stack.get(i).frameOffset());
      }
      assertEquals(stack.get(0).cfa(), stack.get(0).frameOffset(), "absolute on the system stack");
      // Callers are at the line of their call: what go tool addr2line says of pc - 1.
      long[] calls = stack.subList(1, stack.size()).stream().mapToLong(f -> f.pc() - 1).toArray();
      List<GoAddr2line.Position> oracle = GoAddr2line.positions(stop.binary.path(), calls);
      for (int i = 1; i < stack.size(); i++) {
        StackFrame f = stack.get(i);
        assertEquals(oracle.get(i - 1), new GoAddr2line.Position(f.function(), f.location().file(), f.location().line()));
      }
    }
  }

  @Test
  void panicFramesIncludeTheDeferredHandlerAndTheFaultingInstruction() {
    for (GoBuild build : List.of(GoBuild.fixture(StatesFixture.NAME), GoBuild.fixture(StatesFixture.NAME).optimized())) {
      try (LiveStop stop = run(build, "panic", "main.panicStop")) {
        Goroutine g = stop.lister().list(0, 0).goroutines().stream()
            .filter(x -> x.start().functionName().equals("main.panicker")).findFirst().orElseThrow();
        assertEquals(stop.trapTid, g.threadId().getAsInt());
        List<StackFrame> stack = stop.lister().stacktrace(g.g(), 100);
        List<String> names = stack.stream().map(StackFrame::function).toList();
        assertEquals(List.of("main.panicStop", "main.handler", "runtime.gopanic", "runtime.panicmem",
            "runtime.sigpanic", "main.faulty", "main.panicker", "runtime.goexit"), names, build.toString());
        assertEquals(SRC.line("handler"), stack.get(1).location().line());
        StackFrame faulty = stack.get(5);
        assertEquals(SRC.line("fault"), faulty.location().line(), "the faulting instruction, not pc - 1");
        assertEquals(SRC.line("callfaulty"), stack.get(6).location().line());
        assertEquals(SRC.at("gopanicker") + " in main.main", g.goStatement().describe());
        assertEquals("main.panicStop", g.user().functionName());
      }
    }
  }

  @Test
  void everyThreadsStackEndsCleanly() {
    try (LiveStop stop = LiveStop.run(GoBuild.fixture(StatesFixture.NAME).build(), List.of("states", "/dev/null"),
        Map.of("GOGC", "off"), "main.stopHere")) {
      GoroutineLister lister = stop.lister();
      assertTrue(lister.threads().size() >= 3, "main, sysmon, the syscall worker's thread at least");
      for (ThreadG t : lister.threads()) {
        List<StackFrame> stack = lister.unwinder().stacktrace(StackStart.ofThread(t), 1000);
        assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
        String last = stack.get(stack.size() - 1).function();
        // Goroutines end in goexit, Ms in mstart (or rt0_go for m0), a parked M at the mcall
        // that left its goroutine, and a thread still being created in clone.
        assertTrue(List.of("runtime.goexit", "runtime.mstart", "runtime.rt0_go", "runtime.mcall", "runtime.clone")
            .contains(last),
            "thread " + t.regs().tid() + " ends in " + last + ": " + stack);
      }
    }
  }

  private static ThreadG trapThread(LiveStop stop) {
    return stop.lister().threads().stream().filter(t -> t.regs().tid() == stop.trapTid).findFirst().orElseThrow();
  }
}
