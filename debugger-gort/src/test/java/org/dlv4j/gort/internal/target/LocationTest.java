package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Function;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Location;
import org.dlv4j.api.LocationNotFoundException;
import org.dlv4j.api.Redirect;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.api.Thread;
import org.dlv4j.junit.GoAddr2line;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Breakpoints by function and by file:line, and the locations threads report. */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class LocationTest {
  private static final Path MAIN_GO = GoBuild.testdataRoot().resolve("engine-basic/main.go");
  /** Lines of testdata/engine-basic/main.go. */
  private static final int FUNC_WORK = 17;
  private static final int RETURN_IN_WORK = 18;
  private static final int FUNC_MAIN = 21;
  private static final int SUM_IN_LOOP = 39;

  @Test
  void breakpointAtMainMainStopsAfterItsPrologueOnItsFirstLine(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    long entry = GoNm.address(target.executable(), "main.main", "Tt");
    Breakpoint b = target.createBreakpoint(BreakpointSpec.atFunction("main.main"));
    long at = b.addrs().get(0);

    assertEquals(MAIN_GO.toString(), b.file());
    assertEquals(FUNC_MAIN, b.line());
    assertEquals(Optional.of("main.main"), b.functionName());
    assertTrue(at > entry, "0x" + Long.toHexString(at) + " is not after the entry");
    assertEquals(GoAddr2line.position(target.executable(), at).fileLine(), MAIN_GO + ":" + FUNC_MAIN);

    DebuggerState state = target.resume();
    Thread current = state.currentThread().orElseThrow();
    assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
    assertEquals(at, current.pc());
    Location where = current.location();
    assertEquals(MAIN_GO.toString(), where.file());
    assertEquals(FUNC_MAIN, where.line());
    Function main = where.function().orElseThrow();
    assertEquals("main.main", main.name());
    assertEquals(entry, main.entry());
    assertTrue(main.contains(at));
    assertEquals(false, main.optimized()); // built with -gcflags=all=-N -l
    Function runtime = state.threads().stream().map(t -> t.location().function())
        .flatMap(Optional::stream).filter(f -> f.name().startsWith("runtime.")).findFirst()
        .orElseThrow();
    assertEquals(true, runtime.optimized()); // the runtime ignores -N
  }

  @Test
  void codeOfAnOptimizedBuildIsMarkedOptimized(GoDebugSession session) {
    Target target = session.launch(LaunchSpec.of(GoBuild.fixture("engine-basic").optimized()
        .build()).withStdout(Redirect.PIPE));
    target.createBreakpoint(BreakpointSpec.atFunction("main.work"));

    Function work = target.resume().currentThread().orElseThrow().location().function()
        .orElseThrow();

    assertEquals("main.work", work.name());
    assertTrue(work.optimized());
  }

  @Test
  void breakpointAtFileLineStopsThereEachIteration(
      @GoProgram(value = "engine-basic", args = "loops=2", pipeOutput = true) Target target) {
    Breakpoint b = target.createBreakpoint(BreakpointSpec.atLine("engine-basic/main.go",
        RETURN_IN_WORK));
    assertEquals(MAIN_GO.toString(), b.file());
    assertEquals(RETURN_IN_WORK, b.line());
    assertEquals(Optional.of("main.work"), b.functionName());
    assertEquals(1, b.addrs().size());
    assertEquals(MAIN_GO + ":" + RETURN_IN_WORK,
        GoAddr2line.position(target.executable(), b.addrs().get(0)).fileLine());

    for (int hit = 1; hit <= 2; hit++) {
      Location where = target.resume().currentThread().orElseThrow().location();
      assertEquals(MAIN_GO + ":" + RETURN_IN_WORK + " main.work 0x"
          + Long.toHexString(b.addrs().get(0)), where.toString());
    }
    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
  }

  @Test
  void aLineInsideALoopAndTheFuncLineOfAFunction(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    Breakpoint loop = target.createBreakpoint(BreakpointSpec.atLine(MAIN_GO.toString(),
        SUM_IN_LOOP));
    Breakpoint func = target.createBreakpoint(BreakpointSpec.atLine("main.go", FUNC_WORK));
    Breakpoint byName = target.createBreakpoint(BreakpointSpec.atFunction("main.work"));

    assertEquals(byName.addrs(), func.addrs()); // the func line means after the prologue
    assertEquals(SUM_IN_LOOP, loop.line());
    DebuggerState state = target.resume();
    assertEquals(List.of(loop.id()), ids(state));
    state = target.resume();
    assertEquals(List.of(func.id(), byName.id()), ids(state));
  }

  @Test
  void unknownFunctionsFilesAndLines(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    assertEquals("could not find main.nope: no function main.nope",
        assertThrows(LocationNotFoundException.class,
            () -> target.createBreakpoint(BreakpointSpec.atFunction("main.nope"))).getMessage());
    assertEquals("could not find nope.go:3: no source file nope.go",
        assertThrows(LocationNotFoundException.class,
            () -> target.createBreakpoint(BreakpointSpec.atLine("nope.go", 3))).getMessage());
    assertEquals("could not find main.go:30: no code at line 30 of " + MAIN_GO,
        assertThrows(LocationNotFoundException.class,
            () -> target.createBreakpoint(BreakpointSpec.atLine("main.go", 30))).getMessage());
    assertEquals("could not find ain.go:3: no source file ain.go",
        assertThrows(LocationNotFoundException.class,
            () -> target.createBreakpoint(BreakpointSpec.atLine("ain.go", 3))).getMessage());
    assertEquals(List.of(), target.breakpoints());
  }

  @Test
  void anAmbiguousSuffixNamesTheCandidates(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    LocationNotFoundException e = assertThrows(LocationNotFoundException.class,
        () -> target.createBreakpoint(BreakpointSpec.atLine("print.go", 1)));
    assertTrue(e.getMessage().startsWith("could not find print.go:1: ambiguous: print.go matches"
        + " 2 files: "), e.getMessage());
    assertEquals("print.go:1", e.location());
  }

  private static List<Integer> ids(DebuggerState state) {
    return state.currentThread().orElseThrow().breakpoints().stream().map(Breakpoint::id)
        .toList();
  }
}
