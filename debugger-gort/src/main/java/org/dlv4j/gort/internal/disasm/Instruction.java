package org.dlv4j.gort.internal.disasm;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One disassembled machine instruction with the facts a debugger steps by. Immutable: the
 * byte array is copied in and out.
 *
 * @param address the instruction's virtual address
 * @param bytes its encoding, one or more bytes
 * @param mnemonic e.g. {@code "call"}, {@code "b.ne"}, or {@code "(bad)"} for undecodable bytes
 * @param operands the operand text in the syntax asked for, empty if none; direct branch
 *     targets carry the {@link Symbolizer}'s name
 * @param kind how the instruction changes the flow of control
 * @param branchTarget the absolute target of a direct (PC-relative) call or jump; empty for
 *     indirect ones and for everything else
 * @param pcRelativeAddress the absolute address a PC-relative data operand names: an amd64
 *     {@code [rip+disp]} memory operand, an arm64 {@code adr}, {@code adrp} (the 4 KiB page) or
 *     literal load; empty if there is none
 */
public record Instruction(long address, byte[] bytes, String mnemonic, String operands,
    Kind kind, OptionalLong branchTarget, OptionalLong pcRelativeAddress) {

  /** How an instruction changes the flow of control. */
  public enum Kind {
    /** Falls through to the next instruction (traps and system calls included). */
    OTHER,
    /** Calls a function: amd64 {@code call}, arm64 {@code bl}, {@code blr}. */
    CALL,
    /** Returns from a function: amd64 {@code ret}, {@code iret}, arm64 {@code ret}. */
    RET,
    /** Always jumps: amd64 {@code jmp}, arm64 {@code b}, {@code br}. */
    JUMP,
    /** Jumps or falls through: amd64 {@code jcc}, {@code loop}; arm64 {@code b.cond}, {@code cbz}, {@code tbz}. */
    CONDITIONAL_JUMP,
    /** Bytes that do not decode; see {@link Disassembler}. */
    BAD
  }

  /** Copies {@code bytes} and checks that nothing is null or empty. */
  public Instruction {
    bytes = bytes.clone();
    if (bytes.length == 0) {
      throw new IllegalArgumentException("instruction without bytes at 0x" + Long.toHexString(address));
    }
    Objects.requireNonNull(mnemonic, "mnemonic");
    Objects.requireNonNull(operands, "operands");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(branchTarget, "branchTarget");
    Objects.requireNonNull(pcRelativeAddress, "pcRelativeAddress");
  }

  /** Returns a copy of the instruction's encoding. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the length of the encoding in bytes. */
  public int size() {
    return bytes.length;
  }

  /** Returns the address of the next instruction in memory. */
  public long end() {
    return address + bytes.length;
  }

  /** Tells whether this is a call, direct or indirect. */
  public boolean isCall() {
    return kind == Kind.CALL;
  }

  /** Tells whether this returns from a function. */
  public boolean isRet() {
    return kind == Kind.RET;
  }

  /** Tells whether this is a jump, conditional or not (calls and returns are not jumps). */
  public boolean isJump() {
    return kind == Kind.JUMP || kind == Kind.CONDITIONAL_JUMP;
  }

  /** Tells whether this jumps only when a condition holds. */
  public boolean isConditionalJump() {
    return kind == Kind.CONDITIONAL_JUMP;
  }

  /** Tells whether these bytes did not decode. */
  public boolean isBad() {
    return kind == Kind.BAD;
  }

  /** Returns mnemonic and operands as one line, e.g. {@code "call $main.f"}. */
  public String text() {
    return operands.isEmpty() ? mnemonic : mnemonic + " " + operands;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Instruction i && address == i.address && Arrays.equals(bytes, i.bytes)
        && mnemonic.equals(i.mnemonic) && operands.equals(i.operands) && kind == i.kind
        && branchTarget.equals(i.branchTarget) && pcRelativeAddress.equals(i.pcRelativeAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, Arrays.hashCode(bytes), mnemonic, operands, kind,
        branchTarget, pcRelativeAddress);
  }

  @Override
  public String toString() {
    return String.format("%#x %s %s", address, HexFormat.of().formatHex(bytes), text());
  }
}
