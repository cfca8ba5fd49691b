package org.dlv4j.gort.internal.disasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

/** The contract every disassembly keeps, whatever the input: every byte, once, in order. */
final class Coverage {
  private Coverage() {}

  static void check(byte[] code, long base, List<Instruction> insns) {
    long at = base;
    for (Instruction i : insns) {
      assertEquals(at, i.address(), "instructions must be contiguous");
      int off = (int) (at - base);
      assertArrayEquals(Arrays.copyOfRange(code, off, off + i.size()), i.bytes(), i.toString());
      assertTrue(i.size() >= 1 && i.size() <= 15, i.toString());
      assertTrue(!i.isBad() || (i.mnemonic().equals("(bad)") && i.operands().isEmpty()));
      at = i.end();
    }
    assertEquals(base + code.length, at, "instructions must cover the input");
  }
}
