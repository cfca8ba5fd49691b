package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * A binary stripped of symbols and DWARF ({@code -ldflags=-s -w}): allgs cannot be found, so
 * goroutines cannot be listed, but each thread's goroutine (from TLS) and its stack (from the
 * pclntab) still can.
 */
class StrippedBinaryTest {
  @Test
  void threadsGoroutinesAndStacksWithoutAllgs() {
    GoBuild build = GoBuild.fixture(StatesFixture.NAME).flags("-ldflags=-s -w");
    try (LiveStop stop = LiveStop.run(build.build(), List.of("states", "/dev/null"), Map.of("GOGC", "off"),
        "main.stopHere")) {
      GoroutineLister lister = stop.lister();
      DebuggerException e = assertThrows(DebuggerException.class, () -> lister.list(0, 0));
      assertEquals("cannot list goroutines: runtime.allglen not found (no DWARF and no symbol table)", e.getMessage());
      ThreadG trap = lister.threads().stream().filter(t -> t.regs().tid() == stop.trapTid).findFirst().orElseThrow();
      G main = trap.goroutine().orElseThrow();
      assertEquals(1, main.goid());
      assertEquals(List.of("main.stopHere", "main.states", "main.main", "runtime.main", "runtime.goexit"),
          lister.stacktrace(main, 50).stream().map(StackFrame::function).toList());
      assertTrue(stop.rt.waitReasons().source().endsWith("table"));
    }
  }
}
