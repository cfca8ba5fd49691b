package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.dlv4j.gort.internal.disasm.Instruction.Kind;
import org.junit.jupiter.api.Test;

/** Byte-exact tests: hand-picked encodings, their text and facts, and bad input. */
class DisassemblerTest {
  private static final long BASE = 0x401000;

  /**
   * {@code call .+5; jmp .+2; jne .+2; ret; call rax; jmp [rip+0x10]; lea rax,[rip+0x10];
   * loop .}, as encoded by GNU as.
   */
  private static final byte[] AMD64 = hex("e800000000" + "eb00" + "7500" + "c3" + "ffd0"
      + "ff2510000000" + "488d0510000000" + "e2fe");

  /**
   * {@code bl .+8; b .+8; b.ne .+8; cbz x0,.+8; tbz w1,#3,.+8; ret; blr x1; br x2;
   * adrp x0,(page+1); adr x1,.+16; ldr x2,.+8; ldr x1,[x0],#8; ldr x1,[x28,#16]; brk #0}:
   * aarch64-linux-gnu-as, little-endian words.
   */
  private static final byte[] ARM64 = words(0x94000002, 0x14000002, 0x54000041, 0xb4000040,
      0x36180041, 0xd65f03c0, 0xd63f0020, 0xd61f0040, 0xb0000000, 0x10000081, 0x58000042,
      0xf8408401, 0xf9400b81, 0xd4200000);

  @Test
  void amd64IntelTextAndFacts() {
    try (Disassembler d = Disassembler.forArch("amd64")) {
      List<Instruction> insns = d.disassemble(AMD64, BASE, Syntax.INTEL);
      assertEquals(List.of(
          "0x401000 e800000000 call 0x401005",
          "0x401005 eb00 jmp 0x401007",
          "0x401007 7500 jne 0x401009",
          "0x401009 c3 ret",
          "0x40100a ffd0 call rax",
          "0x40100c ff2510000000 jmp qword ptr [rip + 0x10]",
          "0x401012 488d0510000000 lea rax, [rip + 0x10]",
          "0x401019 e2fe loop 0x401019"), strings(insns));
      assertEquals(List.of(Kind.CALL, Kind.JUMP, Kind.CONDITIONAL_JUMP, Kind.RET, Kind.CALL,
          Kind.JUMP, Kind.OTHER, Kind.CONDITIONAL_JUMP), kinds(insns));
      assertEquals(List.of(OptionalLong.of(0x401005), OptionalLong.of(0x401007),
          OptionalLong.of(0x401009), OptionalLong.empty(), OptionalLong.empty(),
          OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(0x401019)),
          insns.stream().map(Instruction::branchTarget).collect(Collectors.toList()));
      // [rip+0x10] is relative to the end of the instruction: 0x40100c+6+0x10, 0x401012+7+0x10
      assertEquals(List.of(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
          OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(0x401022),
          OptionalLong.of(0x401029), OptionalLong.empty()),
          insns.stream().map(Instruction::pcRelativeAddress).collect(Collectors.toList()));
    }
  }

  @Test
  void amd64GnuText() {
    try (Disassembler d = Disassembler.forArch("amd64")) {
      assertEquals(List.of("callq 0x401005", "jmp 0x401007", "jne 0x401009", "retq",
          "callq *%rax", "jmpq *0x10(%rip)", "leaq 0x10(%rip), %rax", "loop 0x401019"),
          d.disassemble(AMD64, BASE, Syntax.GNU).stream().map(Instruction::text)
              .collect(Collectors.toList()));
      // switching back and forth on one handle
      assertEquals("call rax", d.disassemble(hex("ffd0"), 0, Syntax.INTEL).get(0).text());
      assertEquals("callq *%rax", d.disassemble(hex("ffd0"), 0, Syntax.GNU).get(0).text());
    }
  }

  @Test
  void amd64Symbolizer() {
    Symbolizer names = a -> a == 0x401005 ? Optional.of("main.f")
        : a == 0x401007 ? Optional.of("main.main+0x7") : Optional.empty();
    try (Disassembler d = Disassembler.forArch("amd64")) {
      List<Instruction> intel = d.disassemble(AMD64, BASE, Syntax.INTEL, names);
      assertEquals("call $main.f", intel.get(0).text());
      assertEquals("jmp $main.main+0x7", intel.get(1).text());
      assertEquals("jne 0x401009", intel.get(2).text());
      List<Instruction> gnu = d.disassemble(AMD64, BASE, Syntax.GNU, names);
      assertEquals("callq 0x401005 <main.f>", gnu.get(0).text());
      assertEquals("jmp 0x401007 <main.main+0x7>", gnu.get(1).text());
    }
  }

