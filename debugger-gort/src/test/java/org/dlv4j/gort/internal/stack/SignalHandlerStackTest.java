package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.junit.GoAddr2line;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.spi.ThreadBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stacks of a thread stopped in the Go signal handler on its gsignal stack while the main
 * goroutine's loop was interrupted by a signal (sysmon's SIGURG preemption, or the CPU
 * profiler's SIGPROF): the handler frames, then, from the registers the kernel saved in the
 * signal frame, the interrupted function at the interrupted instruction and its callers on the
 * goroutine stack. The runtime's own arguments are the oracle: each stop is at a function's
 * entry, where its register arguments are still live ({@code sigtramp(sig, info, ctx)} in
 * rdi/rsi/rdx, {@code sighandler(sig, info, ctxt, gp)} and {@code sigprof(pc, sp, lr, gp, mp)}
 * in rax/rbx/rcx/...), and {@code sigtrampgo} spilled its arguments to their stack slots.
 */
class SignalHandlerStackTest {
  private static final String NAME = "sigtramp-preempt";
  private static final Markers SRC = new Markers(NAME, "main.go");
  private static final int SIGURG = 23;
  private static final int SIGPROF = 27;
  /** sizeof(struct ucontext) on linux/amd64: the siginfo follows it in the kernel's rt_sigframe. */
  private static final int UCONTEXT_SIZE = 304;
  /** A restorer's code, the runtime's and glibc's alike: {@code mov $15, %rax; syscall} (rt_sigreturn). */
  private static final byte[] RT_SIGRETURN = {0x48, (byte) 0xc7, (byte) 0xc0, 0x0f, 0, 0, 0, 0x0f, 0x05};
  private static final int RIP = 168;
  private static final int RSP = 160;
  private static final int RAX = 0;
  private static final int RDX = 1;
  private static final int RCX = 2;
  private static final int RBX = 3;
  private static final List<String> HANDLER = List.of("runtime.sighandler", "runtime.sigtrampgo", "runtime.sigtramp");
  private static final List<String> USER = List.of("main.spin", "main.main", "runtime.main", "runtime.goexit");
  /** Where main's loop can be interrupted: in it (spin is inlined in optimized builds), or in the call a SIGURG injected. */
  private static final Set<String> LOOP = Set.of("main.spin", "main.main", "runtime.asyncPreempt");

  /**
   * Runs the fixture to main.ready (main spins by then), then to {@code function} until it is
   * main's thread that stops there, interrupted in its loop: sysmon also preempts the goroutine
   * stopped in main.ready, and a signal can come while main is being rescheduled.
   */
  private static LiveStop run(GoBuild build, List<String> args, String function, int pcArgument, int pcOffset) {
    return LiveStop.runUntil(build.build(), args, Map.of("GOMAXPROCS", "2", "GOGC", "off"), stop -> {
      if (!trapThread(stop).goroutine().map(g -> g.goid() == 1).orElse(false)) {
        return false;
      }
      long pc = pcOffset < 0 ? register(stop, pcArgument) : stop.memory.readLong(register(stop, pcArgument) + pcOffset);
      int fi = stop.rt.code().funcIndex(pc);
      return fi >= 0 && LOOP.contains(stop.rt.code().name(fi));
    }, "main.ready", function);
  }

  private static ThreadG trapThread(LiveStop stop) {
    return stop.lister().threads().stream().filter(t -> t.regs().tid() == stop.trapTid).findFirst().orElseThrow();
  }

  /** Reads a register of the thread that hit the breakpoint, by DWARF number. */
  private static long register(LiveStop stop, int dwarf) {
    return stop.process.onTracer(() -> {
      ThreadBackend t = stop.process.threads().stream().filter(x -> x.tid() == stop.trapTid).findFirst().orElseThrow();
      return t.registers().dwarfValue(dwarf).orElseThrow();
    });
  }

  /** The frames expected after {@code handler}: asyncPreempt if the signal came in it, then main's. */
  private static List<String> expected(List<String> handler, List<StackFrame> stack) {
    List<String> names = new ArrayList<>(handler);
    if (stack.size() > handler.size() && "runtime.asyncPreempt".equals(stack.get(handler.size()).function())) {
      names.add("runtime.asyncPreempt");
    }
    names.addAll(USER);
    return names;
  }

  private static StackFrame spin(List<StackFrame> stack) {
    return stack.stream().filter(f -> "main.spin".equals(f.function())).findFirst().orElseThrow();
  }

  private static void assertInLoop(StackFrame spin) {
    assertTrue(Set.of(SRC.line("for"), SRC.line("loop")).contains(spin.location().line()), spin.toString());
  }

