package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointOptions;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Event;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.NoSuchBreakpointException;
import org.dlv4j.api.Redirect;
import org.dlv4j.api.StaleHandleException;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.api.Thread;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.GoProgram;
import org.dlv4j.junit.ProcFs;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class BreakpointTest {
  private static final byte INT3 = (byte) 0xcc;

  private static long work(Target target) {
    return GoNm.address(target.executable(), "main.work", "Tt");
  }

  @Test
  void breakpointAtAnAddressIsHitOncePerCallThenTheProgramExits(
      @GoProgram(value = "engine-basic", args = "loops=3", pipeOutput = true) Target target) {
    long work = work(target);
    Breakpoint created = target.createBreakpoint(BreakpointSpec.atAddress(work));
    String mainGo = GoBuild.testdataRoot().resolve("engine-basic/main.go").toString();
    assertEquals(new Breakpoint(1, BreakpointSpec.atAddress(work), List.of(work), mainGo, 17,
        Optional.of("main.work"), 0, Map.of(), false), created);

    for (int hit = 1; hit <= 3; hit++) {
      DebuggerState state = target.resume();
      assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
      Thread current = state.currentThread().orElseThrow();
      assertEquals(work, current.pc());
      assertEquals(work, current.registers().pc());
      assertEquals(mainGo + ":17 main.work 0x" + Long.toHexString(work),
          current.location().toString());
      assertEquals(List.of(current), state.threadsAtBreakpoints());
      Breakpoint seen = current.breakpoints().get(0);
      assertEquals(hit, seen.totalHitCount());
      assertEquals(Map.of(0L, (long) hit), seen.hitCounts());
      assertEquals(seen, target.breakpoint(1).orElseThrow());
    }
    DebuggerState end = target.resume();

    assertEquals(OptionalInt.of(0), end.exitStatus());
    assertEquals(3, target.breakpoints().get(0).totalHitCount());
  }

  @Test
  void memoryShowsTheOriginalCodeAndWritesOverABreakpointUpdateTheSavedBytes(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    long work = work(target);
    byte[] file = GoTools.fileText(target.executable(), work, 4);
    target.createBreakpoint(BreakpointSpec.atAddress(work));

    assertEquals(INT3, ProcFs.memory(target.pid(), work, 1)[0]);
    assertArrayEquals(file, target.readMemory(work, 4));
    assertArrayEquals(new byte[] {file[3]}, target.readMemory(work + 3, 1));

    byte[] patch = {(byte) 0x90, (byte) 0x91};
    target.writeMemory(work, patch);
    assertArrayEquals(new byte[] {INT3, (byte) 0x91}, ProcFs.memory(target.pid(), work, 2));
    assertArrayEquals(patch, target.readMemory(work, 2));

    target.clearBreakpoint(1);
    assertArrayEquals(patch, ProcFs.memory(target.pid(), work, 2));
    target.writeMemory(work, new byte[] {file[0], file[1]});
    assertArrayEquals(file, ProcFs.memory(target.pid(), work, 4));
    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
  }

  @Test
  void twoBreakpointsOnOneAddressShareOneInstructionAndCountEachHit(
      @GoProgram(value = "engine-basic", args = "loops=2", pipeOutput = true) Target target) {
    long work = work(target);
    byte[] file = GoTools.fileText(target.executable(), work, 1);
    Breakpoint first = target.createBreakpoint(BreakpointSpec.atAddress(work));
    Breakpoint second = target.createBreakpoint(BreakpointSpec.atAddress(work).withName("again"));
    assertEquals(List.of(1, 2), List.of(first.id(), second.id()));

    DebuggerState state = target.resume();
    assertEquals(List.of(1, 2), state.currentThread().orElseThrow().breakpoints().stream()
        .map(Breakpoint::id).toList());
    assertEquals(List.of(1, 2), state.breakpointsHit().stream().map(Breakpoint::id).toList());

    assertEquals(1, target.clearBreakpoint(1).totalHitCount());
    assertEquals(INT3, ProcFs.memory(target.pid(), work, 1)[0]);
    state = target.resume();
    assertEquals(List.of(2), state.currentThread().orElseThrow().breakpoints().stream()
        .map(Breakpoint::id).toList());
    assertEquals(2, target.breakpoint(2).orElseThrow().totalHitCount());
    assertEquals(Optional.of("again"), target.breakpoint(2).orElseThrow().name());

    target.clearBreakpoint(2);
    assertArrayEquals(file, ProcFs.memory(target.pid(), work, 1));
    assertEquals(List.of(), target.breakpoints());
    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
  }

  @Test
  void namesAreUniqueAndUnknownIdsAreReported(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    long work = work(target);
    target.createBreakpoint(BreakpointSpec.atAddress(work).withName("w"));

    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
        () -> target.createBreakpoint(BreakpointSpec.atAddress(work + 1).withName("w")));
    assertEquals("breakpoint name \"w\" is already used", dup.getMessage());
    NoSuchBreakpointException missing = assertThrows(NoSuchBreakpointException.class,
        () -> target.clearBreakpoint(7));
    assertEquals("no breakpoint with id 7 in process " + target.pid(), missing.getMessage());
    assertEquals(Optional.empty(), target.breakpoint(7));
    assertEquals(1, target.breakpoints().size());
  }

  @Test
  void tracepointsCountEveryCallWithoutStopping(
      @GoProgram(value = "engine-basic", args = "loops=1000", pipeOutput = true) Target target)
      throws Exception {
    long work = work(target);
    EventLog log = new EventLog();
    target.addListener(log);
    target.createBreakpoint(BreakpointSpec.atAddress(work)
        .withOptions(BreakpointOptions.NONE.withTracepoint(true)));

    DebuggerState end = target.resume();

    assertEquals(OptionalInt.of(0), end.exitStatus());
    assertEquals(1000, target.breakpoint(1).orElseThrow().totalHitCount());
    log.awaitEvent(Event.Exited.class);
    List<Event.TracepointHit> hits = log.events().stream()
        .filter(Event.TracepointHit.class::isInstance).map(Event.TracepointHit.class::cast)
        .toList();
    assertEquals(1000, hits.size());
    for (Event.TracepointHit hit : hits) {
      assertEquals(1, hit.breakpointId());
      assertEquals(work, hit.location().pc());
      assertEquals(target.pid(), hit.pid());
    }
    assertEquals("sum: 1000000\n", log.output(Event.Output.Stream.STDOUT).lines()
        .filter(l -> l.startsWith("sum:")).findFirst().orElseThrow() + "\n");
  }

  @RepeatedTest(10)
  void tracepointsNearThreadCreationNeverHang(GoDebugSession session) {
    Target target = session.launch(LaunchSpec.of(session.build("engine-basic"), "loops=3")
        .withStdout(Redirect.PIPE));
    target.createBreakpoint(BreakpointSpec.atAddress(work(target))
        .withOptions(BreakpointOptions.NONE.withTracepoint(true)));

    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
    assertEquals(3, target.breakpoint(1).orElseThrow().totalHitCount());
  }

  @Test
  void tracepointsOnCodeManyThreadsRunEndWithAPartialCount(
      @GoProgram(value = "engine-goroutines", args = "20000", pipeOutput = true) Target target) {
    target.createBreakpoint(BreakpointSpec.atFunction("main.hit")
        .withOptions(BreakpointOptions.NONE.withTracepoint(true)));

    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
    long hits = target.breakpoint(1).orElseThrow().totalHitCount();
    assertTrue(hits > 0 && hits <= 4 * 20000, Long.toString(hits));
  }

  @Test
  void aTracepointSharingAnAddressWithABreakpointStillStops(
      @GoProgram(value = "engine-basic", args = "loops=2", pipeOutput = true) Target target) {
    long work = work(target);
    target.createBreakpoint(BreakpointSpec.atAddress(work)
        .withOptions(BreakpointOptions.NONE.withTracepoint(true)));
    target.createBreakpoint(BreakpointSpec.atAddress(work));

    DebuggerState state = target.resume();

    assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
    assertEquals(List.of(2), state.currentThread().orElseThrow().breakpoints().stream()
        .map(Breakpoint::id).toList());
    assertEquals(1, target.breakpoint(1).orElseThrow().totalHitCount());
  }

  @Test
  void stepInstructionExecutesTheInstructionUnderABreakpoint(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    long work = work(target);
    long next = GoTools.nextInstruction(target.executable(), work);
    target.createBreakpoint(BreakpointSpec.atAddress(work));
    Thread atWork = target.resume().currentThread().orElseThrow();

    DebuggerState stepped = target.stepInstruction(atWork.id());

    assertEquals(new StopReason.NextFinished(), stepped.stopReason().orElseThrow());
    Thread after = stepped.currentThread().orElseThrow();
    assertEquals(atWork.id(), after.id());
    assertEquals(next, after.pc());
    assertEquals(List.of(), after.breakpoints());
    assertEquals(INT3, ProcFs.memory(target.pid(), work, 1)[0]);
    assertEquals(1, target.breakpoint(1).orElseThrow().totalHitCount());
  }

  @Test
  void aThreadThatSteppedOntoABreakpointHitsItWhenResumed(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    long work = work(target);
    long next = GoTools.nextInstruction(target.executable(), work);
    target.createBreakpoint(BreakpointSpec.atAddress(work));
    Thread atWork = target.resume().currentThread().orElseThrow();
    assertEquals(next, target.stepInstruction(atWork.id()).currentThread().orElseThrow().pc());
    Breakpoint there = target.createBreakpoint(BreakpointSpec.atAddress(next));

    DebuggerState state = target.resume();

    assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
    Thread hit = state.currentThread().orElseThrow();
    assertEquals(atWork.id(), hit.id());
    assertEquals(next, hit.pc());
    assertEquals(List.of(there.id()), hit.breakpoints().stream().map(Breakpoint::id).toList());
    assertEquals(1, target.breakpoint(there.id()).orElseThrow().totalHitCount());
  }

  @Test
  void threadSnapshotsGoStaleAtTheNextResume(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    Thread initial = target.state().currentThread().orElseThrow();
    assertTrue(initial.floatingPointRegisters().stream().anyMatch(r -> r.name().equals("xmm0")),
        initial.floatingPointRegisters().toString());
    target.createBreakpoint(BreakpointSpec.atAddress(work(target)));
    target.resume();

    StaleHandleException e = assertThrows(StaleHandleException.class,
        initial::floatingPointRegisters);
    assertEquals("thread " + initial.id() + " of process " + target.pid()
        + " is a snapshot of an earlier stop: the target has run since", e.getMessage());
    assertEquals(target.pid(), initial.id());
  }
}
