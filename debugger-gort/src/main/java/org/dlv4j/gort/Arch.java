package org.dlv4j.gort;

import java.util.Optional;

/**
 * A processor architecture dlv4j debugs, with the facts the binary readers need. Register sets,
 * breakpoint instructions and calling conventions live in the per-architecture native modules.
 */
public enum Arch {
  /** x86-64 ({@code GOARCH=amd64}): variable-length instructions. */
  AMD64("amd64", 8, 1, 62),
  /** AArch64 ({@code GOARCH=arm64}): fixed 4-byte instructions. */
  ARM64("arm64", 8, 4, 183);

  private final String goArch;
  private final int ptrSize;
  private final int pcQuantum;
  private final int elfMachine;

  Arch(String goArch, int ptrSize, int pcQuantum, int elfMachine) {
    this.goArch = goArch;
    this.ptrSize = ptrSize;
    this.pcQuantum = pcQuantum;
    this.elfMachine = elfMachine;
  }

  /** {@return the {@code GOARCH} name, e.g. {@code "amd64"}} */
  public String goArch() {
    return goArch;
  }

  /** {@return the size of a pointer in bytes} */
  public int ptrSize() {
    return ptrSize;
  }

  /**
   * {@return the PC quantum (the pclntab's {@code minLC})} It is the minimum instruction size,
   * by which pc deltas in pcvalue tables are multiplied.
   */
  public int pcQuantum() {
    return pcQuantum;
  }

  /** {@return the ELF {@code e_machine} value: 62 (EM_X86_64) or 183 (EM_AARCH64)} */
  public int elfMachine() {
    return elfMachine;
  }

  /**
   * Returns the architecture with ELF machine number {@code machine}.
   *
   * @param machine an ELF {@code e_machine} value
   * @return the architecture, or empty if dlv4j does not support that machine
   */
  public static Optional<Arch> forElfMachine(int machine) {
    for (Arch a : values()) {
      if (a.elfMachine == machine) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the architecture whose {@code GOARCH} name is {@code goArch}.
   *
   * @param goArch a {@code GOARCH} value such as {@code "arm64"}
   * @return the architecture, or empty if dlv4j does not support it
   */
  public static Optional<Arch> forGoArch(String goArch) {
    for (Arch a : values()) {
      if (a.goArch.equals(goArch)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
