package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dlv4j.gort.internal.runtime.Binary;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.internal.runtime.FakeMemory;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * The arm64 conventions of the unwinder, on a real arm64 binary's pclntab and a stack laid out
 * as the Go runtime lays it out (traceback.go): a frame's size comes from pcsp with no pushed
 * return address (CFA = sp + spdelta), a function that allocated its frame keeps its caller's
 * return address at [sp], a frameless innermost function keeps it in LR. No arm64 machine is
 * needed.
 */
class Arm64UnwindTest {
  private static final long STACK_LO = 0x4000_0000L;
  private static final long STACK_HI = 0x4000_2000L;

  private final GoRuntime rt = Binary.open(GoBuild.fixture("hello").env("GOARCH", "arm64").build()).runtime();
  private final CodeMap code = rt.code();

  /** Returns a pc in {@code function} past its prologue (frame allocated), at a 4-byte instruction. */
  private long pcWithFrame(String function) {
    int fi = code.funcIndex(code.pclntab().functionNamed(function).orElseThrow().entry());
    for (long pc = code.entry(fi) + 4; ; pc += 4) {
      if (code.spDelta(fi, pc) > 0) {
        return pc + 4; // as a return address: one instruction after
      }
    }
  }

  private int delta(long pc) {
    return code.spDelta(code.funcIndex(pc), pc);
  }

  private static G parked(long pc, long sp, long lr) {
    return new G(0x1000, 9, 4, 0, 0, STACK_LO, STACK_HI, pc, sp, 0, lr, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void savedReturnAddressesAtSp() {
    long mainPc = pcWithFrame("main.main");
    long rtMainPc = pcWithFrame("runtime.main");
    long goexit = code.pclntab().functionNamed("runtime.goexit").orElseThrow().entry() + 4;
    long sp0 = STACK_HI - 0x400;
    long sp1 = sp0 + delta(mainPc);
    long sp2 = sp1 + delta(rtMainPc);
    FakeMemory mem = new FakeMemory().map(STACK_LO, (int) (STACK_HI - STACK_LO));
    mem.putLong(sp0, rtMainPc).putLong(sp1, goexit);
    List<StackFrame> stack = new Unwinder(rt, mem).stacktrace(StackStart.parked(parked(mainPc, sp0, 0)), 10);
    assertEquals(List.of("main.main", "runtime.main", "runtime.goexit"),
        stack.stream().map(StackFrame::function).toList());
    assertEquals(List.of(sp1, sp2, sp2), stack.stream().map(StackFrame::cfa).toList());
    assertEquals(List.of(sp1 - STACK_HI, sp2 - STACK_HI, sp2 - STACK_HI),
        stack.stream().map(StackFrame::frameOffset).toList());
    assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()));
  }

  @Test
  void aFramelessInnermostFunctionReturnsThroughLr() {
    long mainPc = pcWithFrame("main.main");
    long leaf = code.pclntab().functionNamed("runtime.goexit").orElseThrow().entry(); // spdelta 0 at entry
    long sp = STACK_HI - 0x400;
    FakeMemory mem = new FakeMemory().map(STACK_LO, (int) (STACK_HI - STACK_LO));
    long goexit = leaf + 4;
    mem.putLong(sp, goexit); // main.main, having allocated its frame, saved its LR at its [sp]
    // A thread stopped at the entry of a function: LR holds the return address into main.main.
    StackStart start = new StackStart(code.pclntab().functionNamed("main.main").orElseThrow().entry(), sp, 0, mainPc,
        Optional.of(parked(0, 0, 0)), Optional.of(parked(0, 0, 0)), false, false);
    List<StackFrame> stack = new Unwinder(rt, mem).stacktrace(start, 10);
    assertEquals(List.of("main.main", "main.main", "runtime.goexit"),
        stack.stream().map(StackFrame::function).toList());
    assertEquals(sp, stack.get(0).cfa(), "a frameless frame's CFA is its sp");
    assertEquals(sp + delta(mainPc), stack.get(1).cfa());
  }
}
