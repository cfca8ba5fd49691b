package org.dlv4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;
import org.junit.jupiter.api.Test;

/** The wait loops against a scripted backend that records what it is asked to do. */
class BackendWaitsTest {
  private static final ThreadBackend T1 = thread(101);
  private static final ThreadBackend T2 = thread(102);

  private final List<String> calls = new ArrayList<>();

  @Test
  void nextTrapPassesSignalsBackAndSkipsThreadExits() {
    WaitEvent.Trap trap = new WaitEvent.Trap(T2, 0);
    ProcessBackend p = backend(new WaitEvent.Signal(T1, 23), new WaitEvent.ThreadExited(103), trap);
    assertSame(trap, BackendWaits.nextTrap(p));
    assertEquals(List.of("waitEvent", "resume 101 23", "waitEvent", "waitEvent"), calls);
  }

  @Test
  void nextTrapFailsOnTheEnd() {
    ProcessBackend p = backend(new WaitEvent.Exited(0));
    assertEquals("expected a trap, got Exited[status=0]",
        assertThrows(AssertionError.class, () -> BackendWaits.nextTrap(p)).getMessage());
  }

  @Test
  void runToEndResumesEverythingAndReturnsTheEnd() {
    ProcessBackend p = backend(new WaitEvent.Signal(T1, 10), new WaitEvent.Killed(9));
    assertEquals(new WaitEvent.Killed(9), BackendWaits.runToEnd(p));
    assertEquals(List.of("resumeAll", "waitEvent", "resume 101 10", "waitEvent"), calls);
  }

  @Test
  void runToEndFailsOnATrap() {
    ProcessBackend p = backend(new WaitEvent.Trap(T1, 0));
    assertThrows(AssertionError.class, () -> BackendWaits.runToEnd(p));
  }

  @Test
  void runUntilHaltReturnsTheFirstOtherEvent() {
    WaitEvent halt = new WaitEvent.HaltRequested(T2);
    ProcessBackend p = backend(new WaitEvent.ThreadExited(103), halt);
    assertSame(halt, BackendWaits.runUntilHalt(p));
    assertEquals(List.of("resumeAll", "waitEvent", "waitEvent"), calls);
  }

  /** A backend whose waitEvent returns {@code events} in turn and that records each call. */
  private ProcessBackend backend(WaitEvent... events) {
    Deque<WaitEvent> script = new ArrayDeque<>(List.of(events));
    return (ProcessBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ProcessBackend.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "waitEvent" -> {
              calls.add("waitEvent");
              return script.removeFirst();
            }
            case "resume" -> calls.add("resume " + ((ThreadBackend) args[0]).tid() + " " + args[1]);
            case "resumeAll" -> calls.add("resumeAll");
            default -> throw new UnsupportedOperationException(method.getName());
          }
          return null;
        });
  }

  private static ThreadBackend thread(int tid) {
    return (ThreadBackend) Proxy.newProxyInstance(BackendWaitsTest.class.getClassLoader(),
        new Class<?>[] {ThreadBackend.class}, (proxy, method, args) -> switch (method.getName()) {
          case "tid" -> tid;
          case "toString" -> "thread " + tid;
          case "hashCode" -> tid;
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
