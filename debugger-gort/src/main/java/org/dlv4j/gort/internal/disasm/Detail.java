package org.dlv4j.gort.internal.disasm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A copy of the start of one {@code cs_detail}, read little-endian at {@link CsLayout} offsets. */
final class Detail {
  final byte[] bytes = new byte[CsLayout.DETAIL_READ];
  private final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

  int u8(int offset) {
    return bytes[offset] & 0xff;
  }

  int i32(int offset) {
    return buffer.getInt(offset);
  }

  long i64(int offset) {
    return buffer.getLong(offset);
  }
}