  @Test
  void theHandlerFramesThenTheInterruptedLoop() {
    for (GoBuild build : List.of(GoBuild.fixture(NAME), GoBuild.fixture(NAME).optimized())) {
      try (LiveStop stop = run(build, List.of(), "runtime.sighandler", RCX, RIP)) {
        GoroutineLister lister = stop.lister();
        ThreadG thread = trapThread(stop);
        assertTrue(thread.systemStack(), "the handler runs on gsignal");
        assertEquals(0, thread.current().orElseThrow().goid());
        Goroutine main = lister.find(1).orElseThrow();
        assertTrue(main.systemStack());
        assertEquals("runtime.sighandler", main.current().functionName());
        assertEquals(SIGURG, (int) register(stop, RAX), "sighandler's sig");

        List<StackFrame> stack = lister.stacktrace(main.g(), 100);
        List<String> names = stack.stream().map(StackFrame::function).toList();
        assertEquals(expected(HANDLER, stack), names, build + ": " + stack);
        assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
        assertTrue(stack.subList(0, 3).stream().allMatch(StackFrame::systemStack));
        assertTrue(stack.subList(3, stack.size()).stream().noneMatch(StackFrame::systemStack));

        // The signal frame above sigtramp is the ucontext the runtime was given.
        long ucontext = stack.get(2).cfa();
        assertEquals(register(stop, RCX), ucontext, "sighandler's ctxt");
        StackFrame sigtrampgo = stack.get(1);
        assertEquals(ucontext, stop.memory.readLong(sigtrampgo.cfa() + 16), "sigtrampgo's ctx");
        assertEquals(ucontext + UCONTEXT_SIZE, stop.memory.readLong(sigtrampgo.cfa() + 8), "sigtrampgo's info");
        assertEquals(register(stop, RBX), ucontext + UCONTEXT_SIZE, "sighandler's info");
        assertEquals(SIGURG, (int) stop.memory.readLong(ucontext + UCONTEXT_SIZE), "si_signo");

        // The interrupted instruction itself is the first frame's position, not pc - 1.
        StackFrame interrupted = stack.get(3);
        assertEquals(stop.memory.readLong(ucontext + RIP), interrupted.pc(), "rip");
        assertEquals(stop.memory.readLong(ucontext + RSP), interrupted.sp(), "rsp");
        assertInLoop(spin(stack));
        assertEquals(SRC.line("callspin"), stack.get(names.indexOf("main.main")).location().line());
        for (StackFrame f : stack.subList(3, stack.size())) {
          assertEquals(f.cfa() - main.g().stackHi(), f.frameOffset());
        }
        assertEquals(stack.get(0).cfa(), stack.get(0).frameOffset(), "absolute on the signal stack");
        assertEquals("main.spin", main.user().functionName());
        assertEquals(spin(stack).location().line(), main.user().line());

        // The thread's stack is the goroutine's.
        assertEquals(stack, lister.unwinder().stacktrace(StackStart.ofThread(thread), 100));
      }
    }
  }

  @Test
  void theInterruptedPositionIsWhatAddr2lineSays() {
    try (LiveStop stop = run(GoBuild.fixture(NAME), List.of(), "runtime.sighandler", RCX, RIP)) {
      List<StackFrame> stack = stop.lister().stacktrace(stop.lister().find(1).orElseThrow().g(), 100);
      StackFrame interrupted = stack.get(3);
      assertEquals(GoAddr2line.position(stop.binary.path(), interrupted.pc()),
          new GoAddr2line.Position(interrupted.function(), interrupted.location().file(),
              interrupted.location().line()));
    }
  }

  /**
   * At the entry of the handler the kernel called: sigtramp, or in a binary with runtime/cgo
   * (external linking brings it in) cgoSigtramp, a frameless trampoline jumping to sigtramp.
   */
  @ParameterizedTest
  @ValueSource(strings = {"runtime.sigtramp", "runtime.cgoSigtramp"})
  void atTheHandlersEntryTheThreadIsOnTheSignalStackBeforeItsGSwitches(String handler) {
    GoBuild build = handler.equals("runtime.sigtramp") ? GoBuild.fixture(NAME)
        : GoBuild.fixture(NAME).env("CGO_ENABLED", "1").flags("-ldflags=-linkmode=external");
    try (LiveStop stop = run(build, List.of(), handler, RDX, RIP)) {
      ThreadG thread = trapThread(stop);
      assertTrue(thread.systemStack(), "the kernel switched to the signal stack; g is still main's");
      assertEquals(0, thread.current().orElseThrow().goid(), "the stack is gsignal's");
      assertEquals(1, thread.goroutine().orElseThrow().goid());
      List<StackFrame> stack = stop.lister().stacktrace(thread.goroutine().get(), 100);
      assertEquals(expected(List.of(handler), stack), stack.stream().map(StackFrame::function).toList(), stack.toString());
      assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
      assertTrue(stack.get(0).systemStack());
      assertFalse(stack.get(1).systemStack());
      assertEquals(register(stop, RDX), stack.get(0).cfa(), "the handler's ctx: the ucontext follows the return address");
      long restorer = stop.memory.readLong(stop.trapThread().sp());
      byte[] code = new byte[RT_SIGRETURN.length];
      stop.memory.readFully(restorer, code, 0, code.length);
      assertArrayEquals(RT_SIGRETURN, code, "the handler returns to a restorer");
      if (handler.equals("runtime.sigtramp")) { // with cgo, the runtime's sigaction goes through libc's
        assertEquals(stop.entry("runtime.sigreturn__sigaction"), restorer, "the runtime's own restorer");
      }
      assertInLoop(spin(stack));
    }
  }

  @Test
  void aProfilingSignalShowsTheFramesTheProfilerRecords() {
    try (LiveStop stop = run(GoBuild.fixture(NAME), List.of("profile"), "runtime.sigprof", RAX, -1)) {
      List<StackFrame> stack = stop.lister().stacktrace(trapThread(stop).goroutine().orElseThrow(), 100);
      List<String> handler = new ArrayList<>(List.of("runtime.sigprof"));
      handler.addAll(HANDLER);
      assertEquals(expected(handler, stack), stack.stream().map(StackFrame::function).toList(), stack.toString());
      assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
      assertEquals(SIGPROF, (int) stop.memory.readLong(stack.get(2).cfa()), "sigtrampgo's sig");
      // sigprof(pc, sp, lr, gp, mp) received the interrupted pc and sp.
      StackFrame interrupted = stack.get(4);
      assertEquals(register(stop, RAX), interrupted.pc(), "pc");
      assertEquals(register(stop, RBX), interrupted.sp(), "sp");
      assertInLoop(spin(stack));
    }
  }
}
