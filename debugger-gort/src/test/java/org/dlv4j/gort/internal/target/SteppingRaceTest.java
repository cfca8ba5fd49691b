package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stepping one goroutine while seven others run the same lines on other threads
 * (testdata/steprace): the others keep reaching the step's breakpoints, which are not theirs,
 * at the moment the stepped goroutine reaches them too. Every next must still stop at the next
 * line in the stepped goroutine, and the program must run on unharmed.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(120)
class SteppingRaceTest {
  static final String MAIN_GO = GoBuild.testdataRoot().resolve("steprace/main.go").toString();

  @Test
  void nextStopsAtEveryLineWhileOtherGoroutinesRunThemOnOtherThreads(
      @GoProgram(value = "steprace", env = "GOMAXPROCS=4") Target target) {
    for (int round = 0; round < 20; round++) {
      Breakpoint start = target.createBreakpoint(BreakpointSpec.atLine(MAIN_GO, 18));
      long goroutine = target.resume().selectedGoroutine().orElseThrow().id();
      target.clearBreakpoint(start.id());
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        DebuggerState next = target.next();
        assertEquals(new StopReason.NextFinished(), next.stopReason().orElseThrow(),
            "round " + round + " after " + lines + ": " + next);
        assertEquals(goroutine, next.selectedGoroutine().orElseThrow().id());
        lines.add(SteppingTest.where(next));
      }
      assertEquals(List.of("main.work:19", "main.work:20", "main.work:21", "main.work:22"), lines,
          "round " + round + ", goroutine " + goroutine);
    }
    assertEquals(0, target.resume().exitStatus().orElseThrow(), "every thread ran on unharmed");
  }
}
