package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Location;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoProgram;
import org.dlv4j.junit.ProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code step} on a line with a go statement (testdata/gostep): it stops after the prologue of
 * the function the new goroutine runs, through the wrappers the compiler made for the
 * statement, with the new goroutine selected, as Delve's step does; {@code next} stays in the
 * stepping goroutine. Where Delve stops in a wrapper it cannot see through (a closure with
 * arguments or a method value called through a func value, a private runtime function) the
 * expectation follows the {@link Target#step()} contract: into the closure or method, and over
 * the go statement when the goroutine runs no code step enters.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class GoStatementSteppingTest {
  static final String MAIN_GO = GoBuild.testdataRoot().resolve("gostep/main.go").toString();

  @Test
  void stepOnAGoStatementStopsInTheNewGoroutineAndNextGoesOnThere(
      @GoProgram("gostep") Target target) {
    SteppingTest.stopIn(target, "main.goCall", 59);
    assertEquals(List.of("main.goCall:60", "main.goCall:61"), steps(target, "n n"));
    Set<Long> before = goroutineIds(target);

    DebuggerState started = target.step();

    assertEquals("main.work:33", where(started));
    long goroutine = assertInNewGoroutine(target, started, before, 61);
    Breakpoint probe = target.createBreakpoint(BreakpointSpec.atLine(MAIN_GO, 62));
    long line62 = probe.addrs().get(0);
    target.clearBreakpoint(probe.id());
    assertArrayEquals(GoTools.fileText(target.executable(), line62, 1),
        ProcFs.memory(target.pid(), line62, 1), "the original step's breakpoint is gone");
    assertEquals(List.of("main.work:34", "main.work:35"), steps(target, "n n"));
    assertEquals(goroutine, target.state().selectedGoroutine().orElseThrow().id());
    assertEquals(0, target.resume().exitStatus().orElseThrow());
  }

  /** A go statement and where step stops in the new goroutine: function:line or file:line. */
  private record Form(int goLine, String stop) {
  }

  @Test
  void stepFollowsEveryFormOfTheGoStatementThroughItsWrappers(
      @GoProgram("gostep") Target target) {
    List<Form> forms = List.of(
        new Form(61, "main.work:33"), // go work(1): main.goCall.gowrap1 calls it
        new Form(67, "main.idle:38"), // go idle(): no wrapper
        new Form(73, "main.goClosure.func1:73"), // go func() {...}(): the closure itself
        new Form(82, "main.goClosureArgs.func1:82"), // gowrap1 calls the closure indirectly
        new Form(92, "main.(*Worker).Run:23"), // go w.Run(4): gowrap1 calls the method
        new Form(99, "main.(*Worker).Tick:28"), // go w.Tick(): gowrap1 calls the method
        new Form(107, "main.(*Worker).Run:23"), // go run(5): gowrap1 calls Run-fm indirectly
        new Form(113, "main.pair[go.shape.int]:43"), // gowrap1 calls the shaped body
        new Form(138, "main.work:33")); // go work(i) in a loop: its first goroutine
    for (Form form : forms) {
      runTo(target, form.goLine());
      Set<Long> before = goroutineIds(target);

      DebuggerState started = target.step();

      assertEquals(form.stop(), where(started), "step at line " + form.goLine());
      assertEquals(MAIN_GO, file(started));
      assertInNewGoroutine(target, started, before, form.goLine());
    }
    assertEquals(0, target.resume().exitStatus().orElseThrow());
  }

  @Test
  void inAnOptimizedBuildStepStopsWhereTheBodyInlinedIntoTheWrapperStarts(
      GoDebugSession session) {
    Target target = session.launch(LaunchSpec.of(GoBuild.fixture("gostep").optimized().build()));
    List<Form> forms = List.of(
        new Form(61, "main.go:34"), // work is inlined into main.goCall.gowrap1
        new Form(82, "main.go:83"), // the closure, into main.goClosureArgs.gowrap1
        new Form(92, "main.go:24"), // (*Worker).Run, into main.goMethod.gowrap1
        new Form(107, "main.go:24"), // (*Worker).Run, into the Run-fm that gowrap1 calls
        new Form(138, "main.go:34")); // work, into main.goLoop.gowrap1
    for (Form form : forms) {
      runTo(target, form.goLine());
      Set<Long> before = goroutineIds(target);

      DebuggerState started = target.step();

      assertEquals(MAIN_GO.replace("main.go", form.stop()), file(started) + ":" + line(started),
          "step at line " + form.goLine());
      assertInNewGoroutine(target, started, before, form.goLine());
    }
  }

  @Test
  void stepFollowsAGoStatementOfARuntimeFunction(@GoProgram("gostep") Target target) {
    runTo(target, 121);
    Set<Long> before = goroutineIds(target);

    DebuggerState gc = target.step(); // go runtime.GC(): exported runtime code has source

    assertEquals("runtime.GC:" + RuntimeSource.line("runtime/mgc.go", "func GC() {"), where(gc));
    assertEquals(RuntimeSource.file("runtime/mgc.go"), file(gc));
    assertInNewGoroutine(target, gc, before, 121);
  }

  @Test
  void stepFollowsAGoStatementOfAnAssemblyFunction(@GoProgram("gostep") Target target) {
    runTo(target, 129);
    Set<Long> before = goroutineIds(target);

    DebuggerState asm = target.step(); // go mark(): an ABI wrapper calls main.mark.abi0

    assertEquals("main.mark", asm.currentThread().orElseThrow().location().function()
        .orElseThrow().name(), "named as in Delve");
    String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
    assertEquals(MAIN_GO.replace("main.go", "mark_" + arch + ".s") + ":5",
        file(asm) + ":" + line(asm));
    assertInNewGoroutine(target, asm, before, 129);
  }

  @Test
  void stepOverAGoStatementOfPrivateRuntimeCodeStaysInTheGoroutine(
      @GoProgram("gostep") Target target) {
    runTo(target, 144);

    DebuggerState over = target.step(); // go nanotime(): gowrap1 calls runtime.nanotime only

    assertEquals("main.goPrivate:145", where(over));
    assertEquals(new StopReason.NextFinished(), over.stopReason().orElseThrow());
    assertEquals(1, over.selectedGoroutine().orElseThrow().id());
  }

  @Test
  void nextOnAGoStatementStaysInTheGoroutine(@GoProgram("gostep") Target target) {
    SteppingTest.stopIn(target, "main.goClosure", 71);

    assertEquals(List.of("main.goClosure:72", "main.goClosure:73", "main.goClosure:77"),
        steps(target, "n n n"));
    assertEquals(1, target.state().selectedGoroutine().orElseThrow().id());
  }

  /** Runs goroutine 1 to a line of main.go with a breakpoint, and removes the breakpoint. */
  private static void runTo(Target target, int line) {
    Breakpoint at = target.createBreakpoint(BreakpointSpec.atLine(MAIN_GO, line));
    DebuggerState hit = target.resume();
    assertEquals(new StopReason.BreakpointHit(), hit.stopReason().orElseThrow(), hit.toString());
    assertEquals(MAIN_GO + ":" + line, file(hit) + ":" + line(hit));
    assertEquals(1, hit.selectedGoroutine().orElseThrow().id());
    target.clearBreakpoint(at.id());
  }

  /**
   * Checks that a step ended in a goroutine that did not exist before it, created by the go
   * statement on {@code goLine}, selected and run by the current thread.
   *
   * @return the goroutine's id
   */
  private static long assertInNewGoroutine(Target target, DebuggerState state, Set<Long> before,
      int goLine) {
    assertEquals(new StopReason.NextFinished(), state.stopReason().orElseThrow());
    assertFalse(state.nextInProgress());
    long id = state.selectedGoroutine().orElseThrow().id();
    assertEquals(state.currentThread().orElseThrow().goroutineId(), id);
    assertFalse(before.contains(id), "goroutine " + id + " existed before the step: " + before);
    assertTrue(id != 1);
    Goroutine g = target.goroutine(id).orElseThrow();
    Location created = g.goStatementLocation();
    assertEquals(MAIN_GO + ":" + goLine, created.file() + ":" + created.line());
    return id;
  }

  /** Runs nexts (n) and steps (s), each a finished step; returns where each ended. */
  private static List<String> steps(Target target, String commands) {
    List<String> out = new ArrayList<>();
    for (String c : commands.split(" ")) {
      DebuggerState state = c.equals("s") ? target.step() : target.next();
      assertEquals(new StopReason.NextFinished(), state.stopReason().orElseThrow(),
          "after " + out + " " + c);
      assertFalse(state.nextInProgress());
      assertEquals(state.currentThread().orElseThrow().goroutineId(),
          state.selectedGoroutine().orElseThrow().id());
      out.add(where(state));
    }
    return out;
  }

  private static Set<Long> goroutineIds(Target target) {
    return target.goroutines().stream().map(Goroutine::id).collect(Collectors.toSet());
  }

  private static String where(DebuggerState state) {
    return SteppingTest.where(state);
  }

  private static int line(DebuggerState state) {
    return state.currentThread().orElseThrow().location().line();
  }

  private static String file(DebuggerState state) {
    return state.currentThread().orElseThrow().location().file();
  }
}
