package org.dlv4j.gort.internal.runtime;

import org.dlv4j.gort.Arch;
import org.dlv4j.spi.RegisterFile;

/**
 * The registers of one stopped thread that the goroutine model and the unwinder use. Immutable.
 *
 * @param tid the kernel thread id
 * @param pc the program counter
 * @param sp the stack pointer
 * @param bp the frame pointer ({@code rbp}; {@code x29} on arm64)
 * @param lr the link register ({@code x30} on arm64; 0 on amd64)
 * @param tlsBase the thread pointer: {@code fs_base} on amd64, {@code TPIDR_EL0} on arm64 (0 if
 *     unknown)
 * @param gRegister the register Go keeps the current g in inside Go code: {@code r14} on amd64
 *     (regabi), {@code x28} on arm64
 */
public record ThreadRegs(int tid, long pc, long sp, long bp, long lr, long tlsBase, long gRegister) {

  /**
   * Takes the registers from a backend's register file.
   *
   * @param regs the thread's registers at this stop
   * @param arch the target's architecture
   * @return the registers the runtime model uses
   */
  public static ThreadRegs of(RegisterFile regs, Arch arch) {
    if (arch == Arch.ARM64) {
      return new ThreadRegs(regs.tid(), regs.pc(), regs.sp(), regs.bp(), value(regs, "x30"),
          value(regs, "tpidr_el0"), value(regs, "x28"));
    }
    return new ThreadRegs(regs.tid(), regs.pc(), regs.sp(), regs.bp(), 0, value(regs, "fs_base"),
        value(regs, "r14"));
  }

  private static long value(RegisterFile regs, String name) {
    return regs.value(name).orElse(0);
  }
}
