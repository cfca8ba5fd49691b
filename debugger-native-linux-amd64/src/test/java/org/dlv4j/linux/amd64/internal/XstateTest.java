package org.dlv4j.linux.amd64.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Byte-exact XSAVE images (Intel SDM vol. 1 §10.5.1 FXSAVE layout, §13.4 XSAVE header). */
class XstateTest {

  private static ByteBuffer area(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] bytes(int from, int count) {
    byte[] b = new byte[count];
    for (int i = 0; i < count; i++) {
      b[i] = (byte) (from + i);
    }
    return b;
  }

  @Test
  void fxsaveFieldsAndXmmRegisters() {
    ByteBuffer a = area(512);
    a.putShort(0, (short) 0x37f).putShort(2, (short) 0x20).put(4, (byte) 0x81);
    a.putInt(24, 0x1f80);
    a.put(32 + 16 * 3, bytes(1, 10)); // st3
    a.put(160 + 16 * 5, bytes(100, 16)); // xmm5
    Xstate x = new Xstate(a.array(), 512);
    assertEquals(0x37f, x.value("fcw").orElseThrow());
    assertEquals(0x20, x.value("fsw").orElseThrow());
    assertEquals(0x81, x.value("ftw").orElseThrow());
    assertEquals(0x1f80, x.value("mxcsr").orElseThrow());
    assertArrayEquals(new byte[] {(byte) 0x80, 0x1f, 0, 0}, x.bytes("mxcsr").orElseThrow());
    assertArrayEquals(bytes(1, 10), x.bytes("st3").orElseThrow());
    assertArrayEquals(bytes(100, 16), x.bytes("xmm5").orElseThrow());
    assertEquals(ByteBuffer.wrap(bytes(100, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong(),
        x.value("xmm5").orElseThrow());
    assertTrue(x.bytes("ymm5").isEmpty(), "no XSAVE area: no YMM");
    assertTrue(x.bytes("xmm16").isEmpty());
    assertTrue(x.bytes("xmm05").isEmpty());
    assertTrue(x.bytes("st8").isEmpty());
  }

  @Test
  void ymmJoinsXmmWithTheAvxComponent() {
    ByteBuffer a = area(1024);
    a.putLong(464, 0b111); // XCR0: x87, SSE, AVX enabled
    a.putLong(512, 0b111); // XSTATE_BV: AVX state present
    a.put(160 + 16 * 2, bytes(1, 16));
    a.put(576 + 16 * 2, bytes(50, 16));
    byte[] ymm2 = new Xstate(a.array(), 1024).bytes("ymm2").orElseThrow();
    assertArrayEquals(bytes(1, 16), Arrays.copyOf(ymm2, 16));
    assertArrayEquals(bytes(50, 16), Arrays.copyOfRange(ymm2, 16, 32));
  }

  @Test
  void avxInItsInitialStateReadsAsZero() {
    ByteBuffer a = area(1024);
    a.putLong(464, 0b111);
    a.putLong(512, 0b011); // AVX component not saved: upper halves are zero
    a.put(576, bytes(50, 16)); // stale bytes the CPU did not write
    byte[] ymm0 = new Xstate(a.array(), 1024).bytes("ymm0").orElseThrow();
    assertArrayEquals(new byte[16], Arrays.copyOfRange(ymm0, 16, 32));
  }

  @Test
  void aCpuWithoutAvxHasNoYmm() {
    ByteBuffer a = area(1024);
    a.putLong(464, 0b011);
    assertTrue(new Xstate(a.array(), 1024).bytes("ymm0").isEmpty());
  }

  @Test
  void tooShort() {
    assertThrows(IllegalArgumentException.class, () -> new Xstate(new byte[600], 511));
  }
}
