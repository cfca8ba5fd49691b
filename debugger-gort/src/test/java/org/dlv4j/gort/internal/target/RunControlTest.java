package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dlv4j.api.BreakpointOptions;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Event;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.api.TargetRunningException;
import org.dlv4j.api.Thread;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signals, many threads at one breakpoint, halting, and what may run while resume() blocks. */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class RunControlTest {
  @Test
  void signalsTheProgramHandlesArePassedOnWithoutStopping(
      @GoProgram(value = "engine-signal", pipeOutput = true) Target target) throws Exception {
    EventLog log = new EventLog();
    target.addListener(log);

    DebuggerState end = target.resume();

    assertEquals(OptionalInt.of(0), end.exitStatus());
    log.awaitEvent(Event.Exited.class);
    assertEquals("got 3 signals\n", log.output(Event.Output.Stream.STDOUT));
    assertEquals(List.of("Resumed", "Output", "Exited"), log.kinds());
  }

  @Test
  void aBreakpointCompiledIntoTheProgramIsReportedAndPassedOver(
      @GoProgram(value = "engine-hardcoded", pipeOutput = true) Target target) throws Exception {
    long breakpoint = GoNm.address(target.executable(), "runtime.breakpoint.abi0", "Tt");
    EventLog log = new EventLog();
    target.addListener(log);

    DebuggerState state = target.resume();

    assertEquals(new StopReason.HardcodedBreakpoint(), state.stopReason().orElseThrow());
    Thread current = state.currentThread().orElseThrow();
    assertEquals(breakpoint + 1, current.pc()); // after the INT3, as Delve reports it
    assertEquals(List.of(), state.threadsAtBreakpoints());
    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
    log.awaitEvent(Event.Exited.class);
    assertEquals("after\n", log.output(Event.Output.Stream.STDOUT));
  }

  @Test
  void everyThreadAtTheBreakpointIsReportedWhenSeveralHitAtOnce(
      @GoProgram(value = "engine-goroutines", pipeOutput = true) Target target) {
    long hit = GoNm.address(target.executable(), "main.hit", "Tt");
    target.createBreakpoint(BreakpointSpec.atAddress(hit));
    int most = 0;
    long counted = 0;
    for (int resume = 0; resume < 20 && most < 2; resume++) {
      DebuggerState state = target.resume();
      assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
      List<Thread> at = state.threadsAtBreakpoints();
      for (Thread t : at) {
        assertEquals(hit, t.pc());
        assertEquals(List.of(1), t.breakpoints().stream().map(b -> b.id()).toList());
      }
      assertTrue(at.contains(state.currentThread().orElseThrow()));
      most = Math.max(most, at.size());
      counted += at.size();
      assertEquals(counted, target.breakpoint(1).orElseThrow().totalHitCount());
    }
    assertTrue(most > 1, "never more than one thread at the breakpoint in 20 stops");
  }

  @Test
  void anOrdinaryBreakpointSeesEveryPassOfEveryThread(
      @GoProgram(value = "engine-goroutines", args = "300", pipeOutput = true) Target target) {
    target.createBreakpoint(BreakpointSpec.atFunction("main.hit"));
    long reported = 0;
    DebuggerState state = target.resume();
    while (!state.exited()) {
      reported += state.threadsAtBreakpoints().size();
      state = target.resume();
    }

    assertEquals(OptionalInt.of(0), state.exitStatus());
    assertEquals(4 * 300, reported);
    assertEquals(4 * 300, target.breakpoint(1).orElseThrow().totalHitCount());
  }

  @Test
  void haltStopsABusyLoopWhileAnotherThreadBlocksInResume(
      @GoProgram(value = "engine-spin", pipeOutput = true) Target target) throws Exception {
    CompletableFuture<DebuggerState> running = CompletableFuture.supplyAsync(target::resume);
    awaitRunning(target);
    assertTrue(target.state().running());
    assertThrows(TargetRunningException.class, () -> target.readMemory(0x400000, 1));
    assertThrows(TargetRunningException.class, target::resume);
    assertEquals(List.of(), target.breakpoints());

    target.halt();
    DebuggerState stopped = running.get(10, TimeUnit.SECONDS);

    assertEquals(new StopReason.Manual(), stopped.stopReason().orElseThrow());
    assertTrue(stopped.threads().size() > 1, stopped.threads().toString());
    assertEquals(List.of(), stopped.threadsAtBreakpoints());
    assertEquals(stopped, target.state());
  }

  @Test
  void haltStopsALoopThatHitsATracepointAllTheTime(
      @GoProgram(value = "engine-spin", pipeOutput = true) Target target) throws Exception {
    target.createBreakpoint(BreakpointSpec.atFunction("main.tick")
        .withOptions(BreakpointOptions.NONE.withTracepoint(true)));
    long hits = 0;
    for (int round = 0; round < 30; round++) { // the halt may reach a thread mid-step
      CompletableFuture<DebuggerState> running = CompletableFuture.supplyAsync(target::resume);
      while (!target.state().running()) {
        java.lang.Thread.sleep(1);
      }
      java.lang.Thread.sleep(round % 5);
      target.halt();
      DebuggerState stopped = running.get(10, TimeUnit.SECONDS);
      assertEquals(new StopReason.Manual(), stopped.stopReason().orElseThrow());
      long now = target.breakpoint(1).orElseThrow().totalHitCount();
      assertTrue(now >= hits, now + " < " + hits);
      hits = now;
    }
    assertTrue(hits > 0);
  }

  @Test
  void aLateHaltDoesNotStopTheNextRun(
      @GoProgram(value = "engine-basic", args = "loops=2", pipeOutput = true) Target target) {
    long work = GoNm.address(target.executable(), "main.work", "Tt");
    target.createBreakpoint(BreakpointSpec.atAddress(work));
    target.resume();
    target.halt(); // the target is stopped: nothing to do

    DebuggerState state = target.resume();

    assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
    assertEquals(2, target.breakpoint(1).orElseThrow().totalHitCount());
  }

  @Test
  void killWhileRunningEndsTheResumeWithStatus137(
      @GoProgram(value = "engine-spin", pipeOutput = true) Target target) throws Exception {
    EventLog log = new EventLog();
    target.addListener(log);
    CompletableFuture<DebuggerState> running = CompletableFuture.supplyAsync(target::resume);
    awaitRunning(target);

    target.kill();
    DebuggerState end = running.get(10, TimeUnit.SECONDS);

    assertEquals(DebuggerState.exited(target.pid(), new StopReason.Exited(137,
        OptionalInt.of(9))), end);
    log.awaitEvent(Event.Exited.class);
    assertEquals(List.of("Resumed", "Output", "Exited"), log.kinds());
  }

  @Test
  void deathByASignalFromOutsideIsAnExitWithThatSignal(
      @GoProgram(value = "engine-spin", pipeOutput = true) Target target) throws Exception {
    EventLog log = new EventLog();
    target.addListener(log);
    CompletableFuture<DebuggerState> running = CompletableFuture.supplyAsync(target::resume);
    awaitRunning(target);

    Command.output("kill", "-TERM", Integer.toString(target.pid()));
    DebuggerState end = running.get(10, TimeUnit.SECONDS);

    // Go's runtime handles SIGTERM by re-raising it with the default action: both deliveries
    // pass through the debugger, and the process dies of the signal.
    assertEquals(DebuggerState.exited(target.pid(), new StopReason.Exited(143,
        OptionalInt.of(15))), end);
    log.awaitEvent(Event.Exited.class);
    assertEquals(new Event.Exited(target.pid(), 143, OptionalInt.of(15)),
        log.events().get(log.events().size() - 1));
  }

  @Test
  void detachWhileRunningFailsThePendingResume(
      @GoProgram(value = "engine-spin", pipeOutput = true) Target target) throws Exception {
    EventLog log = new EventLog();
    target.addListener(log);
    CompletableFuture<DebuggerState> running = CompletableFuture.supplyAsync(target::resume);
    awaitRunning(target);

    target.detach();

    Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> running.get(10, TimeUnit.SECONDS)).getCause();
    assertEquals("cannot continue: detached from process " + target.pid(), e.getMessage());
    assertEquals(List.of("Resumed", "Output", "Exited", "Detached"), log.kinds());
  }

  /** Waits until resume() has started: the ready line is out and the state is running. */
  private static void awaitRunning(Target target) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!target.state().running()) {
      assertTrue(System.nanoTime() < deadline, "resume() did not start");
      java.lang.Thread.sleep(5);
    }
    java.lang.Thread.sleep(200); // let the program reach its loop
  }
}
