package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocationTest {
  private static final Function MAIN = new Function("main.main", 0x401000, 0x401080, false);

  @Test
  void printsLikeDelve() {
    assertEquals("/src/main.go:12 main.main 0x401010",
        new Location(0x401010, "/src/main.go", 12, Optional.of(MAIN)).toString());
    assertEquals("? ? 0x7f0000001000",
        new Location(0x7f0000001000L, "", 0, Optional.empty()).toString());
  }

  @Test
  void hasSourceOnlyWithAFile() {
    assertTrue(new Location(1, "a.go", 1, Optional.empty()).hasSource());
    assertFalse(new Location(1, "", 0, Optional.empty()).hasSource());
  }

  @Test
  void functionContainsItsRangeUnsigned() {
    assertTrue(MAIN.contains(0x401000));
    assertTrue(MAIN.contains(0x40107f));
    assertFalse(MAIN.contains(0x401080));
    assertFalse(MAIN.contains(0x400fff));
    Function high = new Function("f", 0xffffffff00000000L, 0xffffffff00000010L, true);
    assertTrue(high.contains(0xffffffff00000008L));
    assertFalse(high.contains(0x8L));
  }

  @Test
  void rejectsMalformedValues() {
    assertEquals("line of an unknown file must be 0: 3", assertThrows(
        IllegalArgumentException.class, () -> new Location(1, "", 3, Optional.empty()))
        .getMessage());
    assertEquals("line must not be negative: -1", assertThrows(IllegalArgumentException.class,
        () -> new Location(1, "a.go", -1, Optional.empty())).getMessage());
    assertEquals("function is null", assertThrows(NullPointerException.class,
        () -> new Location(1, "a.go", 1, null)).getMessage());
    assertEquals("function main.f ends at 0x10, before its entry 0x20",
        assertThrows(IllegalArgumentException.class,
            () -> new Function("main.f", 0x20, 0x10, false)).getMessage());
    assertEquals("function main.f ends at 0x10, before its entry 0xffffffffffffff00",
        assertThrows(IllegalArgumentException.class,
            () -> new Function("main.f", 0xffffffffffffff00L, 0x10, false)).getMessage());
    assertEquals("function name is null", assertThrows(NullPointerException.class,
        () -> new Function(null, 0, 0, false)).getMessage());
    assertEquals("file is null", assertThrows(NullPointerException.class,
        () -> new Location(1, null, 0, Optional.empty())).getMessage());
  }
}
