package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dlv4j.gort.internal.runtime.GStatus;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * A goroutine whose thread runs C code: its stack goes from the C frames (unwound by the
 * binary's call frame information) through runtime.asmcgocall, on the system stack, back to the
 * goroutine's Go frames.
 */
class CgoStackTest {
  private static final Markers SRC = new Markers("goroutines-cgo", "main.go");

  @Test
  void cFramesThenTheGoroutinesGoFrames() {
    GoBuild build = GoBuild.fixture("goroutines-cgo").env("CGO_ENABLED", "1");
    try (LiveStop stop = LiveStop.run(build.build(), List.of(), Map.of("GOGC", "off"), "main.stopHere")) {
      Goroutine g = stop.lister().list(0, 0).goroutines().stream()
          .filter(x -> x.start().functionName().equals("main.cWorker")).findFirst().orElseThrow();
      assertEquals(GStatus.SYSCALL, GStatus.base(g.g().status()));
      assertTrue(g.threadId().isPresent());
      assertTrue(g.systemStack(), "C runs on the M's g0 stack");
      assertEquals("?:0 in c_inner", g.current().describe());
      List<StackFrame> stack = stop.lister().stacktrace(g.g(), 50);
      List<String> names = stack.stream().map(StackFrame::function).toList();
      assertEquals(List.of("c_inner", "c_spin"), names.subList(0, 2), names.toString());
      int asmcgocall = names.indexOf("runtime.asmcgocall");
      assertTrue(asmcgocall > 1, names.toString());
      assertTrue(stack.subList(0, asmcgocall + 1).stream().allMatch(StackFrame::systemStack));
      assertEquals(List.of("runtime.cgocall", "main._Cfunc_c_spin", "main.cWorker", "runtime.goexit"),
          names.subList(asmcgocall + 1, names.size()));
      assertTrue(stack.subList(asmcgocall + 1, stack.size()).stream().noneMatch(StackFrame::systemStack));
      assertEquals(SRC.line("ccall"), stack.get(names.indexOf("main.cWorker")).location().line());
      assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
      assertEquals("main._Cfunc_c_spin", g.user().functionName());
    }
  }
}
