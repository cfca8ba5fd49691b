package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.internal.runtime.Binary;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.internal.runtime.FakeMemory;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.junit.jupiter.api.Test;

/**
 * Linux signal frames on bytes: the ucontext layouts of amd64 and arm64 (struct rt_sigframe,
 * the runtime's defs_linux_*.go), and stacks crossing a signal frame laid out as the kernel and
 * the runtime lay it out, on real binaries' pclntabs; an arm64 machine is not needed.
 */
class SignalFramesTest {
  private static final long UC = 0x7000_0000L;
  private static final long SIG_LO = 0x5000_0000L;
  private static final long SIG_HI = 0x5000_8000L;
  private static final long STACK_LO = 0x4000_0000L;
  private static final long STACK_HI = 0x4000_2000L;
  /** An address in the vDSO, where arm64 signal handlers return. */
  private static final long VDSO_SIGRETURN = 0x7fff_f7ff_e800L;

  private static GoRuntime amd64() {
    return Binary.open(GoBuild.fixture("hello").build()).runtime();
  }

  private static GoRuntime arm64() {
    return Binary.open(GoBuild.fixture("hello").env("GOARCH", "arm64").build()).runtime();
  }

  private static ByteBuffer words(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** uc_flags, uc_link and uc_stack (ss_sp, ss_flags + padding, ss_size): the first 40 bytes of both layouts. */
  private static void header(ByteBuffer uc) {
    uc.putLong(1).putLong(0).putLong(0x5000_0000L).putInt(0).putInt(0).putLong(0x8000);
  }

  @Test
  void amd64UcontextHoldsTheInterruptedRegistersInSigcontextOrder() {
    ByteBuffer uc = words(1024);
    header(uc);
    // r8..r15, rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags
    long[] gregs = {8, 9, 10, 11, 12, 13, 14, 15, 0xd1, 0x51, 0xb9, 0xb3, 0xd3, 0xa3, 0xc3, 0x7ffc_0000_1000L,
        0x40_1234L, 0x246};
    for (long r : gregs) {
      uc.putLong(r);
    }
    FakeMemory mem = new FakeMemory().map(UC, 1024).put(UC, uc.array());
    SignalFrames frames = new SignalFrames(amd64());
    SignalFrames.Context c = new SignalFrames.Context();
    frames.read(mem, UC, c);
    assertEquals(0x40_1234L, c.pc);
    assertEquals(0x7ffc_0000_1000L, c.sp);
    assertEquals(0xb9, c.bp);
    assertEquals(0, c.lr);
    assertEquals(1, mem.reads(), "one read of the register block");
    assertEquals(UC, frames.ucontext(UC), "after the return address: at sigtramp's CFA");
  }

  @Test
  void arm64UcontextHoldsTheInterruptedRegistersAfterTheSignalMask() {
    ByteBuffer uc = words(1024);
    header(uc);
    uc.putLong(0xffff_ffffL); // uc_sigmask
    uc.position(176); // 1024 - 64 bits of glibc's sigset padding, aligned to 16
    uc.putLong(0xdead_0000L); // fault_address
    for (int i = 0; i < 31; i++) {
      uc.putLong(0x100 + i); // x0..x30
    }
    uc.putLong(0x7ffc_0000_2000L).putLong(0x40_5678L).putLong(0x6000_0000L); // sp, pc, pstate
    FakeMemory mem = new FakeMemory().map(UC, 1024).put(UC, uc.array());
    SignalFrames frames = new SignalFrames(arm64());
    SignalFrames.Context c = new SignalFrames.Context();
    frames.read(mem, UC, c);
    assertEquals(0x40_5678L, c.pc);
    assertEquals(0x7ffc_0000_2000L, c.sp);
    assertEquals(0x100 + 29, c.bp, "x29");
    assertEquals(0x100 + 30, c.lr, "x30");
    assertEquals(UC + 128, frames.ucontext(UC), "after the 128-byte siginfo");
  }

  @Test
  void anUnreadableUcontextThrows() {
    FakeMemory mem = new FakeMemory().map(UC, 128);
    SignalFrames.Context c = new SignalFrames.Context();
    assertThrows(MemoryAccessException.class, () -> new SignalFrames(amd64()).read(mem, UC, c));
  }

  @Test
  void sigtrampCalledByACgoTracebackHasNoSignalFrame() {
    Path binary = GoBuild.fixture("goroutines-cgo").env("CGO_ENABLED", "1").build();
    GoRuntime rt = Binary.open(binary).runtime();
    long callers = GoNm.symbols(binary).stream().filter(s -> s.name().equals("x_cgo_callers")).findFirst()
        .orElseThrow().address();
    SignalFrames frames = new SignalFrames(rt);
    assertEquals("runtime.sigtramp was called by x_cgo_callers (a cgo traceback), not on a signal frame",
        frames.notFromKernel(callers + 0x20));
    long restorer = rt.code().pclntab().functionNamed("runtime.sigreturn__sigaction").orElseThrow().entry();
    assertNull(frames.notFromKernel(restorer), "Go's restorer");
    assertNull(frames.notFromKernel(0x7f00_0000_1000L), "a C library's restorer");
  }

  // Stacks through a signal frame.

  private static G g(long goid, long lo, long hi) {
    return new G(0x1000 + goid, goid, 2, 0, 0, lo, hi, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  private static final G GSIGNAL = g(0, SIG_LO, SIG_HI);
  private static final G USER = g(1, STACK_LO, STACK_HI);

  /** A thread's registers at pc on the signal stack, working for {@link #USER}. */
  private static StackStart onSignalStack(long pc, long sp, long lr) {
    return new StackStart(pc, sp, 0, lr, Optional.of(GSIGNAL), Optional.of(USER), true, false);
  }

  private static FakeMemory stacks() {
    return new FakeMemory().map(SIG_LO, (int) (SIG_HI - SIG_LO)).map(STACK_LO, (int) (STACK_HI - STACK_LO));
  }

  private static long entry(CodeMap code, String function) {
    return code.pclntab().functionNamed(function).orElseThrow().entry();
  }

  /** Returns a pc in {@code function} where it has allocated its frame (arm64: 4-byte instructions). */
  private static long pcWithFrame(CodeMap code, String function) {
    int fi = code.funcIndex(entry(code, function));
    for (long pc = code.entry(fi) + 4; ; pc += 4) {
      if (code.spDelta(fi, pc) > 0) {
        return pc + 4;
      }
    }
  }

  private static int delta(CodeMap code, long pc) {
    return code.spDelta(code.funcIndex(pc), pc);
  }

  private static List<String> names(List<StackFrame> stack) {
    return stack.stream().map(StackFrame::function).toList();
  }

  @Test
  void arm64CrossesFromTheHandlerToTheInterruptedFrameAndItsCallers() {
    GoRuntime rt = arm64();
    CodeMap code = rt.code();
    long inGo = pcWithFrame(code, "runtime.sigtrampgo");
    long inTramp = pcWithFrame(code, "runtime.sigtramp");
    long interrupted = pcWithFrame(code, "main.main");
    long inRtMain = pcWithFrame(code, "runtime.main");
    long goexit = entry(code, "runtime.goexit") + 4;
    long sp0 = SIG_HI - 0x1000;
    long sp1 = sp0 + delta(code, inGo);
    long frame = sp1 + delta(code, inTramp); // the kernel's rt_sigframe: siginfo, then ucontext
    long u0 = STACK_HI - 0x400;
    long u1 = u0 + delta(code, interrupted);
    FakeMemory mem = stacks();
    mem.putLong(sp0, inTramp).putLong(sp1, VDSO_SIGRETURN);
    long regs = frame + 128 + 176 + 8;
    mem.putLong(regs + 29 * 8, u1 - 8).putLong(regs + 30 * 8, 0x1234).putLong(regs + 31 * 8, u0)
        .putLong(regs + 32 * 8, interrupted);
    mem.putLong(u0, inRtMain).putLong(u1, goexit);

    List<StackFrame> stack = new Unwinder(rt, mem).stacktrace(onSignalStack(inGo, sp0, 0), 20);
    assertEquals(List.of("runtime.sigtrampgo", "runtime.sigtramp", "main.main", "runtime.main", "runtime.goexit"),
        names(stack), stack.toString());
    assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
    assertEquals(List.of(true, true, false, false, false), stack.stream().map(StackFrame::systemStack).toList());
    StackFrame main = stack.get(2);
    assertEquals(interrupted, main.pc());
    assertEquals(u0, main.sp());
    assertEquals(code.location(interrupted).line(), main.location().line(), "the interrupted pc, not pc - 1");
    assertEquals(u1 - STACK_HI, main.frameOffset());
    assertEquals(frame, stack.get(1).cfa());
    assertEquals(code.location(inRtMain - 4).line(), stack.get(3).location().line(), "a caller: pc - 1");
  }

  @Test
  void arm64InterruptedFramelessFunctionReturnsThroughTheSavedLr() {
    GoRuntime rt = arm64();
    CodeMap code = rt.code();
    long inRtMain = pcWithFrame(code, "runtime.main");
    long goexit = entry(code, "runtime.goexit") + 4;
    long sp = SIG_HI - 0x1000; // stopped at sigtramp's entry: its CFA is sp
    long u0 = STACK_HI - 0x400;
    FakeMemory mem = stacks();
    long regs = sp + 128 + 176 + 8;
    mem.putLong(regs + 30 * 8, inRtMain).putLong(regs + 31 * 8, u0).putLong(regs + 32 * 8, entry(code, "main.main"));
    mem.putLong(u0, goexit); // runtime.main saved its own LR at its [sp]

    List<StackFrame> stack = new Unwinder(rt, mem).stacktrace(
        onSignalStack(entry(code, "runtime.sigtramp"), sp, VDSO_SIGRETURN), 20);
    assertEquals(List.of("runtime.sigtramp", "main.main", "runtime.main", "runtime.goexit"), names(stack),
        stack.toString());
    assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
    assertEquals(u0, stack.get(1).cfa(), "frameless at its entry");
    assertEquals(u0 + delta(code, inRtMain), stack.get(2).cfa());
  }

  @Test
  void amd64InterruptedSystemStackCodeStaysOnASystemStack() {
    GoRuntime rt = amd64();
    CodeMap code = rt.code();
    long sp = SIG_HI - 0x1000;
    long g0Sp = 0x6000_0000L;
    FakeMemory mem = stacks().map(g0Sp - 0x100, 0x200);
    mem.putLong(sp, entry(code, "runtime.sigreturn__sigaction"));
    mem.putLong(sp + 8 + 160, g0Sp).putLong(sp + 8 + 168, entry(code, "runtime.mstart"));
    List<StackFrame> stack = new Unwinder(rt, mem).stacktrace(onSignalStack(entry(code, "runtime.sigtramp"), sp, 0),
        20);
    assertEquals(List.of("runtime.sigtramp", "runtime.mstart"), names(stack), stack.toString());
    assertTrue(stack.stream().allMatch(f -> f.error().isEmpty()), stack.toString());
    StackFrame mstart = stack.get(1);
    assertTrue(mstart.systemStack(), "g0's stack, not the goroutine's");
    assertEquals(g0Sp + 8, mstart.frameOffset(), "absolute on a system stack");
  }

  @Test
  void aSignalFrameBelowItsHandlerEndsTheWalk() {
    GoRuntime rt = amd64();
    CodeMap code = rt.code();
    long sp = SIG_HI - 0x1000;
    FakeMemory mem = stacks();
    mem.putLong(sp, entry(code, "runtime.sigreturn__sigaction"));
    mem.putLong(sp + 8 + 160, sp).putLong(sp + 8 + 168, entry(code, "runtime.sighandler"));
    List<StackFrame> stack = new Unwinder(rt, mem).stacktrace(onSignalStack(entry(code, "runtime.sigtramp"), sp, 0),
        20);
    assertEquals(List.of("runtime.sigtramp"), names(stack));
    assertEquals(Optional.of("interrupted stack pointer 0x" + Long.toHexString(sp) + " is below its signal frame at 0x"
        + Long.toHexString(sp + 8)), stack.get(0).error());
  }

  @Test
  void anUnreadableSignalFrameEndsTheWalk() {
    GoRuntime rt = amd64();
    CodeMap code = rt.code();
    long sp = SIG_HI - 8; // the ucontext would be above the stack
    FakeMemory mem = stacks();
    mem.putLong(sp, entry(code, "runtime.sigreturn__sigaction"));
    List<StackFrame> stack = new Unwinder(rt, mem).stacktrace(onSignalStack(entry(code, "runtime.sigtramp"), sp, 0),
        20);
    assertEquals(List.of("runtime.sigtramp"), names(stack));
    assertTrue(stack.get(0).error().orElseThrow().startsWith("unreadable stack memory"), stack.toString());
  }

  @Test
  void sigtrampCalledByACgoTracebackEndsTheWalk() {
    Path binary = GoBuild.fixture("goroutines-cgo").env("CGO_ENABLED", "1").build();
    GoRuntime rt = Binary.open(binary).runtime();
    long callers = GoNm.symbols(binary).stream().filter(s -> s.name().equals("x_cgo_callers")).findFirst()
        .orElseThrow().address();
    long sp = SIG_HI - 0x1000;
    FakeMemory mem = stacks();
    mem.putLong(sp, callers + 0x20);
    List<StackFrame> stack = new Unwinder(rt, mem).stacktrace(
        onSignalStack(entry(rt.code(), "runtime.sigtramp"), sp, 0), 20);
    assertEquals(List.of("runtime.sigtramp"), names(stack));
    assertEquals(Optional.of("runtime.sigtramp was called by x_cgo_callers (a cgo traceback), not on a signal frame"),
        stack.get(0).error());
  }
}
