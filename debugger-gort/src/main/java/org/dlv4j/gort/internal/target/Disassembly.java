package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.api.AsmInstruction;
import org.dlv4j.api.AsmSyntax;
import org.dlv4j.api.DisassemblerUnavailableException;
import org.dlv4j.api.Location;
import org.dlv4j.api.LocationNotFoundException;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.internal.bp.BreakpointTable;
import org.dlv4j.gort.internal.disasm.Disassembler;
import org.dlv4j.gort.internal.disasm.Instruction;
import org.dlv4j.gort.internal.disasm.Symbolizer;
import org.dlv4j.gort.internal.disasm.Syntax;
import org.dlv4j.spi.ProcessBackend;

/**
 * Disassembles a stopped target's code as Delve's {@code disassemble} command shows it: the
 * program's own bytes under breakpoints, each instruction with its source position, direct
 * branch targets named after their function, and flags for planted breakpoints and the pc.
 * The native disassembler is loaded on first use, once, so that a target whose machine lacks
 * it runs and stops as usual. Stepping decodes through it too ({@link #decode}). The caller
 * holds the target stopped; thread-safe.
 */
final class Disassembly implements AutoCloseable {
  /** The largest range {@link #range} disassembles. */
  static final long MAX_RANGE = 1 << 20;

  private final ProcessBackend backend;
  private final BreakpointTable breakpoints;
  private final CodeIndex code;
  private final Symbolizer symbolizer;
  private Disassembler decoder;
  private DisassemblerUnavailableException unavailable;
  private boolean closed;

  Disassembly(ProcessBackend backend, BreakpointTable breakpoints, CodeIndex code) {
    this.backend = backend;
    this.breakpoints = breakpoints;
    this.code = code;
    this.symbolizer = address -> code.location(address).function().map(f ->
        address == f.entry() ? f.name() : f.name() + "+0x" + Long.toHexString(address - f.entry()));
  }

  /**
   * Disassembles the instructions that start in {@code [start, end)}; the last one may extend
   * past {@code end}.
   *
   * @param start the first address
   * @param end the address after the range
   * @param syntax the text's syntax
   * @param pc the address to mark {@link AsmInstruction#atPc()}, if any
   * @return the instructions, ascending
   * @throws IllegalArgumentException if {@code end} is below {@code start} or the range is
   *     over {@link #MAX_RANGE}
   * @throws MemoryAccessException if a byte of the range cannot be read
   * @throws DisassemblerUnavailableException if no disassembler loads for the architecture
   */
  List<AsmInstruction> range(long start, long end, AsmSyntax syntax, OptionalLong pc) {
    Objects.requireNonNull(syntax, "syntax");
    if (Long.compareUnsigned(end, start) < 0) {
      throw new IllegalArgumentException("end 0x" + Long.toHexString(end)
          + " is below start 0x" + Long.toHexString(start));
    }
    if (Long.compareUnsigned(end - start, MAX_RANGE) > 0) {
      throw new IllegalArgumentException("cannot disassemble 0x" + Long.toHexString(end - start)
          + " bytes at 0x" + Long.toHexString(start) + ": at most 0x"
          + Long.toHexString(MAX_RANGE) + " at once");
    }
    if (start == end) {
      return List.of();
    }
    byte[] bytes = read(start, (int) (end - start));
    List<Instruction> decoded = decoder().disassemble(bytes, start, syntax == AsmSyntax.INTEL
        ? Syntax.INTEL : Syntax.GNU, symbolizer);
    List<AsmInstruction> out = new ArrayList<>(decoded.size());
    for (Instruction i : decoded) {
      if (Long.compareUnsigned(i.address(), end) >= 0) {
        break;
      }
      out.add(new AsmInstruction(code.location(i.address()),
          destination(i.branchTarget()), i.text(), i.bytes(),
          breakpoints.at(i.address()) != null,
          pc.isPresent() && pc.getAsLong() == i.address()));
    }
    return out;
  }

  /**
   * Disassembles the function that contains {@code pc}, up to the end of its code (not the
   * padding before the next function).
   *
   * @param pc an address inside the function
   * @param syntax the text's syntax
   * @param atPc the address to mark {@link AsmInstruction#atPc()}, if any
   * @return the function's instructions, ascending
   * @throws LocationNotFoundException if no function contains {@code pc}
   * @throws MemoryAccessException if the function's code cannot be read
   * @throws DisassemblerUnavailableException if no disassembler loads for the architecture
   */
  List<AsmInstruction> function(long pc, AsmSyntax syntax, OptionalLong atPc) {
    Objects.requireNonNull(syntax, "syntax");
    CodeIndex.CodeRange f = code.functionCode(pc).orElseThrow(() ->
        new LocationNotFoundException("*0x" + Long.toHexString(pc), "no function contains it"));
    return range(f.entry(), f.end(), syntax, atPc);
  }

  /**
   * Decodes the one instruction at {@code pc}, in GNU syntax, marked as at the pc.
   *
   * @param pc the address
   * @return the instruction
   * @throws MemoryAccessException if the byte at {@code pc} cannot be read
   * @throws DisassemblerUnavailableException if no disassembler loads for the architecture
   */
  AsmInstruction at(long pc) {
    return range(pc, pc + 1, AsmSyntax.GNU, OptionalLong.of(pc)).get(0);
  }

  /**
   * Decodes the instructions that start in {@code [from, to)} for the debugger's own use
   * (stepping looks for calls): Intel syntax, no names, the program's own bytes.
   *
   * @param from the first address
   * @param to the address after the range
   * @return the instructions, ascending
   * @throws MemoryAccessException if the range cannot be read
   * @throws DisassemblerUnavailableException if no disassembler loads for the architecture
   */
  List<Instruction> decode(long from, long to) {
    List<Instruction> all = decoder().disassemble(read(from, (int) (to - from)), from,
        Syntax.INTEL);
    int inside = 0;
    while (inside < all.size() && Long.compareUnsigned(all.get(inside).address(), to) < 0) {
      inside++;
    }
    return all.subList(0, inside);
  }

  /** Frees the native disassembler, if it was loaded. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (decoder != null) {
      decoder.close();
    }
  }

  /** Returns the disassembler, loading it on the first call; a failure is remembered. */
  private synchronized Disassembler decoder() {
    if (closed) {
      throw new IllegalStateException("disassembly of process " + backend.pid() + " closed");
    }
    if (decoder == null && unavailable == null) {
      try {
        decoder = Disassembler.forArch(backend.arch().name());
      } catch (DisassemblerUnavailableException e) {
        unavailable = e;
      }
    }
    if (unavailable != null) {
      throw new DisassemblerUnavailableException(unavailable.getMessage(), unavailable);
    }
    return decoder;
  }

  /**
   * Reads {@code [start, start+length)} and, as far as it is readable, one instruction's
   * length more, so that the last instruction of the range is not cut off; with the program's
   * own bytes where breakpoints are planted.
   */
  private byte[] read(long start, int length) {
    int more = backend.arch().maxInstructionLength() - 1;
    byte[] bytes = new byte[length + more];
    backend.memory().readFully(start, bytes, 0, length);
    int tail;
    try {
      tail = backend.memory().read(start + length, bytes, length, more);
    } catch (MemoryAccessException e) { // the range ends where readable memory does
      tail = 0;
    }
    byte[] read = tail == more ? bytes : Arrays.copyOf(bytes, length + tail);
    breakpoints.showOriginal(start, read);
    return read;
  }

  private Optional<Location> destination(OptionalLong target) {
    return target.isPresent() ? Optional.of(code.location(target.getAsLong()))
        : Optional.empty();
  }
}
