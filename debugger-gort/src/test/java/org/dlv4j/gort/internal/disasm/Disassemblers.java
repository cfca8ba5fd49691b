package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens disassemblers for tests. arm64 must always work (its library ships on the class path);
 * amd64 needs a libcapstone with x86 (the system's libcapstone.so.4), so its tests are skipped,
 * saying why, where there is none.
 */
final class Disassemblers {
  private Disassemblers() {}

  static Disassembler open(String goArch) {
    if (goArch.equals("arm64")) {
      return Disassembler.forArch(goArch);
    }
    try {
      return Disassembler.forArch(goArch);
    } catch (DisassemblerUnavailableException e) {
      Assumptions.abort(e.getMessage());
      throw e;
    }
  }
}
