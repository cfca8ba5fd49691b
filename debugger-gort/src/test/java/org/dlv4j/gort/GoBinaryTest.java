package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.InlinedCall;
import org.dlv4j.gort.pclntab.PcLine;
import org.dlv4j.gort.pclntab.PcLocation;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GoBinary's pclntab side: identity, functions, pc to location; exact values on testdata/gobinary. */
class GoBinaryTest {
  private static final String MAIN = GoBinaryFixture.source("main.go");
  private static final String UTIL = GoBinaryFixture.source("util/main.go");
  private static final String DOUBLE = "dlv4j.test/testdata/gobinary/util.Double";

  @ParameterizedTest
  @EnumSource(GoBinaryFixture.class)
  void identifiesTheBinary(GoBinaryFixture f) {
    try (GoBinary bin = f.open()) {
      assertEquals(f == GoBinaryFixture.ARM64 ? Arch.ARM64 : Arch.AMD64, bin.arch());
      GoVersion expected = GoVersion.parse(GoTools.goVersion(f.path())).orElseThrow();
      assertEquals(Optional.of(expected), bin.goVersion());
      BuildInfo info = bin.buildInfo().orElseThrow();
      assertEquals("dlv4j.test/testdata/gobinary", info.path());
      assertEquals(Optional.of(f == GoBinaryFixture.ARM64 ? "arm64" : "amd64"), info.setting("GOARCH"));
      assertEquals(f.path(), bin.path());
      assertEquals(f != GoBinaryFixture.STRIPPED, bin.hasDebugInfo());
      assertEquals(Optional.empty(), bin.debugFile());
    }
  }

  /** Every function of the fixture's own packages is where go tool nm puts its symbol. */
  @ParameterizedTest
  @EnumSource(value = GoBinaryFixture.class, names = {"PLAIN", "OPTIMIZED", "DWARF4", "ARM64"})
  void functionsAreWhereNmPutsThem(GoBinaryFixture f) {
    Map<String, Long> nm = ToolOracle.nm(f.path());
    try (GoBinary bin = f.open()) {
      List<String> names = f == GoBinaryFixture.OPTIMIZED // the rest is inlined, then dropped
          ? List.of("main.main", "runtime.main", "fmt.Sprintf")
          : List.of("main.main", "main.describe", "main.add", DOUBLE, "runtime.main", "fmt.Sprintf");
      for (String name : names) {
        FuncInfo fn = bin.function(name).orElseThrow(() -> new AssertionError(name));
        assertEquals(nm.get(name), fn.entry(), name);
        assertEquals(name, fn.name());
        assertTrue(fn.end() > fn.entry());
        assertEquals(Optional.of(fn), bin.functionAt(fn.end() - 1));
      }
      assertEquals(Optional.empty(), bin.function("main.nope"));
      Set<Long> textSymbols = GoNm.symbols(f.path()).stream()
          .filter(s -> s.type() == 'T' || s.type() == 't').map(GoNm.Symbol::address).collect(Collectors.toSet());
      for (FuncInfo fn : bin.functions()) {
        assertTrue(textSymbols.contains(fn.entry()), () -> fn.name() + " has no text symbol at its entry");
      }
    }
  }

  @Test
  void strippedBinaryHasTheSameFunctionsAsItsTwin() {
    try (GoBinary stripped = GoBinaryFixture.STRIPPED.open(); GoBinary plain = GoBinaryFixture.PLAIN.open()) {
      assertEquals(plain.functions(), stripped.functions());
      assertEquals(plain.sources(), stripped.sources());
    }
  }

