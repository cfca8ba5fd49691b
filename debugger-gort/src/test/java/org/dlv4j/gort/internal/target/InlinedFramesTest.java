package org.dlv4j.gort.internal.target;

import static org.dlv4j.gort.internal.target.StatesStop.marked;
import static org.dlv4j.gort.internal.target.StatesStop.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dlv4j.api.Function;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.Target;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In an optimized build of goroutines-states, level1, level2 and level3 are inlined into
 * inlineTop: each call is a frame of its own, marked inlined, sharing the registers of the
 * physical frame they run in.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class InlinedFramesTest {
  @Test
  void inlinedCallsAreFramesOfTheirOwn(GoDebugSession session) {
    Target target = StatesStop.launch(session, GoBuild.fixture(StatesStop.FIXTURE).optimized());
    Goroutine g = StatesStop.startedIn(target, "main.inlineTop");
    assertEquals(marked("level3", "main.level3"), where(g.userLocation()),
        "the innermost user frame is the inlined one");

    List<Stackframe> stack = target.stacktrace(g.id(), 50, false);

    assertEquals(List.of("runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1",
        marked("level3", "main.level3"), marked("level2", "main.level2"),
        marked("level1", "main.level1"), marked("inlinetop", "main.inlineTop"),
        "runtime.goexit"), stack.stream().map(f -> f.location().file()
            .equals(StatesStop.SRC.file.toString()) ? where(f.location())
            : f.location().function().map(Function::name).orElse("?")).toList());
    assertEquals(List.of(false, false, false, true, true, true, false, false),
        stack.stream().map(Stackframe::inlined).toList());
    Stackframe physical = stack.get(6);
    Function inlineTop = physical.location().function().orElseThrow();
    assertEquals(GoNm.address(target.executable(), "main.inlineTop", "Tt"), inlineTop.entry());
    assertTrue(inlineTop.optimized());
    for (Stackframe f : stack.subList(3, 6)) {
      assertEquals(physical.location().pc(), f.location().pc(), "one return address");
      assertEquals(physical.sp(), f.sp());
      assertEquals(physical.cfa(), f.cfa());
      assertEquals(physical.frameOffset(), f.frameOffset());
      assertEquals(physical.framePointerOffset(), f.framePointerOffset());
      Function inlined = f.location().function().orElseThrow();
      assertEquals(inlineTop.entry(), inlined.entry(), "the code runs in inlineTop's body");
      assertEquals(inlineTop.end(), inlined.end());
    }
    assertEquals(stack.get(4), target.frame(g.id(), 4), "inlined frames count as frames");
  }
}