  @Test
  void arm64TextAndFacts() {
    try (Disassembler d = Disassembler.forArch("arm64")) {
      assertEquals("arm64", d.goArch());
      List<Instruction> insns = d.disassemble(ARM64, BASE, Syntax.GNU);
      assertEquals(List.of(
          "0x401000 02000094 bl #0x401008",
          "0x401004 02000014 b #0x40100c",
          "0x401008 41000054 b.ne #0x401010",
          "0x40100c 400000b4 cbz x0, #0x401014",
          "0x401010 41001836 tbz w1, #3, #0x401018",
          "0x401014 c0035fd6 ret",
          "0x401018 20003fd6 blr x1",
          "0x40101c 40001fd6 br x2",
          "0x401020 000000b0 adrp x0, #0x402000",
          "0x401024 81000010 adr x1, #0x401034",
          "0x401028 42000058 ldr x2, #0x401030",
          "0x40102c 018440f8 ldr x1, [x0], #8",
          "0x401030 810b40f9 ldr x1, [x28, #0x10]",
          "0x401034 000020d4 brk #0"), strings(insns));
      assertEquals(List.of(Kind.CALL, Kind.JUMP, Kind.CONDITIONAL_JUMP, Kind.CONDITIONAL_JUMP,
          Kind.CONDITIONAL_JUMP, Kind.RET, Kind.CALL, Kind.JUMP, Kind.OTHER, Kind.OTHER,
          Kind.OTHER, Kind.OTHER, Kind.OTHER, Kind.OTHER), kinds(insns));
      OptionalLong none = OptionalLong.empty();
      assertEquals(List.of(OptionalLong.of(0x401008), OptionalLong.of(0x40100c),
          OptionalLong.of(0x401010), OptionalLong.of(0x401014), OptionalLong.of(0x401018),
          none, none, none, none, none, none, none, none, none),
          insns.stream().map(Instruction::branchTarget).collect(Collectors.toList()));
      assertEquals(List.of(none, none, none, none, none, none, none, none,
          OptionalLong.of(0x402000), OptionalLong.of(0x401034), OptionalLong.of(0x401030),
          none, none, none),
          insns.stream().map(Instruction::pcRelativeAddress).collect(Collectors.toList()));
      // one syntax only
      assertEquals(strings(insns), strings(d.disassemble(ARM64, BASE, Syntax.INTEL)));
    }
  }

  @Test
  void arm64Symbolizer() {
    try (Disassembler d = Disassembler.forArch("arm64")) {
      List<Instruction> insns = d.disassemble(ARM64, BASE, Syntax.INTEL,
          a -> Optional.of(a == 0x401008 ? "main.f" : "main.main+0x" + Long.toHexString(a - BASE)));
      assertEquals("bl #0x401008 <main.f>", insns.get(0).text());
      assertEquals("tbz w1, #3, #0x401018 <main.main+0x18>", insns.get(4).text());
      assertEquals("adrp x0, #0x402000", insns.get(8).text()); // data addresses are not named
    }
  }

  @Test
  void amd64PrefixesArePartOfTheMnemonic() {
    try (Disassembler d = Disassembler.forArch("amd64")) {
      // lock cmpxchg [rdx],rcx; rep stosq; a cs-prefixed nopw; a lock with nothing after it
      byte[] code = hex("f0480fb10a" + "f348ab" + "662e0f1f840000000000" + "f0");
      assertEquals(List.of("0x401000 f0480fb10a lock cmpxchg qword ptr [rdx], rcx",
          "0x401005 f348ab rep stosq qword ptr es:[rdi], rax",
          "0x401008 662e0f1f840000000000 nop word ptr cs:[rax + rax]",
          "0x401012 f0 lock"), strings(d.disassemble(code, BASE, Syntax.INTEL)));
      assertEquals(List.of("lock cmpxchgq %rcx, (%rdx)", "rep stosq %rax, %es:(%rdi)",
          "nopw %cs:(%rax,%rax)", "lock"), d.disassemble(code, BASE, Syntax.GNU).stream()
              .map(Instruction::text).collect(Collectors.toList()));
    }
  }

  @Test
  void amd64KindsOfFarAndRareControlFlow() {
    try (Disassembler d = Disassembler.forArch("amd64")) {
      // lcall *0x0; ljmp *0x0; iretq; lret $8; jrcxz .; syscall; rep ret; xbegin .+6
      List<Instruction> insns = d.disassemble(hex("ff1c2500000000" + "ff2c2500000000" + "48cf"
          + "ca0800" + "e3fe" + "0f05" + "f3c3" + "c7f800000000"), BASE, Syntax.GNU);
      assertEquals(List.of("lcalll *0x0", "ljmpl *0x0", "iretq", "lretl $0x8", "jrcxz 0x401013",
          "syscall", "rep retq", "xbegin 0x40101f"), insns.stream().map(Instruction::text)
              .collect(Collectors.toList()));
      assertEquals(List.of(Kind.CALL, Kind.JUMP, Kind.RET, Kind.RET, Kind.CONDITIONAL_JUMP,
          Kind.OTHER, Kind.RET, Kind.OTHER), kinds(insns));
      // only the jrcxz is a direct branch: xbegin's fallback address is not a branch target
      assertEquals(List.of(OptionalLong.of(0x401013)), insns.stream().map(Instruction::branchTarget)
          .filter(OptionalLong::isPresent).collect(Collectors.toList()));
    }
  }