  @ParameterizedTest
  @EnumSource(value = GoBinaryFixture.class, names = {"PLAIN", "STRIPPED", "DWARF4", "ARM64"})
  void pcToLocationWithoutInlining(GoBinaryFixture f) {
    try (GoBinary bin = f.open()) {
      FuncInfo describe = bin.function("main.describe").orElseThrow();
      PcLocation entry = bin.pcToLocation(describe.entry()).orElseThrow();
      assertEquals(describe, entry.function());
      assertEquals(MAIN, entry.file());
      assertEquals(26, entry.line());
      assertEquals(List.of(), entry.inlined());
      assertEquals("main.describe", entry.innermostFunction());

      FuncInfo dbl = bin.function(DOUBLE).orElseThrow();
      PcLocation body = bin.pcToLocation(bin.lineToPCs(UTIL, 6)[0]).orElseThrow();
      assertEquals(dbl, body.function());
      assertEquals(UTIL, body.file());
      assertEquals(6, body.line());

      PcLine row = new PcLine();
      assertTrue(bin.lookup(describe.entry(), row));
      assertEquals("main.describe " + MAIN + ":26", row.toString());

      long first = bin.functions().get(0).entry();
      long last = bin.functions().get(bin.functions().size() - 1).end();
      assertEquals(Optional.empty(), bin.pcToLocation(first - 1));
      assertEquals(Optional.empty(), bin.pcToLocation(last));
      assertEquals(Optional.empty(), bin.pcToLocation(0));
      assertFalse(bin.lookup(-1L, row));
    }
  }

  /**
   * In the optimized build main.main holds inlined copies of add (main.go:31-32, called at line
   * 36), describe (lines 26-28, called at 37) and util.Double (util/main.go:6, called at 37).
   */
  @Test
  void pcToLocationListsInlinedCallsInnermostFirst() {
    try (GoBinary bin = GoBinaryFixture.OPTIMIZED.open()) {
      FuncInfo main = bin.function("main.main").orElseThrow();
      assertEquals(Optional.empty(), bin.function(DOUBLE), "Double is only ever inlined");
      long[] doubled = bin.lineToPCs(UTIL, 6);
      assertTrue(doubled.length > 0);
      for (long pc : doubled) {
        PcLocation loc = bin.pcToLocation(pc).orElseThrow();
        assertEquals(main, loc.function());
        assertEquals(UTIL, loc.file());
        assertEquals(6, loc.line());
        InlinedCall call = loc.inlined().get(0);
        assertEquals(List.of(call), loc.inlined());
        assertEquals(DOUBLE, call.function());
        assertEquals(DOUBLE, loc.innermostFunction());
        assertEquals(MAIN, call.callFile());
        assertEquals(37, call.callLine());
        assertEquals(5, call.startLine());
      }
      long added = bin.lineToPCs(MAIN, 32)[0];
      PcLocation add = bin.pcToLocation(added).orElseThrow();
      assertEquals(main, add.function());
      assertEquals(List.of("main.add"), add.inlined().stream().map(InlinedCall::function).toList());
      assertEquals(36, add.inlined().get(0).callLine());
      assertEquals(31, add.inlined().get(0).startLine());
    }
  }

  /** Lazily built state is built once and gives the same answers to threads that race for it. */
  @Test
  void concurrentFirstUsesAgree() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (GoBinary bin = GoBinaryFixture.PLAIN.open()) {
      Callable<String> work = () -> bin.type("main.Config").orElseThrow().size() + " "
          + bin.packageVariable("main.Counter").orElseThrow().address() + " "
          + bin.lineToPCs("gobinary/main.go", 27)[0] + " "
          + bin.firstPcAfterPrologue(bin.function("main.add").orElseThrow()) + " "
          + bin.sources().size();
      List<Future<String>> results = pool.invokeAll(Collections.nCopies(8, work));
      String first = results.get(0).get();
      for (Future<String> r : results) {
        assertEquals(first, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closedBinaryRefusesWork() {
    GoBinary bin = GoBinaryFixture.PLAIN.open();
    FuncInfo main = bin.function("main.main").orElseThrow();
    bin.close();
    bin.close(); // idempotent
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> bin.pcToLocation(main.entry()));
    assertTrue(e.getMessage().contains(GoBinaryFixture.PLAIN.path().toString()), e.getMessage());
    assertThrows(IllegalStateException.class, () -> bin.type("main.Config"));
    assertThrows(IllegalStateException.class, bin::functions);
  }
}
