package org.dlv4j.linux.internal.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The page cache: one fill per page per epoch, stale epochs, partial pages, slot conflicts. */
class PageCacheTest {
  private int fills;

  private int fill(long page, byte[] into) {
    fills++;
    if (page == 0x5000) {
      return 100; // partly readable page
    }
    for (int i = 0; i < into.length; i++) {
      into[i] = (byte) (page / 4096 + i);
    }
    return into.length;
  }

  @Test
  void onePageIsFilledOncePerEpoch() {
    PageCache c = new PageCache();
    byte[] dst = new byte[4];
    long epoch = c.epoch();
    for (int i = 0; i < 10; i++) {
      assertTrue(c.copy(0x1000, epoch, 8, dst, 0, 4, this::fill));
    }
    assertArrayEquals(new byte[] {9, 10, 11, 12}, dst);
    assertEquals(1, fills);
    assertEquals(1, c.fills());
    c.invalidate();
    assertTrue(c.copy(0x1000, c.epoch(), 8, dst, 0, 4, this::fill));
    assertEquals(2, fills);
  }

  @Test
  void aReaderFromAnOlderEpochNeverFills() {
    PageCache c = new PageCache();
    long old = c.epoch();
    c.invalidate();
    assertFalse(c.copy(0x2000, old, 0, new byte[1], 0, 1, this::fill));
    assertEquals(0, fills);
  }

  @Test
  void partlyReadablePagesAreNotCached() {
    PageCache c = new PageCache();
    assertFalse(c.copy(0x5000, c.epoch(), 0, new byte[1], 0, 1, this::fill));
    assertFalse(c.copy(0x5000, c.epoch(), 0, new byte[1], 0, 1, this::fill));
    assertEquals(2, fills);
  }

  @Test
  void pagesThatShareASlotEvictEachOther() {
    PageCache c = new PageCache();
    byte[] dst = new byte[1];
    long a = 0x1000;
    long b = a + 256L * 4096; // same slot of the direct-mapped cache
    c.copy(a, c.epoch(), 0, dst, 0, 1, this::fill);
    c.copy(b, c.epoch(), 0, dst, 0, 1, this::fill);
    c.copy(a, c.epoch(), 0, dst, 0, 1, this::fill);
    assertEquals(3, fills);
    assertEquals((byte) 1, dst[0]);
  }
}