  @Test
  void amd64ComesFromTheClassPath() {
    try (Disassembler d = Disassembler.forArch("amd64")) {
      assertTrue(d.toString().matches("amd64 LLVM \\d+\\.\\d+\\.\\d+ \\(class path "
          + "org/bytedeco/llvm/" + LlvmLoader.platform() + "/libLLVM.so\\)"), d.toString());
    }
  }

  @Test
  void arm64ComesFromTheClassPath() {
    try (Disassembler d = Disassembler.forArch("arm64")) {
      assertEquals("arm64 Capstone 4.0 (class path " + com.sun.jna.Platform.RESOURCE_PREFIX
          + "/libcapstone.so)", d.toString());
    }
  }

  @Test
  void emptyInput() {
    try (Disassembler d = Disassembler.forArch("arm64")) {
      assertEquals(List.of(), d.disassemble(new byte[0], BASE, Syntax.GNU));
    }
  }

  @Test
  void arm64TruncatedAndInvalidWords() {
    try (Disassembler d = Disassembler.forArch("arm64")) {
      // ret, then an unallocated encoding (0x00000000 is udf #0 in newer ISAs; 0xffffffff is not
      // decodable), then two bytes of a cut-off word
      byte[] code = hex("c0035fd6" + "ffffffff" + "c003");
      List<Instruction> insns = d.disassemble(code, BASE, Syntax.GNU);
      assertEquals(List.of("0x401000 c0035fd6 ret", "0x401004 ffffffff (bad)",
          "0x401008 c003 (bad)"), strings(insns));
      assertTrue(insns.get(1).isBad() && insns.get(2).isBad());
      assertEquals(4, insns.get(1).size());
      assertEquals(2, insns.get(2).size());
    }
  }

  @Test
  void amd64TruncatedCallIsBadBytesThenWhatFollows() {
    try (Disassembler d = Disassembler.forArch("amd64")) {
      // ret, then a call rel32 cut after two of its four displacement bytes
      List<Instruction> insns = d.disassemble(hex("c3" + "e80000"), BASE, Syntax.INTEL);
      assertEquals(List.of("0x401000 c3 ret", "0x401001 e8 (bad)",
          "0x401002 0000 add byte ptr [rax], al"), strings(insns));
    }
  }

  @Test
  void coversEveryByteOfAnyInput() {
    java.util.Random random = new java.util.Random(42);
    for (String arch : List.of("arm64", "amd64")) {
      try (Disassembler d = Disassembler.forArch(arch)) {
        for (int round = 0; round < 200; round++) {
          byte[] code = new byte[random.nextInt(300)];
          random.nextBytes(code);
          Coverage.check(code, BASE, d.disassemble(code, BASE, Syntax.values()[round % 2]));
        }
      }
    }
  }

  @Test
  void instructionIsImmutable() {
    try (Disassembler d = Disassembler.forArch("arm64")) {
      Instruction ret = d.disassemble(hex("c0035fd6"), 0, Syntax.GNU).get(0);
      byte[] bytes = ret.bytes();
      bytes[0] = 0;
      assertArrayEquals(hex("c0035fd6"), ret.bytes());
      assertEquals(ret, d.disassemble(hex("c0035fd6"), 0, Syntax.GNU).get(0));
      assertEquals(4, ret.end());
      assertTrue(ret.isRet() && !ret.isCall() && !ret.isJump());
    }
  }

  @Test
  void closedDisassemblerThrows() {
    Disassembler d = Disassembler.forArch("arm64");
    d.close();
    d.close();
    assertThrows(IllegalStateException.class, () -> d.disassemble(ARM64, BASE, Syntax.GNU));
  }

  @Test
  void unknownArchitecture() {
    DisassemblerUnavailableException e = assertThrows(DisassemblerUnavailableException.class,
        () -> Disassembler.forArch("riscv64"));
    assertEquals("no disassembler for GOARCH riscv64: dlv4j disassembles amd64 and arm64",
        e.getMessage());
  }

  private static List<String> strings(List<Instruction> insns) {
    return insns.stream().map(Instruction::toString).collect(Collectors.toList());
  }

  private static List<Kind> kinds(List<Instruction> insns) {
    return insns.stream().map(Instruction::kind).collect(Collectors.toList());
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static byte[] words(int... words) {
    byte[] b = new byte[words.length * 4];
    for (int i = 0; i < words.length; i++) {
      for (int k = 0; k < 4; k++) {
        b[i * 4 + k] = (byte) (words[i] >>> (8 * k));
      }
    }
    return b;
  }
}
