package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.Target;
import org.dlv4j.api.Thread;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every stop names the goroutine each thread runs and selects the current thread's. */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class SelectedGoroutineTest {
  private static final String MAIN_GO =
      GoBuild.testdataRoot().resolve("engine-goroutines/main.go").toString();

  @Test
  void theLaunchStopHasNoGoroutines(@GoProgram("engine-goroutines") Target target) {
    DebuggerState launched = target.state();

    assertEquals(Optional.empty(), launched.selectedGoroutine());
    assertTrue(launched.threads().stream().allMatch(t -> t.goroutineId() == 0));
  }

  @Test
  void aBreakpointSelectsTheGoroutineOfItsThread(
      @GoProgram(value = "engine-goroutines", args = "5") Target target) {
    target.createBreakpoint(BreakpointSpec.atFunction("main.hit"));

    DebuggerState state = target.resume();

    Thread current = state.currentThread().orElseThrow();
    Goroutine selected = state.selectedGoroutine().orElseThrow();
    assertEquals(current.goroutineId(), selected.id());
    assertTrue(selected.id() > 1, "a worker goroutine, not main: " + selected);
    assertEquals(OptionalInt.of(current.id()), selected.threadId());
    assertEquals(2, selected.status());
    assertEquals("running", selected.statusText());
    assertEquals(MAIN_GO + ":17 main.hit", where(selected.currentLocation()));
    assertEquals(MAIN_GO + ":17 main.hit", where(selected.userLocation()));
    assertEquals(MAIN_GO + ":30 main.main", where(selected.goStatementLocation()));
    assertEquals(MAIN_GO + ":30 main.main.func1", where(selected.startLocation()));
    assertEquals(false, selected.system());
    for (Thread t : state.threadsAtBreakpoints()) {
      assertTrue(t.goroutineId() > 1, "thread " + t.id() + " runs a worker");
    }
  }

  private static String where(org.dlv4j.api.Location at) {
    return at.file() + ":" + at.line() + " " + at.function().orElseThrow().name();
  }
}
