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

  /** Tells whether Capstone put the instruction in group {@code group} ({@code CS_GRP_*}). */
  boolean inGroup(int group) {
    int count = Math.min(u8(CsLayout.DETAIL_GROUPS_COUNT), 8);
    for (int i = 0; i < count; i++) {
      if (u8(CsLayout.DETAIL_GROUPS + i) == group) {
        return true;
      }
    }
    return false;
  }
}
