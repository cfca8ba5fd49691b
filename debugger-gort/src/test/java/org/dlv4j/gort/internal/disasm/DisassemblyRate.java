package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.junit.GoBuild;

/**
 * A rough rate, not a benchmark: {@code java -cp ... DisassemblyRate} builds cmd/go for amd64
 * and arm64 and disassembles its main.main, and its whole .text in 64 KiB pieces, several times
 * per syntax, printing instructions per second of the last rounds.
 */
public final class DisassemblyRate {
  private DisassemblyRate() {}

  public static void main(String[] args) {
    for (String arch : List.of("amd64", "arm64")) {
      Path binary = GoBuild.goPackage("cmd/go").env("GOARCH", arch).build();
      FunctionCode main = FunctionCode.of(binary, "main.main");
      byte[] text;
      long textAddress;
      try (ElfFile elf = ElfFile.open(binary)) {
        Section s = elf.section(".text").orElseThrow();
        ByteBuffer data = s.data().orElseThrow();
        text = new byte[data.remaining()];
        data.get(text);
        textAddress = s.address();
      }
      try (Disassembler d = Disassembler.forArch(arch)) {
        for (Syntax syntax : Syntax.values()) {
          rate(d + " " + syntax + " main.main (" + main.bytes().length + " bytes)", 2000, () ->
              d.disassemble(main.bytes(), main.address(), syntax).size());
          rate(d + " " + syntax + " .text (" + text.length + " bytes)", 3, () -> {
            int n = 0;
            int bad = 0;
            for (int off = 0; off < text.length; off += 65536) {
              byte[] piece = java.util.Arrays.copyOfRange(text, off,
                  Math.min(text.length, off + 65536));
              for (Instruction i : d.disassemble(piece, textAddress + off, syntax)) {
                n++;
                bad += i.isBad() ? 1 : 0;
              }
            }
            System.out.println("  (bad) instructions: " + bad);
            return n;
          });
        }
      } catch (DisassemblerUnavailableException e) {
        System.out.println(arch + ": " + e.getMessage());
      }
    }
  }

  private static void rate(String what, int rounds, java.util.function.IntSupplier work) {
    long insns = 0;
    long start = 0;
    for (int r = 0; r < rounds; r++) {
      if (r == rounds / 2) { // the first half warms up
        insns = 0;
        start = System.nanoTime();
      }
      insns += work.getAsInt();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %,.0f instructions/s%n", what, insns / seconds);
  }
}
