package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.dlv4j.gort.internal.runtime.CodeLocation;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GStatus;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.Test;

/**
 * Converting a listing at once (a small table of location records by identity in front of the
 * memo) gives what converting each goroutine alone gives, whatever records collide in it.
 */
class ApiViewsTest {

  @Test
  void aListingConvertsLikeItsGoroutinesOneByOne() {
    Path binary = GoBuild.fixture("hello").build();
    long main = GoNm.address(binary, "main.main", "Tt");
    try (CodeIndex code = CodeIndex.open(binary, elf -> 0)) {
      ApiViews views = new ApiViews(code);
      CodeLocation shared = new CodeLocation(main, "/src/hello/main.go", 7, Optional.of("main.main"));
      List<Goroutine> gs = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        // 5000 distinct records, with equal copies, in a 256-slot table: many collide
        CodeLocation own = new CodeLocation(main + i % 40, "/src/hello/main.go", 10 + i % 40,
            Optional.of("main.main"));
        CodeLocation unknown = CodeLocation.unknown(0x10 + i % 3);
        gs.add(goroutine(i + 1, shared, own, unknown, i % 7 == 0 ? shared : own));
      }
      gs.add(Goroutine.unreadable(0xdead0000L, "unreadable g: gone"));
      assertEquals(gs.stream().map(views::goroutine).toList(), views.goroutines(gs));
    }
  }

  private static Goroutine goroutine(long id, CodeLocation current, CodeLocation user, CodeLocation go,
      CodeLocation start) {
    G g = new G(0xc000000000L + id * 480, id, GStatus.WAITING, 7, 0, 0, 0, current.pc(), 0, 0, 0, 0, 0, 0, 0, 0,
        go.pc(), start.pc(), 0, 0);
    return new Goroutine(g, OptionalInt.empty(), false, current.pc(), 0, 0, current, user, go, start, Map.of(),
        false, "chan receive", Optional.empty());
  }
}
