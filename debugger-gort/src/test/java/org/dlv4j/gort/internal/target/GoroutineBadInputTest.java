package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Event;
import org.dlv4j.api.GoroutinesRequest;
import org.dlv4j.api.NoSuchFrameException;
import org.dlv4j.api.NoSuchGoroutineException;
import org.dlv4j.api.NoSuchThreadException;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.api.TargetDetachedException;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.api.TargetRunningException;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad requests to the goroutine and stack API are typed exceptions that leave the state as it
 * was: unknown goroutines, threads and frames, depths and indexes out of range, and a target
 * that runs, has exited or is detached.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class GoroutineBadInputTest {
  private static final long NO_GOROUTINE = 987_654;
  private static final int NO_THREAD = 1; // init's pid: never a thread of the target

  @Test
  void unknownGoroutinesThreadsAndFrames(
      @GoProgram(value = "goroutines-states", args = {"states", "/dev/null"},
          env = "GOGC=off") Target target) {
    DebuggerState stop = StatesStop.runToStop(target);
    int pid = target.pid();

    assertEquals(Optional.empty(), target.goroutine(NO_GOROUTINE));
    assertEquals(Optional.empty(), target.goroutine(0), "goroutine ids start at 1");
    NoSuchGoroutineException e = assertThrows(NoSuchGoroutineException.class,
        () -> target.stacktrace(NO_GOROUTINE, 10, false));
    assertEquals("unknown goroutine " + NO_GOROUTINE + " in process " + pid, e.getMessage());
    assertEquals(NO_GOROUTINE, e.goroutineId());
    assertEquals(pid, e.pid());
    assertEquals(NO_GOROUTINE, assertThrows(NoSuchGoroutineException.class,
        () -> target.stacktraces(List.of(1L, NO_GOROUTINE), 10, false)).goroutineId());
    assertThrows(NoSuchGoroutineException.class, () -> target.frame(NO_GOROUTINE, 0));
    assertThrows(NoSuchGoroutineException.class, () -> target.switchGoroutine(NO_GOROUTINE));

    NoSuchFrameException f = assertThrows(NoSuchFrameException.class, () -> target.frame(1, 5));
    assertEquals(5, f.frame());
    assertEquals(5, f.depth(), "stopHere, states, main, runtime.main, goexit");
    assertEquals("frame 5 does not exist in goroutine 1 of process " + pid
        + ": its stack has 5 frames", f.getMessage());
    assertEquals(5, assertThrows(NoSuchFrameException.class,
        () -> target.frame(1, Integer.MAX_VALUE)).depth());

    NoSuchThreadException t = assertThrows(NoSuchThreadException.class,
        () -> target.switchThread(NO_THREAD));
    assertEquals("no thread " + NO_THREAD + " in process " + pid, t.getMessage());
    assertThrows(NoSuchThreadException.class, () -> target.threadStacktrace(NO_THREAD, 10, true));

    int tid = stop.currentThread().orElseThrow().id();
    for (int depth : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertEquals("depth must be positive: " + depth, assertThrows(
          IllegalArgumentException.class, () -> target.stacktrace(1, depth, false))
          .getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> target.stacktraces(List.of(1L), depth, false));
      assertThrows(IllegalArgumentException.class,
          () -> target.threadStacktrace(tid, depth, false));
    }
    assertEquals("frame index must not be negative: -1", assertThrows(
        IllegalArgumentException.class, () -> target.frame(1, -1)).getMessage());
    assertThrows(NullPointerException.class, () -> target.goroutines(null));
    assertThrows(NullPointerException.class, () -> target.stacktraces(null, 10, false));

    assertEquals(stop, target.state(), "failed requests change nothing");
    assertEquals(5, target.stacktrace(1, Integer.MAX_VALUE, false).size());
  }

  @Test
  void anExitedTarget(@GoProgram(value = "goroutines-api-panic", pipeOutput = true)
      Target target) {
    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
    int tid = target.pid();

    for (Executable call : everyCall(target, tid)) {
      TargetExitedException e = assertThrows(TargetExitedException.class, call);
      assertEquals(0, e.exitStatus());
      assertEquals(target.pid(), e.pid());
    }
  }

  @Test
  void aDetachedTarget(@GoProgram(value = "goroutines-api-panic", pipeOutput = true)
      Target target) {
    int tid = target.pid();
    target.detach();

    for (Executable call : everyCall(target, tid)) {
      assertThrows(TargetDetachedException.class, call);
    }
  }

  @Test
  void aRunningTarget(@GoProgram(value = "engine-spin", pipeOutput = true) Target target)
      throws Exception {
    int tid = target.pid();
    EventLog log = new EventLog();
    target.addListener(log);
    CompletableFuture<DebuggerState> running = CompletableFuture.supplyAsync(target::resume);
    log.awaitEvent(Event.Output.class); // "ready": the runtime is up, main is in its loop
    assertTrue(target.state().running());

    for (Executable call : everyCall(target, tid)) {
      assertThrows(TargetRunningException.class, call);
    }

    target.halt();
    DebuggerState stopped = running.get(10, TimeUnit.SECONDS);
    assertEquals(new StopReason.Manual(), stopped.stopReason().orElseThrow());
    assertTrue(target.goroutines().stream().anyMatch(g -> g.id() == 1),
        "and listed once stopped");
  }

  /** Returns a call of each goroutine and stack method, with valid arguments. */
  private static List<Executable> everyCall(Target target, int tid) {
    return List.of(
        () -> target.goroutines(GoroutinesRequest.all()),
        () -> target.goroutine(1),
        () -> target.stacktrace(1, 10, true),
        () -> target.stacktraces(List.of(1L), 10, true),
        () -> target.threadStacktrace(tid, 10, true),
        () -> target.frame(1, 0),
        () -> target.switchThread(tid),
        () -> target.switchGoroutine(1));
  }
}
