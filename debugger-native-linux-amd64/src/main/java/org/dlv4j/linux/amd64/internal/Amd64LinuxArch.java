package org.dlv4j.linux.amd64.internal;

import org.dlv4j.linux.internal.ptrace.LinuxArch;
import org.dlv4j.linux.internal.ptrace.Ptrace;
import org.dlv4j.linux.internal.sys.Errno;
import org.dlv4j.linux.internal.sys.ErrnoException;
import org.dlv4j.spi.ArchSupport;
import org.dlv4j.spi.RegisterFile;
import org.dlv4j.spi.WaitEvent;

/**
 * How amd64 registers travel through ptrace: {@code PTRACE_GETREGS}/{@code SETREGS} for
 * {@code user_regs_struct} ({@code PTRACE_POKEUSER} for rip alone),
 * {@code PTRACE_GETREGSET NT_X86_XSTATE} for x87/SSE/AVX (falling back to
 * {@code PTRACE_GETFPREGS} where the kernel or CPU has no XSAVE).
 */
public final class Amd64LinuxArch implements LinuxArch {
  /** The single instance. */
  public static final Amd64LinuxArch INSTANCE = new Amd64LinuxArch();

  private static final int EM_X86_64 = 62;
  private static final int NT_X86_XSTATE = 0x202;
  /** Enough for every component up to AVX-512; AMX tile data beyond it is cut off. */
  private static final int XSTATE_MAX = 4096;
  private static final int FXSAVE_SIZE = 512;
  /** Where rip is in {@code struct user} (its general registers come first). */
  private static final long RIP_OFFSET = 8L * Amd64RegisterFile.RIP;

  private Amd64LinuxArch() { }

  @Override
  public ArchSupport support() {
    return Amd64Arch.INSTANCE;
  }

  @Override
  public int elfMachine() {
    return EM_X86_64;
  }

  @Override
  public int breakpointTrapCode() {
    return WaitEvent.Trap.SI_KERNEL; // int3 raises SIGTRAP through the kernel's #BP handler
  }

  @Override
  public RegisterFile readRegisters(Ptrace ptrace, int tid, StopGuard guard) {
    long[] words = new long[Amd64RegisterFile.WORDS];
    ptrace.getRegs(tid, words);
    return new Amd64RegisterFile(tid, words, new Amd64RegisterFile.FpState(() -> {
      guard.check("read the FP/vector registers of thread " + tid);
      return readXstate(ptrace, tid);
    }));
  }

  @Override
  public void writeRegisters(Ptrace ptrace, int tid, RegisterFile registers) {
    if (!(registers instanceof Amd64RegisterFile amd64)) {
      throw new IllegalArgumentException("not amd64 registers: " + registers);
    }
    ptrace.setRegs(tid, amd64.words());
  }

  @Override
  public void writePc(Ptrace ptrace, int tid, long pc) {
    ptrace.pokeUser(tid, RIP_OFFSET, pc);
  }

  private static Xstate readXstate(Ptrace ptrace, int tid) {
    byte[] area = new byte[XSTATE_MAX];
    try {
      return new Xstate(area, ptrace.getRegSet(tid, NT_X86_XSTATE, area));
    } catch (ErrnoException e) {
      if (e.errno() != Errno.EINVAL && e.errno() != Errno.ENODEV && e.errno() != Errno.EIO) {
        throw e;
      }
      ptrace.getFpRegs(tid, area);
      return new Xstate(area, FXSAVE_SIZE);
    }
  }

  @Override
  public String toString() {
    return "linux/amd64";
  }
}
