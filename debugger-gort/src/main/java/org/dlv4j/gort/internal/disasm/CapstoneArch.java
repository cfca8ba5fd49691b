package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;

/** An architecture dlv4j disassembles, with the Capstone settings and decoder for it. */
enum CapstoneArch {
  /** x86-64: one syntax option, bytes that do not decode are skipped one at a time. */
  AMD64("amd64", CapstoneLibrary.CS_ARCH_X86, CapstoneLibrary.CS_MODE_64, 1, new Amd64Detail()),
  /** AArch64: fixed 4-byte instructions, one syntax. */
  ARM64("arm64", CapstoneLibrary.CS_ARCH_ARM64, CapstoneLibrary.CS_MODE_LITTLE_ENDIAN, 4,
      new Arm64Detail());

  final String goArch;
  final int csArch;
  final int csMode;
  /** How many bytes a {@code (bad)} instruction covers: the instruction alignment. */
  final int badLength;
  final DetailDecoder decoder;

  CapstoneArch(String goArch, int csArch, int csMode, int badLength, DetailDecoder decoder) {
    this.goArch = goArch;
    this.csArch = csArch;
    this.csMode = csMode;
    this.badLength = badLength;
    this.decoder = decoder;
  }

  /** Returns whether Capstone's {@code CS_OPT_SYNTAX} applies (x86 only). */
  boolean hasSyntaxOption() {
    return this == AMD64;
  }

  /**
   * Returns the architecture with a {@code GOARCH} name.
   *
   * @throws DisassemblerUnavailableException if dlv4j does not disassemble it
   */
  static CapstoneArch forGoArch(String goArch) {
    for (CapstoneArch a : values()) {
      if (a.goArch.equals(goArch)) {
        return a;
      }
    }
    throw new DisassemblerUnavailableException(
        "no disassembler for GOARCH " + goArch + ": dlv4j disassembles amd64 and arm64");
  }
}
