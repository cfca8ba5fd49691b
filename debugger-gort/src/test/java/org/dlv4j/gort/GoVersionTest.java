package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoVersionTest {

  @ParameterizedTest
  @CsvSource({
      "go1.22.12, 1, 22, 12, ''",
      "go1.26.8, 1, 26, 8, ''",
      "go1.21.0, 1, 21, 0, ''",
      "go1.20, 1, 20, 0, ''",
      "go1.26rc1, 1, 26, 0, rc1",
      "go1.25beta2, 1, 25, 0, beta2",
      "go1.26.8 X:nodwarf5, 1, 26, 8, ''",
      "go1.23.4-bigcorp, 1, 23, 4, ''",
      "devel go1.27-abcdef0123 Tue Jan 6 10:00:00 2026 +0000, 1, 27, 0, devel",
  })
  void parses(String text, int major, int minor, int patch, String pre) {
    assertEquals(Optional.of(new GoVersion(major, minor, patch, pre)), GoVersion.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "go", "1.22", "go1", "go1.x", "go1.22.1rc1", "devel +abcdef", "gox1.2", "go1.22.",
      "go99999999999.1"})
  void rejects(String text) {
    assertEquals(Optional.empty(), GoVersion.parse(text));
  }

  @Test
  void printsAsTheToolchainDoes() {
    assertEquals("go1.22.12", GoVersion.parse("go1.22.12").orElseThrow().toString());
    assertEquals("go1.26rc1", GoVersion.parse("go1.26rc1").orElseThrow().toString());
    assertEquals("devel go1.27", GoVersion.parse("devel go1.27-abc").orElseThrow().toString());
  }

  @Test
  void ordersPreReleasesBeforeTheRelease() {
    List<String> order = List.of("go1.21.13", "devel go1.22-x", "go1.22beta1", "go1.22rc1", "go1.22rc2",
        "go1.22.0", "go1.22.1", "go1.22.12", "go1.23.0");
    List<GoVersion> sorted = new ArrayList<>();
    order.forEach(v -> sorted.add(GoVersion.parse(v).orElseThrow()));
    List<GoVersion> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(sorted, shuffled);
  }

  @Test
  void atLeastIgnoresPatchAndPreRelease() {
    assertTrue(v("go1.20.1").atLeast(1, 20));
    assertTrue(v("go1.26rc1").atLeast(1, 26));
    assertTrue(v("devel go1.27-x").atLeast(1, 27));
    assertFalse(v("go1.19.13").atLeast(1, 20));
    assertTrue(v("go1.19.13").atLeast(1, 18));
    assertFalse(new GoVersion(0, 99, 0, "").atLeast(1, 0));
    assertTrue(new GoVersion(2, 0, 0, "").atLeast(1, 99));
  }

  @Test
  void supportedWindowIsOneTwentyTwoToOneTwentySix() {
    assertFalse(v("go1.21.13").isSupported());
    assertTrue(v("go1.22.0").isSupported());
    assertTrue(v("go1.22.12").isSupported());
    assertTrue(v("go1.26.8").isSupported());
    assertTrue(v("go1.26rc1").isSupported());
    assertFalse(v("go1.27.0").isSupported());
    assertEquals(v("go1.22.0"), GoVersion.OLDEST_SUPPORTED);
  }

  @Test
  void rejectsBadComponents() {
    assertThrows(IllegalArgumentException.class, () -> new GoVersion(1, -1, 0, ""));
    assertThrows(IllegalArgumentException.class, () -> new GoVersion(1, 22, 0, "alpha"));
  }

  private static GoVersion v(String s) {
    return GoVersion.parse(s).orElseThrow();
  }
}
