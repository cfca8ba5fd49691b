package org.dlv4j.gort.internal.runtime;

import java.nio.ByteBuffer;

/**
 * Decodes {@code runtime.g} structs from bytes read in bulk, with the offsets of one
 * {@link RuntimeLayout} copied into fields. Immutable and thread-safe.
 */
final class GDecoder {
  private final int size;
  private final int stackLo;
  private final int stackHi;
  private final int panic;
  private final int defer;
  private final int m;
  private final int schedSp;
  private final int schedPc;
  private final int schedLr;
  private final int schedBp;
  private final int syscallSp;
  private final int syscallPc;
  private final int status;
  private final int goid;
  private final int waitSince;
  private final int waitReason;
  private final int parentGoid;
  private final int gopc;
  private final int startPc;
  private final int labels;

  GDecoder(RuntimeLayout layout) {
    size = layout.get(RuntimeField.G_SIZE);
    stackLo = layout.get(RuntimeField.G_STACK_LO);
    stackHi = layout.get(RuntimeField.G_STACK_HI);
    panic = layout.get(RuntimeField.G_PANIC);
    defer = layout.get(RuntimeField.G_DEFER);
    m = layout.get(RuntimeField.G_M);
    schedSp = layout.get(RuntimeField.G_SCHED_SP);
    schedPc = layout.get(RuntimeField.G_SCHED_PC);
    schedLr = layout.get(RuntimeField.G_SCHED_LR);
    schedBp = layout.get(RuntimeField.G_SCHED_BP);
    syscallSp = layout.get(RuntimeField.G_SYSCALLSP);
    syscallPc = layout.get(RuntimeField.G_SYSCALLPC);
    status = layout.get(RuntimeField.G_STATUS);
    goid = layout.get(RuntimeField.G_GOID);
    waitSince = layout.get(RuntimeField.G_WAITSINCE);
    waitReason = layout.get(RuntimeField.G_WAITREASON);
    parentGoid = layout.get(RuntimeField.G_PARENT_GOID);
    gopc = layout.get(RuntimeField.G_GOPC);
    startPc = layout.get(RuntimeField.G_STARTPC);
    labels = layout.get(RuntimeField.G_LABELS);
  }

  /** {@return the size of a g: how many bytes {@link #decode} reads} */
  int size() {
    return size;
  }

  /** Decodes the g at {@code address} from bytes {@code at .. at + size()} of a little-endian buffer. */
  G decode(long address, ByteBuffer b, int at) {
    return new G(address, word(b, at, goid), status < 0 ? 0 : b.getInt(at + status),
        waitReason < 0 ? 0 : b.get(at + waitReason) & 0xff, word(b, at, waitSince),
        word(b, at, stackLo), word(b, at, stackHi), word(b, at, schedPc), word(b, at, schedSp),
        word(b, at, schedBp), word(b, at, schedLr), word(b, at, syscallPc), word(b, at, syscallSp),
        word(b, at, m), word(b, at, defer), word(b, at, panic), word(b, at, gopc), word(b, at, startPc),
        word(b, at, parentGoid), word(b, at, labels));
  }

  private static long word(ByteBuffer b, int at, int offset) {
    return offset < 0 ? 0 : b.getLong(at + offset);
  }
}
