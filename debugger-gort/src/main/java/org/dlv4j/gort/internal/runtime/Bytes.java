package org.dlv4j.gort.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian loads from byte arrays, for decoding runtime structs read in bulk. */
public final class Bytes {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {
  }

  /**
   * Returns the little-endian 64-bit word at {@code offset}.
   *
   * @param b the bytes
   * @param offset where the word starts
   * @return the word
   */
  public static long getLong(byte[] b, int offset) {
    return (long) LONG.get(b, offset);
  }

  /**
   * Returns the little-endian 32-bit word at {@code offset}.
   *
   * @param b the bytes
   * @param offset where the word starts
   * @return the word
   */
  public static int getInt(byte[] b, int offset) {
    return (int) INT.get(b, offset);
  }
}
