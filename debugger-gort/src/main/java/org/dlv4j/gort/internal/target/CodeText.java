package org.dlv4j.gort.internal.target;

import java.util.List;
import org.dlv4j.gort.internal.binary.Lazy;
import org.dlv4j.gort.internal.bp.BreakpointTable;
import org.dlv4j.gort.internal.disasm.Disassembler;
import org.dlv4j.gort.internal.disasm.Instruction;
import org.dlv4j.gort.internal.disasm.Syntax;
import org.dlv4j.spi.MemoryAccess;

/**
 * The program's code as the compiler wrote it, decoded: bytes read from the process with the
 * breakpoint instructions the debugger planted replaced by the code they hide, then
 * disassembled. The disassembler is created on first use and freed by {@link #close()}.
 */
final class CodeText implements AutoCloseable {
  private final MemoryAccess memory;
  private final BreakpointTable breakpoints;
  private final Lazy<Disassembler> disassembler;

  /**
   * Creates the reader of one target's code.
   *
   * @param memory the target's memory
   * @param breakpoints its breakpoints, whose instructions reads hide
   * @param goArch its architecture, as {@code GOARCH} spells it
   */
  CodeText(MemoryAccess memory, BreakpointTable breakpoints, String goArch) {
    this.memory = memory;
    this.breakpoints = breakpoints;
    this.disassembler = Lazy.of(() -> Disassembler.forArch(goArch));
  }

  /**
   * Decodes the instructions of {@code [from, to)}.
   *
   * @param from the first address
   * @param to the address after the last byte
   * @return the instructions, in address order
   * @throws org.dlv4j.api.MemoryAccessException if the range is unreadable
   * @throws org.dlv4j.api.DisassemblerUnavailableException if no disassembler can be loaded
   */
  List<Instruction> decode(long from, long to) {
    byte[] bytes = new byte[(int) (to - from)];
    memory.readFully(from, bytes, 0, bytes.length);
    breakpoints.showOriginal(from, bytes);
    return disassembler.get().disassemble(bytes, from, Syntax.INTEL);
  }

  @Override
  public void close() {
    if (disassembler.isDone()) {
      disassembler.get().close();
    }
  }
}
