package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import java.util.List;

/**
 * Disassembles the machine code of one architecture.
 *
 * <pre>{@code
 * try (Disassembler d = Disassembler.forArch("amd64")) {
 *   for (Instruction i : d.disassemble(code, 0x401000, Syntax.INTEL, symbolizer)) {
 *     if (i.isCall() && i.branchTarget().isPresent()) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>Every byte is accounted for: the instructions returned cover {@code code} exactly, in
 * order, each starting where the previous one ends. Bytes that do not decode (invalid
 * encodings, or an instruction cut off by the end of {@code code}) become instructions of
 * {@link Instruction.Kind#BAD} with mnemonic {@code "(bad)"} and empty operands, as objdump
 * shows them: one byte long on amd64, four on arm64 (or what is left, if less), and decoding
 * resumes right after. To decode a window of memory that may cut an instruction, read up to
 * the architecture's longest instruction (15 bytes on amd64) more and ignore instructions
 * that start past the window.
 *
 * <p>Thread-safety: an instance may be shared; its calls are serialized, since one native
 * decoder is not safe for concurrent use. For parallel disassembly, use one instance per
 * thread. Instances hold native memory until {@link #close() closed} (or, failing that, until
 * they become unreachable).
 */
public interface Disassembler extends AutoCloseable {

  /**
   * Returns a new disassembler for an architecture.
   *
   * @param goArch the architecture as {@code GOARCH} spells it: {@code "amd64"} or
   *     {@code "arm64"}
   * @return a disassembler; close it when done
   * @throws DisassemblerUnavailableException if dlv4j does not disassemble {@code goArch}, or
   *     the native library that decodes it cannot be loaded (the message says which and why)
   */
  static Disassembler forArch(String goArch) {
    switch (goArch) {
      case "amd64":
        return new LlvmDisassembler();
      case "arm64":
        return new CapstoneDisassembler();
      default:
        throw new DisassemblerUnavailableException(
            "no disassembler for GOARCH " + goArch + ": dlv4j disassembles amd64 and arm64");
    }
  }

  /**
   * Returns the architecture this disassembler decodes.
   *
   * @return its {@code GOARCH} name
   */
  String goArch();

  /**
   * Disassembles {@code code}, as if it sat at {@code address}, without naming branch targets.
   *
   * @param code the bytes; may be empty
   * @param address the virtual address of {@code code[0]}
   * @param syntax the syntax of the text
   * @return the instructions covering {@code code}, in order, unmodifiable; empty if
   *     {@code code} is
   * @throws IllegalStateException if the disassembler has been closed
   */
  default List<Instruction> disassemble(byte[] code, long address, Syntax syntax) {
    return disassemble(code, address, syntax, Symbolizer.NONE);
  }

  /**
   * Disassembles {@code code}, as if it sat at {@code address}. The target of every direct
   * call or jump is offered to {@code symbolizer}; a name it returns goes into the operand
   * text: as {@code $name} in Intel syntax on amd64 ({@code call $main.f}, Delve's spelling),
   * and after the address in angle brackets otherwise ({@code call 0x401000 <main.f>},
   * {@code bl #0x401000 <main.f>}, objdump's).
   *
   * @param code the bytes; may be empty
   * @param address the virtual address of {@code code[0]}
   * @param syntax the syntax of the text
   * @param symbolizer names branch targets; called on the calling thread
   * @return the instructions covering {@code code}, in order, unmodifiable; empty if
   *     {@code code} is
   * @throws IllegalStateException if the disassembler has been closed
   */
  List<Instruction> disassemble(byte[] code, long address, Syntax syntax, Symbolizer symbolizer);

  /** Frees the native disassembler. Later calls to {@code disassemble} throw. Idempotent. */
  @Override
  void close();
}
