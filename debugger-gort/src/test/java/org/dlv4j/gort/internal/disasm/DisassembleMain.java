package org.dlv4j.gort.internal.disasm;

import java.util.HexFormat;

/**
 * {@code java -cp ... DisassembleMain <goarch> <hex> [intel]}: prints one instruction per line.
 * Lets a test check that the native library loads in a plain JVM on the class path.
 */
public final class DisassembleMain {
  private DisassembleMain() {}

  public static void main(String[] args) {
    try (Disassembler d = Disassembler.forArch(args[0])) {
      Syntax syntax = args.length > 2 && args[2].equals("intel") ? Syntax.INTEL : Syntax.GNU;
      for (Instruction i : d.disassemble(HexFormat.of().parseHex(args[1]), 0x1000, syntax)) {
        System.out.println(i);
      }
    }
  }
}
