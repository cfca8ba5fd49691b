package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes both disassemblers over arbitrary bytes: every input must disassemble, without an
 * exception, into instructions that cover it exactly ({@link Coverage}). The first byte picks
 * the architecture (bit 0: amd64) and the syntax
 * (bit 1: Intel); the rest is code. In the normal build Jazzer runs only the seeds in
 * {@code src/test/resources/org/dlv4j/gort/internal/disasm/DisassemblerFuzzTestInputs/fuzz/}
 * (regression mode); run {@code JAZZER_FUZZ=1 mvn test -Dtest=DisassemblerFuzzTest} to fuzz.
 */
class DisassemblerFuzzTest {
  private static final long BASE = 0x401000;
  private static final Disassembler ARM64 = Disassembler.forArch("arm64");
  private static final Disassembler AMD64 = Disassembler.forArch("amd64");

  @FuzzTest
  void fuzz(byte[] data) {
    if (data.length == 0) {
      return;
    }
    Disassembler d = (data[0] & 1) != 0 ? AMD64 : ARM64;
    Syntax syntax = (data[0] & 2) != 0 ? Syntax.INTEL : Syntax.GNU;
    byte[] code = Arrays.copyOfRange(data, 1, data.length);
    Coverage.check(code, BASE, d.disassemble(code, BASE, syntax, a -> java.util.Optional.of("f")));
  }
}
