package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.internal.runtime.FakeMemory;
import org.junit.jupiter.api.Test;

/** Stack tops read ahead in bulk: coalesced into runs, served from them, the rest passed through. */
class StackWindowsTest {
  private static final long SPAN = 0xc000100000L;

  private static FakeMemory span() {
    FakeMemory m = new FakeMemory().map(SPAN, 64 << 10);
    for (long a = SPAN; a < SPAN + (64 << 10); a += 8) {
      m.putLong(a, a ^ 0x5555);
    }
    return m;
  }

  @Test
  void nearbyWindowsAreReadAsOneRun() {
    FakeMemory m = span();
    StackWindows w = new StackWindows(m);
    // Three 2 KiB stacks, each with its top 512 bytes live, given out of order.
    long[] starts = {SPAN + 0x1e00, SPAN + 0x0600, SPAN + 0x0e00};
    long[] ends = {SPAN + 0x2000, SPAN + 0x0800, SPAN + 0x1000};
    w.load(starts, ends, 3);
    assertEquals(1, m.reads());
    assertEquals((SPAN + 0x0e08) ^ 0x5555, w.readLong(SPAN + 0x0e08));
    assertEquals((SPAN + 0x1ff8) ^ 0x5555, w.readLong(SPAN + 0x1ff8));
    assertEquals(1, m.reads(), "served from the run");
    assertEquals((SPAN + 0x3000) ^ 0x5555, w.readLong(SPAN + 0x3000));
    assertEquals(2, m.reads(), "outside every run: read from the target");
  }

  @Test
  void distantOrUnusableWindowsAreSkipped() {
    FakeMemory m = span();
    StackWindows w = new StackWindows(m);
    long[] starts = {SPAN, SPAN + 0x8000, 0xdead0000L, SPAN + 0x100, -8, SPAN};
    long[] ends = {SPAN + 0x100, SPAN + 0x8100, 0xdead0100L, SPAN + 0x100, 8, SPAN + 0x10000};
    w.load(starts, ends, 6);
    // SPAN and SPAN + 0x8000 are too far apart for one run; the unmapped window fails (and is
    // left to the target); the empty, negative and too long windows are not read at all.
    assertEquals(3, m.reads());
    assertEquals(SPAN ^ 0x5555, w.readLong(SPAN));
    assertEquals((SPAN + 0x8000) ^ 0x5555, w.readLong(SPAN + 0x8000));
    assertEquals(3, m.reads());
    assertThrows(MemoryAccessException.class, () -> w.readLong(0xdead0000L));
    assertThrows(IllegalArgumentException.class, () -> w.load(new long[70_000], new long[70_000], 70_000));
  }
}
