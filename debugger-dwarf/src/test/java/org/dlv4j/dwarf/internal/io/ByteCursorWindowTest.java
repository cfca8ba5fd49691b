package org.dlv4j.dwarf.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.dlv4j.api.BinaryFormatException;
import org.junit.jupiter.api.Test;

/** ByteCursor.window keeps section offsets; slices and windows read little-endian. */
class ByteCursorWindowTest {
  private final ByteCursor section =
      new ByteCursor(ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), ".debug_x");

  @Test
  void windowKeepsSectionOffsetsAndStopsAtItsEnd() {
    ByteCursor w = section.window(4, 3);
    assertEquals(4, w.position());
    assertEquals(0x0504, w.u16());
    assertEquals(6, w.u8());
    assertTrue(w.atEnd());
    BinaryFormatException e = assertThrows(BinaryFormatException.class, w::u8);
    assertEquals("truncated: need 1 bytes, 0 left in .debug_x at 0x7", e.getMessage());
  }

  @Test
  void windowOutsideTheCursorFails() {
    assertThrows(BinaryFormatException.class, () -> section.window(8, 3));
    assertThrows(BinaryFormatException.class, () -> section.window(-1, 1));
  }

  @Test
  void slicesAndWindowsAreLittleEndian() {
    assertEquals(0x04030201L, section.slice(1, 4).u32());
    assertEquals(0x0807060504030201L, section.window(1, 8).u64());
    assertEquals(0x0706, section.slice(0, 10).slice(6, 2).u16());
  }
}
