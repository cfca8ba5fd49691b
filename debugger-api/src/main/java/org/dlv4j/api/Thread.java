package org.dlv4j.api;

import java.util.List;

/**
 * An OS thread of the target (a Linux task), as it was at one stop. The name follows Delve's
 * API; where {@code java.lang.Thread} is also in scope, qualify one of them, e.g.
 * {@code org.dlv4j.api.Thread}.
 *
 * <p><b>Lifetime.</b> A {@code Thread} is a snapshot taken when the target stopped; the next
 * {@link Target#resume()} or step makes a new one. The values captured at the stop
 * ({@link #id()}, {@link #pc()}, {@link #location()}, {@link #registers()},
 * {@link #breakpoints()}, {@link #goroutineId()}) stay readable forever, so an old
 * {@link DebuggerState} can still be printed. Methods that read the target on demand
 * ({@link #floatingPointRegisters()}, {@link #instruction()}) throw
 * {@link StaleHandleException} once the target has been resumed after this snapshot. Compare threads of different stops by {@link #id()}.
 *
 * <p><b>Thread safety.</b> Implementations are thread-safe.
 */
public interface Thread {
  /**
   * Returns the thread's id, the Linux thread id ({@code tid}); the main thread's id is the
   * process id.
   *
   * @return the id, positive
   */
  int id();

  /**
   * Returns the thread's program counter at the stop: the address of the next instruction it
   * will execute (for a thread stopped at a breakpoint, the breakpoint's address).
   *
   * @return the address (unsigned)
   */
  long pc();

  /**
   * Returns the source position and function of {@link #pc()}.
   *
   * @return the location
   */
  Location location();

  /**
   * Returns the general purpose registers at the stop, including {@code fs_base} and
   * {@code gs_base}.
   *
   * @return the registers; their {@link Registers#pc()} equals {@link #pc()}
   */
  Registers registers();

  /**
   * Reads the floating point and vector registers (on amd64: x87 {@code st0…st7} with their
   * control words, {@code mxcsr}, and {@code xmm}/{@code ymm}/{@code zmm} as far as the CPU
   * has them). They are read from the target on the first call and cached for this stop.
   *
   * @return the registers, in the architecture's order
   * @throws StaleHandleException if the target has been resumed or killed since this snapshot
   * @throws TargetDetachedException if the target has been detached
   * @throws DebuggerException if the registers cannot be read
   */
  List<Register> floatingPointRegisters();

  /**
   * Decodes the instruction at {@link #pc()} in GNU syntax: after
   * {@link Target#stepInstruction(int)}, the instruction the thread will execute next. Decoded
   * on the first call and cached for this stop.
   *
   * @return the instruction, with {@link AsmInstruction#atPc()} set
   * @throws StaleHandleException if the target has been resumed or killed since this snapshot
   * @throws TargetDetachedException if the target has been detached
   * @throws MemoryAccessException if the code cannot be read
   * @throws DisassemblerUnavailableException if no disassembler loads for the architecture
   */
  AsmInstruction instruction();

  /**
   * Returns the user breakpoints this thread stopped at, ascending by id. Several breakpoints
   * may share an address; a thread that merely stopped because another thread hit a
   * breakpoint, or that sits at a breakpoint it has not executed yet, has none.
   *
   * @return the breakpoints as they were at the stop (hit counts included), possibly empty
   */
  List<Breakpoint> breakpoints();

  /**
   * Returns the id of the goroutine this thread was running at the stop. The Go runtime never
   * gives a goroutine id 0, so 0 means none: the thread runs no goroutine (a scheduler or
   * system stack, a non-Go thread), or the engine does not read goroutines.
   *
   * @return the goroutine id, or 0
   */
  long goroutineId();
}
