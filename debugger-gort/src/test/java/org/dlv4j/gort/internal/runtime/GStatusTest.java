package org.dlv4j.gort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Status names as the runtime's goroutine header prints them. */
class GStatusTest {
  @Test
  void describe() {
    assertEquals("chan receive", GStatus.describe(GStatus.WAITING, "chan receive"));
    assertEquals("waiting", GStatus.describe(GStatus.WAITING, ""));
    assertEquals("running", GStatus.describe(GStatus.RUNNING, "chan receive"));
    assertEquals("runnable (scan)", GStatus.describe(GStatus.SCAN | GStatus.RUNNABLE, ""));
    assertEquals("sleep (scan)", GStatus.describe(GStatus.SCAN | GStatus.WAITING, "sleep"));
    assertEquals("waiting for cgo callback", GStatus.describe(GStatus.DEAD_EXTRA, ""));
    assertEquals("???", GStatus.describe(12, ""));
    assertEquals("??? (scan)", GStatus.describe(-1, ""), "as the runtime prints it: every bit is set");
    assertEquals("syscall", GStatus.name(GStatus.SYSCALL | GStatus.SCAN));
  }

  @Test
  void deadGoroutinesAreNotListed() {
    assertTrue(GStatus.isDead(GStatus.DEAD));
    assertTrue(GStatus.isDead(GStatus.DEAD_EXTRA));
    assertTrue(GStatus.isDead(GStatus.DEAD | GStatus.SCAN));
    assertFalse(GStatus.isDead(GStatus.IDLE));
    assertFalse(GStatus.isDead(GStatus.PREEMPTED));
  }
}
