package org.dlv4j.linux.amd64.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The DWARF numbering of the System V AMD64 psABI, figure 3.36. */
class Amd64ArchTest {
  private final Amd64Arch arch = Amd64Arch.INSTANCE;

  @Test
  void dwarfNumbers() {
    String[] first = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10",
        "r11", "r12", "r13", "r14", "r15", "rip", "xmm0"};
    for (int i = 0; i < first.length; i++) {
      assertEquals(first[i], arch.registerName(i).orElseThrow());
      assertEquals(i, arch.dwarfRegister(first[i]).orElseThrow());
    }
    assertEquals("xmm15", arch.registerName(32).orElseThrow());
    assertEquals("st0", arch.registerName(33).orElseThrow());
    assertEquals("rflags", arch.registerName(49).orElseThrow());
    assertEquals("fs", arch.registerName(54).orElseThrow());
    assertEquals("fs_base", arch.registerName(58).orElseThrow());
    assertEquals("gs_base", arch.registerName(59).orElseThrow());
    assertEquals("mxcsr", arch.registerName(64).orElseThrow());
    assertTrue(arch.registerName(41).isEmpty()); // mm0: not modelled
    assertTrue(arch.dwarfRegister("orig_rax").isEmpty());
    assertEquals("rip", arch.registerName(arch.pcDwarfRegister()).orElseThrow());
    assertEquals("rsp", arch.registerName(arch.spDwarfRegister()).orElseThrow());
    assertEquals("rbp", arch.registerName(arch.bpDwarfRegister()).orElseThrow());
  }

  @Test
  void breakpointFacts() {
    assertArrayEquals(new byte[] {(byte) 0xCC}, arch.breakpointInstruction());
    arch.breakpointInstruction()[0] = 0; // a copy each time
    assertArrayEquals(new byte[] {(byte) 0xCC}, arch.breakpointInstruction());
    assertTrue(arch.breakpointTrapAdvancesPc());
    assertEquals(15, arch.maxInstructionLength());
    assertEquals(8, arch.pointerSize());
    assertEquals(27, arch.generalRegisterNames().size());
  }
}
