package org.dlv4j.gort.internal.disasm;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What both native disassemblers share: the code is copied into native memory once per call,
 * decoded one instruction at a time by the subclass, and every byte is accounted for (bytes
 * that do not decode become {@code (bad)} instructions of the architecture's alignment); direct
 * branch targets are named through the {@link Symbolizer}. Calls are serialized.
 */
abstract class DecodingDisassembler implements Disassembler {
  /** Frees the native state of disassemblers that were never closed. */
  static final Cleaner CLEANER = Cleaner.create();
  private static final String BAD = "(bad)";

  private final String goArch;
  private final int badLength;
  private final Facts facts = new Facts();
  private Memory code = new Memory(4096);
  private boolean closed;

  /**
   * @param goArch the architecture's {@code GOARCH} name
   * @param badLength how many bytes a {@code (bad)} instruction covers: the alignment
   */
  DecodingDisassembler(String goArch, int badLength) {
    this.goArch = goArch;
    this.badLength = badLength;
  }

  /**
   * Decodes the one instruction at the start of {@code code}.
   *
   * @param code native memory holding the bytes
   * @param size how many bytes there are, at least one
   * @param address the virtual address of {@code code[0]}
   * @param syntax the syntax of the text
   * @param out cleared facts to fill: text, kind, targets
   * @return the instruction's length in bytes, or 0 if the bytes there do not decode
   */
  abstract int decode(Pointer code, int size, long address, Syntax syntax, Facts out);

  /** Frees the native decoder; called once, by {@link #close()}. */
  abstract void release();

  /** Tells whether a branch target's name replaces the address as {@code $name}. */
  boolean dollarNames(Syntax syntax) {
    return false;
  }

  @Override
  public final String goArch() {
    return goArch;
  }

  @Override
  public final synchronized List<Instruction> disassemble(byte[] bytes, long address,
      Syntax syntax, Symbolizer symbolizer) {
    Objects.requireNonNull(bytes, "code");
    Objects.requireNonNull(syntax, "syntax");
    Objects.requireNonNull(symbolizer, "symbolizer");
    if (closed) {
      throw new IllegalStateException("disassembler closed");
    }
    Pointer buffer = copyIn(bytes);
    List<Instruction> out = new ArrayList<>(bytes.length / 3 + 1);
    int offset = 0;
    while (offset < bytes.length) {
      facts.clear();
      long at = address + offset;
      int length = decode(buffer.share(offset), bytes.length - offset, at, syntax, facts);
      if (length <= 0) {
        length = Math.min(badLength, bytes.length - offset);
        out.add(new Instruction(at, Arrays.copyOfRange(bytes, offset, offset + length), BAD, "",
            Instruction.Kind.BAD, OptionalLong.empty(), OptionalLong.empty()));
      } else {
        String operands = facts.operands;
        if (facts.branchTarget().isPresent()) {
          operands = symbolize(operands, facts.branchTarget().getAsLong(), symbolizer, syntax);
        }
        out.add(new Instruction(at, Arrays.copyOfRange(bytes, offset, offset + length),
            facts.mnemonic, operands, facts.kind, facts.branchTarget(), facts.pcRelative()));
      }
      offset += length;
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public final synchronized void close() {
    if (!closed) {
      closed = true;
      release();
      code.close();
    }
  }

  private Pointer copyIn(byte[] bytes) {
    if (code.size() < bytes.length) {
      code.close();
      code = new Memory(Math.max(bytes.length, code.size() * 2));
    }
    code.write(0, bytes, 0, bytes.length);
    return code;
  }

  /** Names a branch target in the operand text, which spells it {@code [#]0x<hex>} at its end. */
  private String symbolize(String operands, long target, Symbolizer symbolizer, Syntax syntax) {
    Optional<String> name = symbolizer.symbolize(target);
    String literal = "0x" + Long.toHexString(target);
    int at = operands.lastIndexOf(literal);
    if (name.isEmpty() || at < 0 || at + literal.length() != operands.length()) {
      return operands;
    }
    if (dollarNames(syntax)) {
      return operands.substring(0, at) + "$" + name.get();
    }
    return operands + " <" + name.get() + ">";
  }
}
