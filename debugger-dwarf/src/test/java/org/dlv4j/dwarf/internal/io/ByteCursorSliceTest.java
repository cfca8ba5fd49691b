package org.dlv4j.dwarf.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.dlv4j.api.BinaryFormatException;
import org.junit.jupiter.api.Test;

/** The cursor additions the DWARF readers rely on. */
class ByteCursorSliceTest {
  private static final ByteCursor CURSOR =
      new ByteCursor(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 'h', 'i', 0}), ".debug_x");

  @Test
  void slicesStayLittleEndian() {
    ByteCursor slice = CURSOR.slice(2, 4);
    assertEquals(0x06050403L, slice.u32());
  }

  @Test
  void absoluteReadsDoNotMove() {
    assertEquals(0x0302, CURSOR.unsignedAt(1, 2));
    assertEquals(0x040302, CURSOR.unsignedAt(1, 3));
    assertEquals(0x0807060504030201L, CURSOR.unsignedAt(0, 8));
    assertEquals("hi", CURSOR.stringAt(8, 2));
    assertEquals(0, CURSOR.position());
    assertThrows(BinaryFormatException.class, () -> CURSOR.unsignedAt(8, 4));
    assertThrows(BinaryFormatException.class, () -> CURSOR.stringAt(10, 2));
  }
}
