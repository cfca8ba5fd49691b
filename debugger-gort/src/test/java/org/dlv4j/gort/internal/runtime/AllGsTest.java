package org.dlv4j.gort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading allgs from made-up memory laid out with a real binary's runtime layout: bulk reads,
 * dead and unreadable entries, paging.
 */
class AllGsTest {
  private static final long ARRAY = 0x100000;
  private static final long GS = 0x200000;
  private static final int STRIDE = 480; // the size class runtime.g structs come from
  private static final long UNMAPPED = 0xdead0000L;

  private static GoRuntime rt;

  @BeforeAll
  static void load() {
    rt = Binary.open(GoBuild.fixture("hello").build()).runtime();
  }

  /** Six entries: four gs side by side (the third dead), a nil pointer, an unmapped pointer. */
  private static FakeMemory memory() {
    RuntimeLayout l = rt.layout();
    FakeMemory m = new FakeMemory().map(rt.globals().allglen().getAsLong(), 8).map(rt.globals().allgs().getAsLong(), 24)
        .map(ARRAY, 6 * 8).map(GS, 4 * STRIDE);
    m.putLong(rt.globals().allglen().getAsLong(), 6).putLong(rt.globals().allgs().getAsLong(), ARRAY);
    for (int i = 0; i < 4; i++) {
      long g = GS + (long) i * STRIDE;
      m.putLong(ARRAY + 8L * i, g);
      m.putLong(g + l.get(RuntimeField.G_GOID), 100 + i);
      m.putInt(g + l.get(RuntimeField.G_STATUS), i == 2 ? GStatus.DEAD : GStatus.WAITING);
      m.put(g + l.get(RuntimeField.G_WAITREASON), (byte) 7);
      m.putLong(g + l.get(RuntimeField.G_STACK_HI), 0x7000_0000L + i);
      m.putLong(g + l.get(RuntimeField.G_SCHED_PC), 0x401000 + i);
    }
    m.putLong(ARRAY + 8 * 4, 0).putLong(ARRAY + 8 * 5, UNMAPPED);
    return m;
  }

  @Test
  void readsLiveGoroutinesInBulk() {
    FakeMemory m = memory();
    AllGs.Page page = new AllGs(rt, m).read(0, 0);
    assertEquals(6, page.total());
    assertEquals(-1, page.next());
    assertEquals(List.of(GS, GS + STRIDE, GS + 3 * STRIDE, 0L, UNMAPPED),
        page.entries().stream().map(AllGs.Entry::address).toList());
    G g3 = (G) page.entries().get(2);
    assertEquals(new G(GS + 3 * STRIDE, 103, GStatus.WAITING, 7, 0, 0, 0x7000_0003L, 0x401003, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0), g3);
    assertEquals(new AllGs.Unreadable(4, 0, "nil g pointer in allgs"), page.entries().get(3));
    AllGs.Unreadable unmapped = (AllGs.Unreadable) page.entries().get(4);
    assertTrue(unmapped.reason().startsWith("unreadable g: cannot read"), unmapped.reason());
    assertEquals(5, unmapped.index());
    assertEquals(UNMAPPED, unmapped.address());
    // allglen, allgs, the pointer array, the four gs at once, and the unmapped one twice (as
    // part of a run, then alone)
    assertEquals(6, m.reads());
  }

  @Test
  void pagesLikeDelve() {
    AllGs gs = new AllGs(rt, memory());
    AllGs.Page first = gs.read(0, 2);
    assertEquals(List.of(GS, GS + STRIDE), addresses(first));
    assertEquals(2, first.next());
    AllGs.Page second = gs.read(first.next(), 2);
    assertEquals(List.of(GS + 3 * STRIDE, 0L), addresses(second));
    assertEquals(5, second.next());
    AllGs.Page third = gs.read(second.next(), 2);
    assertEquals(List.of(UNMAPPED), addresses(third));
    assertEquals(-1, third.next());
    assertEquals(List.of(), gs.read(6, 0).entries());
    assertThrows(IllegalArgumentException.class, () -> gs.read(-1, 0));
  }

  private static List<Long> addresses(AllGs.Page page) {
    return page.entries().stream().map(AllGs.Entry::address).toList();
  }

  @Test
  void absurdCountsAndMissingGlobals() {
    FakeMemory m = memory();
    m.putLong(rt.globals().allglen().getAsLong(), -1);
    DebuggerException e = assertThrows(DebuggerException.class, () -> new AllGs(rt, m).read(0, 0));
    assertEquals("runtime.allglen is -1: not a goroutine count", e.getMessage());
    m.putLong(rt.globals().allglen().getAsLong(), AllGs.MAX_GOROUTINES + 1);
    assertThrows(DebuggerException.class, () -> new AllGs(rt, m).read(0, 0));
    m.putLong(rt.globals().allglen().getAsLong(), 1000); // more than the array holds
    assertThrows(org.dlv4j.api.MemoryAccessException.class, () -> new AllGs(rt, m).read(0, 0));
    GoRuntime stripped = Binary.open(GoBuild.fixture("hello").flags("-ldflags=-s -w").build()).runtime();
    e = assertThrows(DebuggerException.class, () -> new AllGs(stripped, m).read(0, 0));
    assertEquals("cannot list goroutines: runtime.allglen not found (no DWARF and no symbol table)", e.getMessage());
  }
}
