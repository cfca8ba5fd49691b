package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * Stacks of a thread stopped in the Go signal handler on its gsignal stack while the main
 * goroutine's loop was interrupted by SIGURG (sysmon's async preemption): the
 * handler frames, then, from the registers the kernel saved in the signal frame, the
 * interrupted function at the interrupted instruction and its callers on the goroutine stack.
 * The signal frame's place is cross-checked against the arguments the runtime itself received:
 * {@code runtime.sigtrampgo(sig, info, ctx)} spills them to its argument slots.
 */
class SignalHandlerStackTest {
  private static final String NAME = "sigtramp-preempt";
  private static final Markers SRC = new Markers(NAME, "main.go");
  private static final int SIGURG = 23;
  /** sizeof(struct ucontext) on linux/amd64: the siginfo follows it in the kernel's rt_sigframe. */
  private static final int UCONTEXT_SIZE = 304;
  private static final List<String> USER = List.of("main.spin", "main.main", "runtime.main", "runtime.goexit");

  private static LiveStop run(GoBuild build, String function) {
    // Signals before main spins (sysmon preempts a slow start too) are not stopped at, nor
    // those of other goroutines (sysmon preempts the one stopped in main.ready too).
    return LiveStop.runUntil(build.build(), List.of(), Map.of("GOMAXPROCS", "2", "GOGC", "off"),
        stop -> trapThread(stop).goroutine().map(g -> g.goid() == 1).orElse(false), "main.ready", function);
  }

  private static ThreadG trapThread(LiveStop stop) {
    return stop.lister().threads().stream().filter(t -> t.regs().tid() == stop.trapTid).findFirst().orElseThrow();
  }

  @Test
  void theHandlerFramesThenTheInterruptedLoop() {
    for (GoBuild build : List.of(GoBuild.fixture(NAME), GoBuild.fixture(NAME).optimized())) {
      try (LiveStop stop = run(build, "runtime.sighandler")) {
        GoroutineLister lister = stop.lister();
        ThreadG thread = trapThread(stop);
        assertTrue(thread.systemStack(), "the handler runs on gsignal");
        assertEquals(0, thread.current().orElseThrow().goid());
        assertEquals(1, thread.goroutine().orElseThrow().goid(), "SIGURG preempts main");
        Goroutine main = lister.find(1).orElseThrow();
        assertTrue(main.systemStack());
        assertEquals("runtime.sighandler", main.current().functionName());

        List<StackFrame> stack = lister.stacktrace(main.g(), 100);
        List<String> names = stack.stream().map(StackFrame::function).toList();
        List<String> expected = new ArrayList<>(List.of("runtime.sighandler", "runtime.sigtrampgo",
            "runtime.sigtramp"));
        expected.addAll(USER);
        assertEquals(expected, names, build + ": " + stack);
        assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
        assertTrue(stack.subList(0, 3).stream().allMatch(StackFrame::systemStack));
        assertTrue(stack.subList(3, stack.size()).stream().noneMatch(StackFrame::systemStack));

        // The signal frame is where sigtrampgo's ctx and info arguments point, and holds SIGURG.
        StackFrame sigtrampgo = stack.get(1);
        long ucontext = stack.get(2).cfa();
        assertEquals(ucontext, stop.memory.readLong(sigtrampgo.cfa() + 16), "ctx");
        assertEquals(ucontext + UCONTEXT_SIZE, stop.memory.readLong(sigtrampgo.cfa() + 8), "info");
        assertEquals(SIGURG, (int) stop.memory.readLong(sigtrampgo.cfa()), "sig");
        assertEquals(SIGURG, (int) stop.memory.readLong(ucontext + UCONTEXT_SIZE), "si_signo");

        // The interrupted instruction itself is the loop's position, not pc - 1.
        StackFrame spin = stack.get(3);
        assertEquals(stop.memory.readLong(ucontext + 168), spin.pc(), "rip");
        assertEquals(stop.memory.readLong(ucontext + 160), spin.sp(), "rsp");
        assertTrue(Set.of(SRC.line("for"), SRC.line("loop")).contains(spin.location().line()), spin.toString());
        assertEquals(SRC.line("callspin"), stack.get(4).location().line());
        for (StackFrame f : stack.subList(3, stack.size())) {
          assertEquals(f.cfa() - main.g().stackHi(), f.frameOffset());
        }
        assertEquals(stack.get(0).cfa(), stack.get(0).frameOffset(), "absolute on the signal stack");
        assertEquals("main.spin", main.user().functionName());
        assertEquals(spin.location().line(), main.user().line());

        // The thread's stack is the goroutine's.
        assertEquals(stack, lister.unwinder().stacktrace(StackStart.ofThread(thread), 100));
      }
    }
  }

  @Test
  void theInterruptedPositionIsWhatAddr2lineSays() {
    try (LiveStop stop = run(GoBuild.fixture(NAME), "runtime.sighandler")) {
      List<StackFrame> stack = stop.lister().stacktrace(stop.lister().find(1).orElseThrow().g(), 100);
      StackFrame spin = stack.get(3);
      List<String> oracle = GoTools.addr2line(stop.binary.path(), new long[] {spin.pc()});
      assertEquals(spin.function() + "\n" + spin.location().file() + ":" + spin.location().line(), oracle.get(0));
    }
  }

  @Test
  void atSigtrampsEntryTheThreadIsOnTheSignalStackBeforeItsGSwitches() {
    try (LiveStop stop = run(GoBuild.fixture(NAME), "runtime.sigtramp")) {
      ThreadG thread = trapThread(stop);
      assertTrue(thread.systemStack(), "the kernel switched to the signal stack; g is still main's");
      assertEquals(0, thread.current().orElseThrow().goid(), "the stack is gsignal's");
      assertEquals(1, thread.goroutine().orElseThrow().goid());
      List<StackFrame> stack = stop.lister().stacktrace(thread.goroutine().get(), 100);
      List<String> expected = new ArrayList<>(List.of("runtime.sigtramp"));
      expected.addAll(USER);
      assertEquals(expected, stack.stream().map(StackFrame::function).toList(), stack.toString());
      assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
      assertTrue(stack.get(0).systemStack());
      assertFalse(stack.get(1).systemStack());
      assertEquals(stop.trapThread().sp() + 8, stack.get(0).cfa(), "the ucontext follows the return address");
      assertEquals(stop.entry("runtime.sigreturn__sigaction"), stop.memory.readLong(stop.trapThread().sp()),
          "sigtramp returns to the restorer");
    }
  }
}
