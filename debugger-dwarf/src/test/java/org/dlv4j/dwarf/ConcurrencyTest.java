package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One {@link Dwarf} read by several threads at once, from its first (lazy) use on. */
class ConcurrencyTest {
  @Test
  void threadsShareOneDwarfAndGetTheSameAnswers() throws Exception {
    GoSample s = GoSample.dwarfsample(5, false);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        Dwarf dwarf = Dwarf.load(id -> s.dwarf().section(id), "shared");
        List<Future<String>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          results.add(pool.submit(() -> summary(dwarf)));
        }
        String first = results.get(0).get();
        for (Future<String> f : results) {
          assertEquals(first, f.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String summary(Dwarf dwarf) {
    long dies = 0;
    long names = 0;
    for (Unit u : dwarf.units()) {
      DieCursor c = u.cursor();
      while (c.nextDfs()) {
        dies++;
        names += c.die().attrString(org.dlv4j.dwarf.constants.DwAt.DW_AT_name).map(String::length).orElse(0);
      }
    }
    DwarfIndex index = dwarf.index();
    return dies + " " + names + " " + index.functionCount() + " " + index.function("main.main").orElseThrow();
  }
}
