package org.dlv4j.spi;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The registers of one thread at one stop. General-purpose registers (on amd64 including
 * {@code fs_base}/{@code gs_base}) are read once per stop and are immutable values here;
 * floating-point and vector registers (x87, SSE, AVX) are loaded on the first request for
 * one of them.
 *
 * <p>Thread-safety and lifetime: the general-purpose values may be read from any thread at any
 * time. The first request for a floating-point or vector register issues a ptrace call, so it
 * must happen on the tracer thread while the thread is still stopped at the same stop;
 * otherwise it throws {@link IllegalStateException} (wrong thread) or
 * {@link org.dlv4j.api.StaleHandleException} (the thread ran since). Later requests answer from
 * the loaded copy.
 */
public interface RegisterFile {

  /**
   * Returns the id of the thread these registers belong to.
   *
   * @return the kernel thread id
   */
  int tid();

  /**
   * Returns the program counter.
   *
   * @return the address of the next instruction to execute
   */
  long pc();

  /**
   * Returns the stack pointer.
   *
   * @return the stack pointer value
   */
  long sp();

  /**
   * Returns the frame pointer.
   *
   * @return the frame pointer value ({@code rbp} on amd64)
   */
  long bp();

  /**
   * Returns the name of every register this file can answer, general-purpose registers first
   * (in {@link ArchSupport#generalRegisterNames()} order), then floating-point and vector ones.
   *
   * @return an immutable list
   */
  List<String> names();

  /**
   * Returns a register's value as an integer. For registers wider than 64 bits (e.g. XMM) the
   * low 64 bits are returned, which is where scalar floating-point values live.
   *
   * @param name a register name from {@link #names()}
   * @return the value, or empty if the name is unknown or the register is not available on
   *     this machine
   */
  OptionalLong value(String name);

  /**
   * Returns a register's value by DWARF register number; see {@link #value(String)}.
   *
   * @param dwarfRegister a DWARF register number of the architecture
   * @return the value, or empty if the number is unknown or unavailable
   */
  OptionalLong dwarfValue(int dwarfRegister);

  /**
   * Returns a register's raw little-endian bytes: 8 for general-purpose registers, 10 for x87
   * registers, 16 for XMM, 32 for YMM.
   *
   * @param name a register name from {@link #names()}
   * @return a fresh copy of the bytes, or empty if the name is unknown or the register is not
   *     available on this machine (e.g. YMM without AVX)
   */
  Optional<byte[]> bytes(String name);

  /**
   * Returns a copy of this file with one general-purpose register changed, for
   * {@link ThreadBackend#setRegisters(RegisterFile)}.
   *
   * @param name a name from {@link ArchSupport#generalRegisterNames()}
   * @param newValue the new value
   * @return the modified copy; this file is unchanged
   * @throws IllegalArgumentException if {@code name} is not a general-purpose register
   */
  RegisterFile with(String name, long newValue);
}
