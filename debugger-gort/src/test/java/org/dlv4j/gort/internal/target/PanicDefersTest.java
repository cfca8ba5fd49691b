package org.dlv4j.gort.internal.target;

import static org.dlv4j.gort.internal.target.StatesStop.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Defer;
import org.dlv4j.api.Function;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.gort.internal.stack.Markers;
import org.dlv4j.junit.GoAddr2line;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A panic two calls deep, caught by a deferred recover while deferred calls are still pending
 * in both frames (testdata/goroutines-api-panic): stopped in the recovering function, the
 * stack runs through runtime.gopanic, and each pending call hangs on the frame that deferred
 * it. Delve shows the same stack and defers ({@code stack -defer}).
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class PanicDefersTest {
  private static final Markers SRC = new Markers("goroutines-api-panic", "main.go");

  @Test
  void pendingDefersHangOnTheFramesThatDeferredThem(
      @GoProgram(value = "goroutines-api-panic", pipeOutput = true) Target target) {
    target.createBreakpoint(BreakpointSpec.atFunction("main.stopInRecover"));
    DebuggerState state = target.resume();
    assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
    Goroutine g = state.selectedGoroutine().orElseThrow();
    assertEquals(SRC.at("goouter") + " main.main", where(g.goStatementLocation()));

    List<Stackframe> stack = target.stacktrace(g.id(), 50, true);

    assertEquals(List.of(
        SRC.at("funcstop") + " main.stopInRecover",
        SRC.at("callstop") + " main.recoverer",
        "runtime.gopanic",
        SRC.at("panic") + " main.explode",
        SRC.at("callexplode") + " main.inner",
        SRC.at("callinner") + " main.outer",
        "runtime.goexit"), stack.stream().map(f -> f.location().file().equals(SRC.file.toString())
            ? where(f.location()) : f.location().function().map(Function::name).orElse("?"))
        .toList());
    assertEquals(GoAddr2line.position(target.executable(), stack.get(2).location().pc() - 1).fileLine(),
        stack.get(2).location().file() + ":" + stack.get(2).location().line());
    assertEquals(where(state.currentThread().orElseThrow().location()),
        where(stack.get(0).location()));
    // recoverer's own defer record was taken off the list when the panic called it.
    assertEquals(List.of(List.of(), List.of(), List.of(), List.of()),
        stack.subList(0, 4).stream().map(Stackframe::defers).toList());
    assertEquals(List.of(), stack.get(6).defers());
    assertDefer(stack.get(4), "deferinner", "main.inner");
    assertDefer(stack.get(5), "deferouter", "main.outer");

    assertEquals(stack.get(4), target.frame(g.id(), 4));
    List<Stackframe> bare = target.stacktrace(g.id(), 50, false);
    assertEquals(List.of(), bare.get(4).defers());
    assertEquals(stack.get(4).location(), bare.get(4).location());
  }

  /** Checks the one pending call of a frame: cleanup, deferred at the marked line. */
  private static void assertDefer(Stackframe frame, String deferredAt, String deferrer) {
    assertEquals(1, frame.defers().size(), () -> "defers of " + frame);
    Defer d = frame.defers().get(0);
    assertEquals(SRC.at("funccleanup") + " main.cleanup", where(d.deferredLocation()),
        "the deferred function, not its deferwrap wrapper");
    assertEquals(d.deferredLocation().function().orElseThrow().entry(),
        d.deferredLocation().pc());
    assertEquals(SRC.at(deferredAt) + " " + deferrer, where(d.deferLocation()));
    assertEquals(frame.sp(), d.sp());
    assertEquals(Optional.empty(), d.unreadable());
    assertFalse(frame.inlined());
  }
}
