package org.dlv4j.linux.internal.ptrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table of known code words: lookups by word and byte, growth, clearing, the size cap. */
class KnownTextTest {
  @Test
  void wordsAndTheirBytes() {
    KnownText t = new KnownText();
    assertFalse(t.knows(0x401000));
    assertEquals(-1, t.byteAt(0x401003));
    t.put(0x401000, 0x8877665544332211L);
    assertTrue(t.knows(0x401000));
    assertEquals(0x8877665544332211L, t.word(0x401000));
    for (int i = 0; i < 8; i++) {
      assertEquals(0x11 * (i + 1), t.byteAt(0x401000 + i));
    }
    assertEquals(-1, t.byteAt(0x401008));
    assertEquals(-1, t.byteAt(0x400fff));
    t.put(0x401000, 0xccL);
    assertEquals(0xcc, t.byteAt(0x401000));
    assertEquals(0, t.byteAt(0x401001));
    assertEquals(1, t.size());
  }

  @Test
  void addressZeroIsNeverKnown() {
    KnownText t = new KnownText();
    t.put(0, 42);
    assertFalse(t.knows(0));
    assertEquals(-1, t.byteAt(3));
    assertEquals(0, t.size());
  }

  @Test
  void growsKeepingEveryWordAndClears() {
    KnownText t = new KnownText();
    int n = 5000;
    for (int i = 1; i <= n; i++) {
      t.put(0x400000L + 8L * i * 513, i); // strides that collide in a small table
    }
    assertEquals(n, t.size());
    for (int i = 1; i <= n; i++) {
      assertTrue(t.knows(0x400000L + 8L * i * 513));
      assertEquals(i, t.word(0x400000L + 8L * i * 513));
    }
    assertFalse(t.knows(0x400000L + 8L * (n + 1) * 513));
    t.clear();
    assertEquals(0, t.size());
    assertFalse(t.knows(0x400000L + 8L * 513));
  }

  @Test
  void startsOverWhenFull() {
    KnownText t = new KnownText();
    for (long i = 1; i <= KnownText.MAX_WORDS; i++) {
      t.put(8 * i, i);
    }
    assertEquals(KnownText.MAX_WORDS, t.size());
    t.put(8 * 1, -1); // known already: replaced, no growth
    assertEquals(KnownText.MAX_WORDS, t.size());
    assertEquals(-1, t.word(8));
    t.put(8L * (KnownText.MAX_WORDS + 1), 7);
    assertEquals(1, t.size());
    assertTrue(t.knows(8L * (KnownText.MAX_WORDS + 1)));
    assertFalse(t.knows(8));
  }
}
