package org.dlv4j.spi;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Facts about one instruction-set architecture that the engine needs and that do not depend
 * on a process: pointer size, the software breakpoint instruction and how its trap reports
 * the PC, and the DWARF register numbering. Implementations are immutable and thread-safe.
 */
public interface ArchSupport {

  /**
   * Returns the architecture's name as Go spells it ({@code GOARCH}).
   *
   * @return e.g. {@code "amd64"}
   */
  String name();

  /**
   * Returns the size of a pointer in bytes.
   *
   * @return 8 on 64-bit architectures
   */
  int pointerSize();

  /**
   * Returns the bytes of the software breakpoint instruction, as written over code.
   *
   * @return a fresh copy, e.g. {@code {(byte) 0xCC}} on amd64
   */
  byte[] breakpointInstruction();

  /**
   * Tells whether a breakpoint trap leaves the PC after the breakpoint instruction (amd64:
   * {@code true}, so the breakpoint is at {@code pc - breakpointInstruction().length}) or at
   * it (arm64: {@code false}).
   *
   * @return {@code true} if the reported PC is past the breakpoint instruction
   */
  boolean breakpointTrapAdvancesPc();

  /**
   * Returns the length of the longest instruction, in bytes: how much code to read to be sure
   * to hold one whole instruction.
   *
   * @return 15 on amd64, 4 on arm64
   */
  int maxInstructionLength();

  /**
   * Returns the DWARF register number of the program counter (the return-address column of
   * the call frame information).
   *
   * @return 16 on amd64
   */
  int pcDwarfRegister();

  /**
   * Returns the DWARF register number of the stack pointer.
   *
   * @return 7 on amd64
   */
  int spDwarfRegister();

  /**
   * Returns the DWARF register number of the frame pointer.
   *
   * @return 6 on amd64
   */
  int bpDwarfRegister();

  /**
   * Returns the name of the register with a DWARF register number, as {@link RegisterFile}
   * knows it.
   *
   * @param dwarfRegister a DWARF register number of this architecture's psABI
   * @return the name, e.g. {@code "rsp"} for 7 on amd64, or empty if the number is unknown
   */
  Optional<String> registerName(int dwarfRegister);

  /**
   * Returns the DWARF register number of a named register.
   *
   * @param name a register name as {@link RegisterFile#names()} lists it
   * @return the number, or empty if the register has none (e.g. {@code "orig_rax"})
   */
  OptionalInt dwarfRegister(String name);

  /**
   * Returns the names of the general-purpose registers, in the order a debugger shows them.
   *
   * @return an immutable list
   */
  List<String> generalRegisterNames();
}
