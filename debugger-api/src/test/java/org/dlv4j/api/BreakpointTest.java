package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BreakpointTest {
  static Breakpoint breakpoint(int id, long... addrs) {
    List<Long> list = new ArrayList<>();
    for (long addr : addrs) {
      list.add(addr);
    }
    return new Breakpoint(id, BreakpointSpec.atLine("main.go", 12), list, "/src/main.go", 12,
        Optional.of("main.main"), 0, Map.of(), false);
  }

  @Test
  void nameComesFromTheSpec() {
    Breakpoint b = new Breakpoint(1, BreakpointSpec.atFunction("main.f").withName("f"),
        List.of(0x401000L), "/src/main.go", 3, Optional.of("main.f"), 0, Map.of(), false);

    assertEquals(Optional.of("f"), b.name());
    assertEquals(Optional.empty(), breakpoint(2, 1).name());
  }

  @Test
  void listsAndMapsAreCopiedAndUnmodifiable() {
    List<Long> addrs = new ArrayList<>(List.of(0x10L, 0x20L));
    Map<Long, Long> hits = new HashMap<>(Map.of(7L, 2L, 1L, 1L));
    Breakpoint b = new Breakpoint(1, BreakpointSpec.atAddress(0x10), addrs, "", 0,
        Optional.empty(), 3, hits, false);
    addrs.clear();
    hits.clear();

    assertEquals(List.of(0x10L, 0x20L), b.addrs());
    assertEquals(Map.of(1L, 1L, 7L, 2L), b.hitCounts());
    assertEquals(List.of(1L, 7L), List.copyOf(b.hitCounts().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> b.addrs().add(1L));
    assertThrows(UnsupportedOperationException.class, () -> b.hitCounts().put(1L, 1L));
    assertEquals(breakpoint(4, 1, 2), breakpoint(4, 1, 2));
  }

  @Test
  void rejectsInconsistentValues() {
    assertEquals("breakpoint 3 has no addresses",
        assertThrows(IllegalArgumentException.class, () -> breakpoint(3)).getMessage());
    assertEquals("addrs[1] is null", assertThrows(NullPointerException.class,
        () -> new Breakpoint(1, BreakpointSpec.atAddress(1), java.util.Arrays.asList(1L, null),
            "", 0, Optional.empty(), 0, Map.of(), false)).getMessage());
    assertEquals("totalHitCount must not be negative: -1",
        assertThrows(IllegalArgumentException.class,
            () -> new Breakpoint(1, BreakpointSpec.atAddress(1), List.of(1L), "", 0,
                Optional.empty(), -1, Map.of(), false)).getMessage());
    assertEquals("hit count must not be negative: -2",
        assertThrows(IllegalArgumentException.class,
            () -> new Breakpoint(1, BreakpointSpec.atAddress(1), List.of(1L), "", 0,
                Optional.empty(), 0, Map.of(5L, -2L), false)).getMessage());
    assertEquals("spec is null", assertThrows(NullPointerException.class,
        () -> new Breakpoint(1, null, List.of(1L), "", 0, Optional.empty(), 0, Map.of(), false))
        .getMessage());
  }
}
