package org.dlv4j.gort.internal.target;

import static org.dlv4j.gort.internal.target.FakeProcess.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Location;
import org.dlv4j.gort.internal.bp.BreakpointTable;
import org.dlv4j.gort.internal.bp.PhysicalBreakpoint;
import org.dlv4j.gort.internal.bp.StepBreaklet;
import org.dlv4j.gort.internal.bp.StepPoint;
import org.dlv4j.gort.internal.target.RunLoop.Steps.Verdict;
import org.dlv4j.spi.ThreadBackend;
import org.junit.jupiter.api.Test;

/**
 * The continue loop driven through exact interleavings by a {@link FakeProcess}: who is
 * stepped over a step's breakpoint while other threads run, and what a breakpoint trap at an
 * address without a breakpoint means.
 */
class RunLoopTest {
  private static final long X = BASE + 0x10;
  private static final long Y = BASE + 0x30;
  private static final long W = BASE + 0x40;
  private static final StepBreaklet NEXT =
      new StepBreaklet(StepBreaklet.Kind.NEXT, 7, 0, true, -0x40);

  private final FakeProcess process = new FakeProcess();
  private final BreakpointTable breakpoints = new BreakpointTable(new BreakpointTable.Code() {
    @Override
    public void read(long address, byte[] dst) {
      process.memory().readFully(address, dst, 0, dst.length);
    }

    @Override
    public void write(long address, byte[] bytes) {
      process.writeText(address, bytes);
    }
  }, new byte[] {(byte) 0xcc});

  @Test
  void anotherGoroutineIsSteppedOverAStepBreakpointWithEveryThreadStopped() {
    // thread 1 runs the stepped goroutine, thread 2 another one; thread 2 traps at X first,
    // when thread 1 is about to execute X too
    FakeProcess.FakeThread stepped = process.thread(at(0x02), at(0x04), X, at(0x1c));
    process.thread(at(0x08), X, at(0x18));
    breakpoints.addStepping(List.of(new StepPoint(location(X), NEXT)));

    Stop stop = loop((t, at) -> t.tid() == 1 ? Verdict.FINISH : Verdict.OTHER).resume(1);

    assertTrue(stop.nextFinished(), "thread 1 must stop at X: " + stop.reason());
    assertEquals(1, stop.currentThread());
    assertEquals(X, stepped.registers().pc());
    assertEquals(List.of(), process.stepsWhileOthersRan, "X lifted while thread 1 ran");
  }

  @Test
  void theSteppedGoroutineInAnotherFrameIsSteppedOverAloneWhileTheOthersRun() {
    process.thread(X, at(0x14), Y); // the stepped goroutine, deeper in a recursion at X
    process.thread(at(0x20), at(0x21), at(0x22), at(0x23), at(0x24), at(0x25));
    breakpoints.addStepping(List.of(new StepPoint(location(X), NEXT),
        new StepPoint(location(Y), NEXT)));

    Stop stop = loop((t, at) -> t.tid() != 1 ? Verdict.OTHER
        : at.address() == X ? Verdict.PASS : Verdict.FINISH).resume(1);

    assertTrue(stop.nextFinished());
    assertEquals(1, stop.currentThread());
    assertEquals(List.of(1), process.stepsWhileOthersRan);
    assertEquals(1, process.stopAlls, "only for the end of the step");
  }

  @Test
  void aTrapOfABreakpointRemovedSinceMovesTheThreadBackInsteadOfStoppingIt() {
    // thread 2 hits W; the stop overtakes the trap of thread 1 at X, which is then removed
    FakeProcess.FakeThread late = process.thread(at(0x02), at(0x04), X, at(0x1c), at(0x1d));
    process.thread(at(0x08), W, at(0x48));
    process.overtakeTraps = true;
    int atX = breakpoints.create(BreakpointSpec.atAddress(X), List.of(location(X))).id();
    breakpoints.create(BreakpointSpec.atAddress(W), List.of(location(W)));
    RunLoop loop = loop((t, at) -> Verdict.PASS);
    Stop hit = loop.resume(1);
    assertEquals(List.of(2), hit.breakpointsOf(2).stream().map(b -> b.id()).toList());
    assertEquals(X + 1, late.registers().pc()); // the trap is still queued
    breakpoints.clear(atX);

    Stop end = loop.resume(2);

    assertEquals(0, end.hardcodedThread());
    assertEquals(0, end.exited().exitStatus(), "both threads ran to the end of their paths");
    assertEquals(List.of(), process.wildStarts);
  }

  @Test
  void aBreakpointInstructionOfTheProgramIsReportedAsHardcoded() {
    process.code(X, (byte) 0xcc);
    FakeProcess.FakeThread t = process.thread(at(0x04), X, at(0x14));

    Stop stop = loop((thread, at) -> Verdict.PASS).resume(1);

    assertEquals(1, stop.hardcodedThread());
    assertEquals(X + 1, t.registers().pc());
  }

  private RunLoop loop(BiFunction<ThreadBackend, PhysicalBreakpoint, Verdict> verdicts) {
    return new RunLoop(process, breakpoints, new RunLoop.TracepointSink() {
      @Override
      public boolean wanted() {
        return false;
      }

      @Override
      public void hit(int breakpointId, int threadId, PhysicalBreakpoint at) {
        throw new AssertionError("no tracepoints here");
      }
    }, new RunLoop.Steps() {
      @Override
      public Verdict check(ThreadBackend thread, PhysicalBreakpoint at) {
        return at.stepping().isEmpty() ? Verdict.PASS : verdicts.apply(thread, at);
      }

      @Override
      public void entered(ThreadBackend thread) {
        throw new AssertionError("no calls here");
      }

      @Override
      public void ended() {
        throw new AssertionError("no goroutine ends here");
      }
    }, () -> -1);
  }

  private static long at(int offset) {
    return BASE + offset;
  }

  private static Location location(long pc) {
    return new Location(pc, "main.go", 10, Optional.empty());
  }
}
