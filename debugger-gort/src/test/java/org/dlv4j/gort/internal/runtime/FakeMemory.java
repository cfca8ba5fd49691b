package org.dlv4j.gort.internal.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;
import org.dlv4j.api.MemoryAccessException;

/**
 * Target memory made of byte arrays mapped at addresses; everything else is unmapped. Counts
 * the reads, so that tests can check that memory is read in bulk.
 */
public final class FakeMemory implements TargetMemory {
  private final TreeMap<Long, byte[]> regions = new TreeMap<>();
  private int reads;

  /** Maps {@code size} zero bytes at {@code address}. */
  public FakeMemory map(long address, int size) {
    regions.put(address, new byte[size]);
    return this;
  }

  /** Writes a little-endian word into mapped memory. */
  public FakeMemory putLong(long address, long value) {
    ByteBuffer.wrap(region(address, 8).getValue(), (int) (address - region(address, 8).getKey()), 8)
        .order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    return this;
  }

  /** Writes a little-endian 32-bit word into mapped memory. */
  public FakeMemory putInt(long address, int value) {
    Map.Entry<Long, byte[]> r = region(address, 4);
    ByteBuffer.wrap(r.getValue(), (int) (address - r.getKey()), 4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
    return this;
  }

  /** Writes bytes into mapped memory. */
  public FakeMemory put(long address, byte... bytes) {
    Map.Entry<Long, byte[]> r = region(address, bytes.length);
    System.arraycopy(bytes, 0, r.getValue(), (int) (address - r.getKey()), bytes.length);
    return this;
  }

  /** {@return how many reads were served or refused} */
  public int reads() {
    return reads;
  }

  @Override
  public int read(long address, byte[] dst, int offset, int length) {
    reads++;
    Map.Entry<Long, byte[]> r = regions.floorEntry(address);
    if (r == null || address - r.getKey() >= r.getValue().length) {
      throw new MemoryAccessException("read", 1, address, length, "unmapped");
    }
    int from = (int) (address - r.getKey());
    int n = Math.min(length, r.getValue().length - from);
    System.arraycopy(r.getValue(), from, dst, offset, n);
    return n;
  }

  private Map.Entry<Long, byte[]> region(long address, int length) {
    Map.Entry<Long, byte[]> r = regions.floorEntry(address);
    if (r == null || address + length - r.getKey() > r.getValue().length) {
      throw new IllegalArgumentException("not mapped: 0x" + Long.toHexString(address));
    }
    return r;
  }
}
