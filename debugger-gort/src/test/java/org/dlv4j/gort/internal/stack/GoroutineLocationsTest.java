package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.gort.internal.runtime.CodeLocation;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * The cached locations of goroutine records answer what an uncached walk finds, and equal user
 * frames share one record: checked on every goroutine of live stops.
 */
class GoroutineLocationsTest {

  @Test
  void manyGoroutinesParkedAtAFewPlaces() {
    try (LiveStop stop = LiveStop.run(GoBuild.fixture("goroutines-many").build(), List.of("300"), Map.of(),
        "main.stopHere")) {
      assertMatchesUncachedWalks(stop, 300);
    }
  }

  @Test
  void everyBlockingStateOfAnOptimizedBuild() {
    try (StatesFixture fx = new StatesFixture(GoBuild.fixture(StatesFixture.NAME).optimized())) {
      assertMatchesUncachedWalks(fx.stop, 10);
    }
  }

  private static void assertMatchesUncachedWalks(LiveStop stop, int atLeast) {
    GoroutineLister lister = new GoroutineLister(stop.rt, stop.memory, stop.threads);
    Unwinder walker = new Unwinder(stop.rt, stop.memory);
    GoroutineLocations locations = new GoroutineLocations(stop.rt, new Unwinder(stop.rt, stop.memory));
    Map<CodeLocation, CodeLocation> first = new HashMap<>();
    List<G> gs = lister.liveGs();
    assertTrue(gs.size() >= atLeast, gs.size() + " goroutines");
    for (G g : gs) {
      StackStart start = lister.startOf(g);
      CodeLocation current = locations.current(start.pc());
      assertEquals(stop.rt.location(start.pc()), current);
      CodeLocation user = locations.user(start, current);
      assertEquals(firstUserFrame(walker, start).orElse(current), user, "goroutine " + g.goid());
      assertSame(first.computeIfAbsent(user, u -> u), user, "one record per user location");
    }
    assertTrue(first.size() < gs.size(), first.size() + " user locations for " + gs.size() + " goroutines");
  }

  /** The first frame of the stack that Delve's rules call user code, judged by name each time. */
  private static Optional<CodeLocation> firstUserFrame(Unwinder unwinder, StackStart start) {
    CodeLocation[] found = new CodeLocation[1];
    unwinder.walk(start, UserCode.USER_FRAME_DEPTH, frame -> {
      if (frame.function() != null && UserCode.isUserFrame(frame.function())) {
        found[0] = new CodeLocation(frame.pc(), frame.file(), frame.line(), Optional.of(frame.function()));
        return false;
      }
      return true;
    });
    return Optional.ofNullable(found[0]);
  }
}
