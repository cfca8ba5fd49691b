package org.dlv4j.api;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One CPU register of a thread at a stop: its name as Delve spells it ({@code "rax"},
 * {@code "fs_base"}, {@code "xmm0"}), its DWARF number, and its bytes.
 *
 * <p>Instances are immutable and thread-safe: {@link #bytes()} returns a copy.
 *
 * @param name the register's name
 * @param dwarfNumber the register's number in the architecture's DWARF mapping, or -1 if it
 *     has none
 * @param bytes the value in little-endian order; its length is the register's width (8 for a
 *     general purpose register of amd64, 16 for {@code xmm0})
 */
public record Register(String name, int dwarfNumber, byte[] bytes) {
  /**
   * Validates and copies the components.
   *
   * @param name the register's name
   * @param dwarfNumber the register's number in the architecture's DWARF mapping, or -1 if it
   *     has none
   * @param bytes the value in little-endian order; its length is the register's width (8 for a
   *     general purpose register of amd64, 16 for {@code xmm0})
   * @throws NullPointerException if {@code name} or {@code bytes} is null
   * @throws IllegalArgumentException if {@code name} is blank, {@code dwarfNumber} is below
   *     -1 or {@code bytes} is empty
   */
  public Register {
    Checks.notBlank(name, "register name");
    if (dwarfNumber < -1) {
      throw new IllegalArgumentException("dwarfNumber of " + name + " must be -1 or more: "
          + dwarfNumber);
    }
    if (Checks.notNull(bytes, "bytes of " + name).length == 0) {
      throw new IllegalArgumentException("register " + name + " has no bytes");
    }
    bytes = bytes.clone();
  }

  /**
   * Returns a 64-bit register.
   *
   * @param name the register's name
   * @param dwarfNumber its DWARF number, or -1
   * @param value its value
   * @return the register, 8 bytes wide
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank or {@code dwarfNumber} is below -1
   */
  public static Register of(String name, int dwarfNumber, long value) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return new Register(name, dwarfNumber, bytes);
  }

  /**
   * Returns a copy of the register's bytes.
   *
   * @return the little-endian bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Returns the register's width.
   *
   * @return the number of bytes
   */
  public int width() {
    return bytes.length;
  }

  /**
   * Returns the low 64 bits of the value, zero-extended for narrower registers: the whole value
   * of a general purpose register, the low lane of a vector register.
   *
   * @return the value
   */
  public long longValue() {
    long value = 0;
    for (int i = Math.min(bytes.length, Long.BYTES) - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  /**
   * Compares name, DWARF number and bytes.
   *
   * @param o the object to compare with
   * @return whether {@code o} is a register with the same name, number and bytes
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Register r && name.equals(r.name) && dwarfNumber == r.dwarfNumber
        && Arrays.equals(bytes, r.bytes);
  }

  /**
   * Hashes name, DWARF number and bytes.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + dwarfNumber) * 31 + Arrays.hashCode(bytes);
  }

  /**
   * Returns {@code "rax=0x1f"} for registers up to 8 bytes wide, and the bytes in hex, most
   * significant first, for wider ones ({@code "xmm0=0x000…01"}).
   *
   * @return the name and value
   */
  @Override
  public String toString() {
    if (bytes.length <= Long.BYTES) {
      return name + "=0x" + Long.toHexString(longValue());
    }
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return name + "=0x" + HexFormat.of().formatHex(bigEndian);
  }
}
