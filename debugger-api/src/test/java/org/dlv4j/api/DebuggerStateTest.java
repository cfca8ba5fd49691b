package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DebuggerStateTest {
  private static final StopReason HIT = new StopReason.BreakpointHit();
  private static final Location NOWHERE = new Location(0, "", 0, Optional.empty());
  private static final Goroutine GOROUTINE = new Goroutine(7, 2, 0, "running",
      OptionalInt.empty(), NOWHERE, NOWHERE, NOWHERE, NOWHERE, java.util.Map.of(), false,
      Optional.empty());

  private static DebuggerState stopped(StopReason reason, Thread current, Thread... threads) {
    return new DebuggerState(100, Optional.of(reason), Optional.ofNullable(current),
        List.of(threads), Optional.empty(), false);
  }

  @Test
  void runningState() {
    DebuggerState state = DebuggerState.running(100);

    assertTrue(state.running());
    assertFalse(state.exited());
    assertEquals(OptionalInt.empty(), state.exitStatus());
    assertEquals(List.of(), state.threads());
    assertEquals(Optional.empty(), state.currentThread());
  }

  @Test
  void exitedState() {
    DebuggerState code = DebuggerState.exited(100, new StopReason.Exited(3, OptionalInt.empty()));
    DebuggerState killed = DebuggerState.exited(100, new StopReason.Exited(137, OptionalInt.of(9)));

    assertTrue(code.exited());
    assertFalse(code.running());
    assertEquals(OptionalInt.of(3), code.exitStatus());
    assertEquals(OptionalInt.of(137), killed.exitStatus());
  }

  @Test
  void stoppedStateFindsThreadsAndBreakpoints() {
    Breakpoint one = BreakpointTest.breakpoint(1, 0x10);
    Breakpoint two = BreakpointTest.breakpoint(2, 0x10);
    Thread a = new FakeThread(5, 0x10, List.of(one, two));
    Thread b = new FakeThread(6);
    Thread c = new FakeThread(7, 0x10, List.of(two));
    DebuggerState state = stopped(HIT, a, a, b, c);

    assertFalse(state.running());
    assertFalse(state.exited());
    assertEquals(OptionalInt.empty(), state.exitStatus());
    assertEquals(Optional.of(b), state.thread(6));
    assertEquals(Optional.empty(), state.thread(8));
    assertEquals(List.of(a, c), state.threadsAtBreakpoints());
    assertEquals(List.of(one, two), state.breakpointsHit());
    assertEquals(List.of(), stopped(new StopReason.Manual(), b, b).breakpointsHit());
  }

  @Test
  void threadsAreCopiedAndUnmodifiable() {
    List<Thread> threads = new ArrayList<>(List.of(new FakeThread(1)));
    DebuggerState state = new DebuggerState(100, Optional.of(HIT), Optional.empty(), threads,
        Optional.empty(), false);
    threads.add(new FakeThread(2));

    assertEquals(1, state.threads().size());
    assertThrows(UnsupportedOperationException.class, () -> state.threads().clear());
  }

  @Test
  void rejectsInconsistentStates() {
    Thread a = new FakeThread(5);
    Thread b = new FakeThread(6);

    assertEquals("threads must be ascending by id: [6, 5]",
        assertThrows(IllegalArgumentException.class, () -> stopped(HIT, null, b, a))
            .getMessage());
    assertEquals("threads must be ascending by id: [5, 5]",
        assertThrows(IllegalArgumentException.class, () -> stopped(HIT, null, a, a))
            .getMessage());
    assertEquals("current thread 6 is not among the threads [5]",
        assertThrows(IllegalArgumentException.class, () -> stopped(HIT, b, a)).getMessage());
    assertEquals("a running state has no threads and no selected goroutine",
        assertThrows(IllegalArgumentException.class, () -> new DebuggerState(1, Optional.empty(),
            Optional.empty(), List.of(a), Optional.empty(), false)).getMessage());
    assertEquals("an exited state has no threads and no selected goroutine",
        assertThrows(IllegalArgumentException.class, () -> new DebuggerState(1,
            Optional.of(new StopReason.Exited(0, OptionalInt.empty())), Optional.empty(),
            List.of(), Optional.of(GOROUTINE), false)).getMessage());
    assertEquals("pid must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> DebuggerState.running(0))
            .getMessage());
    assertEquals("selectedGoroutine is null", assertThrows(NullPointerException.class,
        () -> new DebuggerState(1, Optional.of(HIT), Optional.empty(), List.of(a), null, false))
        .getMessage());
    assertEquals("threads[0] is null", assertThrows(NullPointerException.class,
        () -> new DebuggerState(1, Optional.of(HIT), Optional.empty(),
            java.util.Arrays.asList((Thread) null), Optional.empty(), false)).getMessage());
  }
}
