package org.dlv4j.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.dwarf.loc.AddressRange;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.Test;

/**
 * The index over a large real binary, {@code cmd/go} built with -N -l: every function with code
 * agrees with {@code go tool nm}, and the time and heap the index takes are printed.
 */
class CmdGoIndexTest {
  @Test
  void indexOfCmdGoAgreesWithTheSymbolTable() {
    GoSample s = GoSample.of(GoBuild.goPackage("cmd/go"));
    long t0 = System.nanoTime();
    int units = s.dwarf().units().size();
    long t1 = System.nanoTime();
    for (SectionId id : SectionId.values()) {
      s.dwarf().section(id); // so that the heap delta below is the index alone
    }
    long heapBefore = usedHeap();
    long t2a = System.nanoTime();
    DwarfIndex index = s.dwarf().index();
    long t2 = System.nanoTime();
    long heapAfter = usedHeap();
    long dies = countDies(s.dwarf());
    long t3 = System.nanoTime();
    // A second, warm index build (new Dwarf over the same mapped sections) for the steady-state time.
    Dwarf again = Dwarf.load(id -> s.dwarf().section(id), "again");
    long t4 = System.nanoTime();
    again.index();
    long t5 = System.nanoTime();
    System.out.printf("cmd/go: .debug_info %d bytes, %d units, %d DIEs; units (with section loading) %.0f ms,"
            + " index %.0f ms"
            + " (warm %.0f ms), full DIE walk %.0f ms; index retains ~%d KiB;"
            + " %d functions, %d variables, %d types%n",
        s.dwarf().section(SectionId.DEBUG_INFO).orElseThrow().remaining(), units, dies,
        (t1 - t0) / 1e6, (t2 - t2a) / 1e6, (t5 - t4) / 1e6, (t3 - t2) / 1e6,
        (heapAfter - heapBefore) / 1024, index.functionCount(), index.variableCount(), index.typeCount());

    assertEquals(List.of(), s.dwarf().unitErrors());
    assertEquals(List.of(), index.errors());
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, GoNm.Symbol> e : s.nm().entrySet()) {
      GoNm.Symbol sym = e.getValue();
      if (sym.type() != 'T' && sym.type() != 't') {
        continue;
      }
      Optional<FunctionEntry> f = index.function(e.getKey());
      if (f.isEmpty() || f.get().inlinedOnly()) {
        continue; // assembly without DWARF, or a symbol DWARF names differently
      }
      checked++;
      AddressRange expected = new AddressRange(sym.address(), sym.address() + sym.size());
      if (!f.get().ranges().equals(List.of(expected))) {
        mismatches.add(e.getKey() + " " + f.get().ranges() + " != " + expected);
      }
    }
    assertEquals(List.of(), mismatches);
    assertTrue(checked > 10_000, "checked " + checked);
    GoNm.Symbol main = s.symbol("main.main");
    assertEquals(Optional.of("main"), index.unitForPc(main.address()).orElseThrow().name());
    assertEquals("main.main", index.functionAt(main.address() + 1).orElseThrow().name());
  }

  private static long countDies(Dwarf dwarf) {
    long n = 0;
    for (Unit u : dwarf.units()) {
      DieCursor c = u.cursor();
      while (c.nextDfs()) {
        n++;
      }
    }
    return n;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
