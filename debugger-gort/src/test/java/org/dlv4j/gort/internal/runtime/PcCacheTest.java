package org.dlv4j.gort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The per-pc cache: lookups, replacement and forgetting when full. */
class PcCacheTest {
  @Test
  void storesAndForgets() {
    PcCache<String> c = new PcCache<>(8);
    assertNull(c.get(0x401000));
    c.put(0x401000, "a");
    c.put(0x401001, "b");
    c.put(0x401000, "c");
    assertEquals("c", c.get(0x401000));
    assertEquals("b", c.get(0x401001));
    c.put(0, "zero");
    c.put(-1, "minus one");
    assertEquals("zero", c.get(0));
    assertEquals("minus one", c.get(-1));
    c.put(7, "full"); // the fifth key of eight slots: everything else is forgotten
    assertEquals("full", c.get(7));
    assertNull(c.get(0x401000));
    assertThrows(IllegalArgumentException.class, () -> new PcCache<String>(12));
  }
}
