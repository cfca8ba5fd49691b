package org.dlv4j.gort.internal.stack;

import org.dlv4j.gort.Arch;
import org.dlv4j.gort.internal.runtime.Bytes;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.TargetMemory;

/**
 * Linux signal frames: where the kernel saved the registers of the code a signal interrupted
 * before it called the Go runtime's handler, {@code runtime.sigtramp} (runtime-internals.md
 * §3.3). The kernel pushes an {@code rt_sigframe} on the signal stack and enters the handler
 * with the stack pointer at it, so the frame lies at sigtramp's CFA (its entry stack pointer,
 * plus the return address on amd64):
 * <ul>
 * <li>amd64: the return address (the restorer) then the {@code ucontext}, so the ucontext is
 *     at sigtramp's CFA; its {@code uc_mcontext} (struct sigcontext) at +40 holds r8..r15,
 *     rdi, rsi, rbp (+120), rbx, rdx, rax, rcx, rsp (+160), rip (+168);
 * <li>arm64: the 128-byte {@code siginfo} then the ucontext, whose {@code uc_mcontext} at +176
 *     holds fault_address, x0..x30 (x29 = fp at +416, x30 = lr at +424), sp (+432), pc (+440).
 * </ul>
 * Layouts from the kernel's {@code struct rt_sigframe} and the runtime's
 * {@code defs_linux_amd64.go}/{@code defs_linux_arm64.go}; the same as the {@code ctx}
 * argument {@code runtime.sigtrampgo} receives. The one caller of sigtramp that is not the
 * kernel is runtime/cgo's {@code x_cgo_callers}: for a signal during a cgo call in a program
 * that set {@code runtime.SetCgoTraceback}, cgoSigtramp jumps to it, and it runs the traceback
 * and then calls sigtramp from C; no signal frame lies above sigtramp then. Not thread-safe: reuses one buffer.
 */
final class SignalFrames {
  /** The registers of the interrupted code, refilled by {@link #read}. */
  static final class Context {
    long pc;
    long sp;
    long bp;
    /** The link register (arm64), or 0. */
    long lr;
  }

  /** runtime/cgo's C function that calls sigtramp after a cgo traceback. */
  static final String CGO_CALLERS = "x_cgo_callers";

  private final GoRuntime rt;
  /** Where the ucontext is, from sigtramp's CFA. */
  private final int ucontextOffset;
  /** The part of the ucontext read: from the frame pointer to the pc. */
  private final int blockOffset;
  private final byte[] block;
  private final int spAt;
  private final int pcAt;
  /** Where the link register is in the block, or -1. */
  private final int lrAt;

  SignalFrames(GoRuntime rt) {
    this.rt = rt;
    if (rt.arch() == Arch.ARM64) {
      ucontextOffset = 128;
      blockOffset = 176 + 8 + 29 * 8; // uc_mcontext.regs[29]
      block = new byte[32];
      lrAt = 8;
      spAt = 16;
      pcAt = 24;
    } else {
      ucontextOffset = 0;
      blockOffset = 40 + 10 * 8; // uc_mcontext.rbp
      block = new byte[56];
      lrAt = -1;
      spAt = 40;
      pcAt = 48;
    }
  }

  /**
   * Returns where the kernel put the ucontext of the signal frame sigtramp was called on.
   *
   * @param sigtrampCfa the CFA of the {@code runtime.sigtramp} frame
   * @return the ucontext's address
   */
  long ucontext(long sigtrampCfa) {
    return sigtrampCfa + ucontextOffset;
  }

  /**
   * Tells why a sigtramp frame returning to {@code ret} has no signal frame above it.
   *
   * @param ret sigtramp's return address
   * @return null if the kernel called sigtramp, else why not
   */
  String notFromKernel(long ret) {
    if (rt.code().funcIndex(ret) < 0 && rt.symbolAt(ret).filter(CGO_CALLERS::equals).isPresent()) {
      return "runtime.sigtramp was called by " + CGO_CALLERS + " (a cgo traceback), not on a signal frame";
    }
    return null;
  }

  /**
   * Reads the interrupted registers of the signal frame whose ucontext is at {@code ucontext}.
   *
   * @param memory the stopped process's memory
   * @param ucontext the ucontext's address
   * @param out receives the registers
   * @throws org.dlv4j.api.MemoryAccessException if the ucontext is unreadable
   */
  void read(TargetMemory memory, long ucontext, Context out) {
    memory.readFully(ucontext + blockOffset, block, 0, block.length);
    out.bp = Bytes.getLong(block, 0);
    out.lr = lrAt < 0 ? 0 : Bytes.getLong(block, lrAt);
    out.sp = Bytes.getLong(block, spAt);
    out.pc = Bytes.getLong(block, pcAt);
  }
}
