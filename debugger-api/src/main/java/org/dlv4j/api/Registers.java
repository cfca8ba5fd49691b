package org.dlv4j.api;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The general purpose registers of a thread at a stop, in the architecture's order (on amd64:
 * {@code rip, rsp, rax, rbx, rcx, rdx, rsi, rdi, rbp, r8…r15, rflags, cs, fs, gs, es, ds, ss,
 * fs_base, gs_base, orig_rax}), with the program counter and stack pointer at hand.
 *
 * <p>Instances are immutable and thread-safe; they hold the values of their stop and never
 * become stale. Floating point and vector registers are read separately, on demand, by
 * {@link Thread#floatingPointRegisters()}.
 *
 * @param pc the program counter ({@code rip} on amd64, {@code pc} on arm64)
 * @param sp the stack pointer ({@code rsp} on amd64, {@code sp} on arm64)
 * @param registers every general purpose register, names unique
 */
public record Registers(long pc, long sp, List<Register> registers) {
  /**
   * Validates and copies the components.
   *
   * @param pc the program counter ({@code rip} on amd64, {@code pc} on arm64)
   * @param sp the stack pointer ({@code rsp} on amd64, {@code sp} on arm64)
   * @param registers every general purpose register, names unique
   * @throws NullPointerException if {@code registers} or an element is null
   * @throws IllegalArgumentException if two registers have the same name
   */
  public Registers {
    registers = Checks.copy(registers, "registers");
    Set<String> names = new HashSet<>();
    for (Register register : registers) {
      if (!names.add(register.name())) {
        throw new IllegalArgumentException("duplicate register " + register.name());
      }
    }
  }

  /**
   * Finds a register by name.
   *
   * @param name the name as Delve spells it, e.g. {@code "rax"} or {@code "fs_base"}
   * @return the register, or empty if the architecture has no register of that name
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<Register> get(String name) {
    Checks.notNull(name, "name");
    return registers.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
