package org.dlv4j.api;

import java.util.Optional;

/**
 * One machine instruction of the target's code, as Delve's {@code api.AsmInstruction}.
 * Immutable: the bytes are copied in and out.
 *
 * @param location the instruction's address, with its source position and function
 * @param destination where a direct call or jump goes, if it is one
 * @param text the instruction in the syntax asked for, e.g. {@code "callq 0x4db6a0 <main.f>"}
 *     (GNU) or {@code "call $main.f"} (Intel); direct call and jump targets are named by
 *     function (with {@code +0xOFF} when inside one); {@code "(bad)"} for bytes that do not
 *     decode
 * @param bytes its encoding, the program's own bytes (never a breakpoint's)
 * @param breakpoint whether a breakpoint is planted at it
 * @param atPc whether it is where the asking thread or goroutine stands
 */
public record AsmInstruction(Location location, Optional<Location> destination, String text,
    byte[] bytes, boolean breakpoint, boolean atPc) {
  /**
   * Validates and copies the components.
   *
   * @param location the address and position
   * @param destination the direct target
   * @param text the text
   * @param bytes the encoding, not empty
   * @param breakpoint whether a breakpoint is planted at it
   * @param atPc whether the pc stands at it
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code bytes} is empty
   */
  public AsmInstruction {
    Checks.notNull(location, "location");
    Checks.notNull(destination, "destination");
    Checks.notNull(text, "text");
    bytes = Checks.notNull(bytes, "bytes").clone();
    if (bytes.length == 0) {
      throw new IllegalArgumentException("instruction without bytes at 0x"
          + Long.toHexString(location.pc()));
    }
  }

  /**
   * Returns a copy of the encoding.
   *
   * @return the bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Compares by address, bytes, text and flags.
   *
   * @param other another object
   * @return whether it is an equal instruction
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof AsmInstruction i && location.equals(i.location)
        && destination.equals(i.destination) && text.equals(i.text)
        && java.util.Arrays.equals(bytes, i.bytes) && breakpoint == i.breakpoint
        && atPc == i.atPc;
  }

  @Override
  public int hashCode() {
    return location.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "0x" + Long.toHexString(location.pc()) + (atPc ? " =>" : "") + "\t" + text;
  }
}
