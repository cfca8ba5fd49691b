package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistersTest {
  @Test
  void of64BitValueIsLittleEndian() {
    Register rax = Register.of("rax", 0, 0x0102030405060708L);

    assertArrayEquals(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}, rax.bytes());
    assertEquals(0x0102030405060708L, rax.longValue());
    assertEquals(8, rax.width());
    assertEquals("rax=0x102030405060708", rax.toString());
    assertEquals(-1L, Register.of("rip", 16, -1L).longValue());
  }

  @Test
  void wideRegistersKeepEveryByte() {
    byte[] bytes = new byte[16];
    bytes[0] = 1;
    bytes[15] = (byte) 0xff;
    Register xmm0 = new Register("xmm0", 17, bytes);

    assertEquals(1L, xmm0.longValue());
    assertEquals(16, xmm0.width());
    assertEquals("xmm0=0xff000000000000000000000000000001", xmm0.toString());
    assertEquals(0xbeefL, new Register("fcw", -1, new byte[] {(byte) 0xef, (byte) 0xbe})
        .longValue());
  }

  @Test
  void bytesAreCopiedBothWays() {
    byte[] bytes = {1, 2};
    Register r = new Register("r", -1, bytes);
    bytes[0] = 9;
    r.bytes()[1] = 9;

    assertArrayEquals(new byte[] {1, 2}, r.bytes());
  }

  @Test
  void equalityComparesBytes() {
    assertEquals(new Register("r", 1, new byte[] {1}), new Register("r", 1, new byte[] {1}));
    assertEquals(new Register("r", 1, new byte[] {1}).hashCode(),
        new Register("r", 1, new byte[] {1}).hashCode());
    assertNotEquals(new Register("r", 1, new byte[] {1}), new Register("r", 1, new byte[] {2}));
    assertNotEquals(new Register("r", 1, new byte[] {1}), new Register("r", 2, new byte[] {1}));
    assertNotEquals(new Register("r", 1, new byte[] {1}), new Register("s", 1, new byte[] {1}));
  }

  @Test
  void rejectsMalformedRegisters() {
    assertEquals("register r has no bytes", assertThrows(IllegalArgumentException.class,
        () -> new Register("r", 1, new byte[0])).getMessage());
    assertEquals("dwarfNumber of r must be -1 or more: -2",
        assertThrows(IllegalArgumentException.class, () -> Register.of("r", -2, 0)).getMessage());
    assertEquals("register name is blank", assertThrows(IllegalArgumentException.class,
        () -> Register.of("", 1, 0)).getMessage());
    assertEquals("bytes of r is null", assertThrows(NullPointerException.class,
        () -> new Register("r", 1, null)).getMessage());
  }

  @Test
  void registersFindByNameInOrder() {
    List<Register> list = new ArrayList<>(List.of(Register.of("rip", 16, 0x401000),
        Register.of("rsp", 7, 0xc000), Register.of("fs_base", 58, 0x7f00)));
    Registers regs = new Registers(0x401000, 0xc000, list);
    list.clear();

    assertEquals(Optional.of(Register.of("fs_base", 58, 0x7f00)), regs.get("fs_base"));
    assertEquals(Optional.empty(), regs.get("eax"));
    assertEquals(List.of("rip", "rsp", "fs_base"),
        regs.registers().stream().map(Register::name).toList());
    assertThrows(UnsupportedOperationException.class, () -> regs.registers().clear());
    assertEquals("duplicate register rip", assertThrows(IllegalArgumentException.class,
        () -> new Registers(0, 0, List.of(Register.of("rip", 16, 0), Register.of("rip", 16, 1))))
        .getMessage());
  }
}
