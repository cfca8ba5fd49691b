package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * A live target whose runtime data the test corrupts while it is stopped: the listing and the
 * unwinder report what they cannot read and carry on, and never loop.
 */
class CorruptTargetTest {
  private static final long UNMAPPED = 0x0000_1000_dead_0000L;

  private static LiveStop stopped() {
    return LiveStop.run(GoBuild.fixture(StatesFixture.NAME).build(), List.of("states", "/dev/null"),
        Map.of("GOGC", "off"), "main.stopHere");
  }

  @Test
  void aGPointerToUnmappedMemoryMakesThatGoroutineUnreadable() {
    try (LiveStop stop = stopped()) {
      GoroutineLister lister = stop.lister();
      List<Goroutine> before = lister.list(0, 0).goroutines();
      long allgs = stop.global("runtime.allgs");
      int victim = 3;
      long victimG = stop.memory.readLong(allgs + 8L * victim);
      stop.process.memory().write(allgs + 8L * victim, le(UNMAPPED));
      List<Goroutine> after = stop.lister().list(0, 0).goroutines();
      assertEquals(before.size(), after.size());
      Goroutine bad = after.stream().filter(g -> g.unreadable().isPresent()).findFirst().orElseThrow();
      assertEquals(UNMAPPED, bad.g().address());
      assertEquals(0, bad.id());
      assertTrue(bad.unreadable().get().startsWith("unreadable g: "), bad.unreadable().get());
      assertEquals("unreadable", bad.statusText());
      assertEquals(before.stream().filter(g -> g.g().address() != victimG).map(Goroutine::id).toList(),
          after.stream().filter(g -> g.unreadable().isEmpty()).map(Goroutine::id).toList());
    }
  }

  @Test
  void anAbsurdGoroutineCountIsAnError() {
    try (LiveStop stop = stopped()) {
      long allglen = stop.binary.elf().symbol("runtime.allglen").orElseThrow().value();
      stop.process.memory().write(allglen, le(1L << 40));
      var e = org.junit.jupiter.api.Assertions.assertThrows(org.dlv4j.api.DebuggerException.class,
          () -> stop.lister().list(0, 0));
      assertEquals("runtime.allglen is 1099511627776: not a goroutine count", e.getMessage());
    }
  }

  @Test
  void aGarbageReturnAddressEndsTheStackWithAnError() {
    try (LiveStop stop = stopped()) {
      Goroutine g = stop.lister().list(0, 0).goroutines().stream()
          .filter(x -> x.start().functionName().equals("main.recurse")).findFirst().orElseThrow();
      List<StackFrame> good = stop.lister().stacktrace(g.g(), 5000);
      StackFrame victim = good.get(10); // a main.recurse frame: its return address is at cfa - 8
      stop.process.memory().write(victim.cfa() - 8, le(0x1234));
      List<StackFrame> bad = stop.lister().stacktrace(g.g(), 5000);
      assertEquals(good.subList(0, 11), bad.subList(0, 11));
      assertEquals(12, bad.size());
      StackFrame last = bad.get(11);
      assertEquals(0x1234, last.pc());
      assertEquals("?", last.function());
      assertTrue(last.error().orElseThrow().startsWith("cannot unwind pc 0x1234: "), last.error().get());
    }
  }

  @Test
  void aReturnAddressIntoItsOwnFrameCannotLoop() {
    try (LiveStop stop = stopped()) {
      Goroutine g = stop.lister().list(0, 0).goroutines().stream()
          .filter(x -> x.start().functionName().equals("main.recurse")).findFirst().orElseThrow();
      List<StackFrame> good = stop.lister().stacktrace(g.g(), 5000);
      // Every main.recurse frame returns to the same pc; make a frame's caller look like itself
      // with a stack pointer that stays put: the walk must end rather than spin.
      StackFrame victim = good.get(10);
      stop.process.memory().write(victim.cfa() - 8, le(victim.pc()));
      stop.process.memory().write(g.g().address() + stop.rt.layout().get(
          org.dlv4j.gort.internal.runtime.RuntimeField.G_STACK_HI), le(victim.cfa() + 16));
      Goroutine reread = stop.lister().list(0, 0).goroutines().stream().filter(x -> x.id() == g.id())
          .findFirst().orElseThrow();
      List<StackFrame> bad = stop.lister().stacktrace(reread.g(), 5000);
      assertTrue(bad.size() <= 13, "ends at the new stack top: " + bad.size());
      assertTrue(bad.get(bad.size() - 1).error().orElseThrow().contains("outside the stack"),
          bad.get(bad.size() - 1).error().get());
    }
  }

  @Test
  void aParkedContextOutsideTheStackIsAnErrorOnItsOnlyFrame() {
    try (LiveStop stop = stopped()) {
      Goroutine g = stop.lister().list(0, 0).goroutines().stream()
          .filter(x -> x.start().functionName().equals("main.recvWorker")).findFirst().orElseThrow();
      int schedSp = stop.rt.layout().get(org.dlv4j.gort.internal.runtime.RuntimeField.G_SCHED_SP);
      stop.process.memory().write(g.g().address() + schedSp, le(UNMAPPED));
      Goroutine reread = stop.lister().list(0, 0).goroutines().stream().filter(x -> x.id() == g.id())
          .findFirst().orElseThrow();
      List<StackFrame> stack = stop.lister().stacktrace(reread.g(), 50);
      assertEquals(1, stack.size());
      assertEquals("runtime.gopark", stack.get(0).function());
      assertTrue(stack.get(0).error().orElseThrow().startsWith("unreadable stack memory: "), stack.get(0).error().get());
      assertFalse(reread.user().function().isEmpty(), "the user location falls back to the current location");
      assertEquals(reread.current(), reread.user());
    }
  }

  private static byte[] le(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }
}
