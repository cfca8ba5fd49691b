package org.dlv4j.gort.internal.runtime;

import java.util.Arrays;

/**
 * A small map from addresses to values, for what unwinding and listing compute again and
 * again for the same pcs (thousands of goroutines park at a handful of pcs): open addressing
 * over primitive keys, so a lookup neither boxes nor allocates. It holds at most
 * {@code capacity / 2} entries and forgets everything when full. Not thread-safe.
 *
 * @param <V> the value type
 */
public final class PcCache<V> {
  private static final long EMPTY = 0x8000_0000_0000_0001L; // no code address has this value

  private final long[] keys;
  private final Object[] values;
  private final int mask;
  private int size;

  /**
   * Creates a cache.
   *
   * @param capacity the number of slots, a power of two
   */
  public PcCache(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity " + capacity + " is not a power of two");
    }
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    Arrays.fill(keys, EMPTY);
  }

  /**
   * Returns the value for {@code pc}.
   *
   * @param pc an address
   * @return the value, or {@code null} if absent
   */
  @SuppressWarnings("unchecked")
  public V get(long pc) {
    for (int i = slot(pc); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == pc) {
        return (V) values[i];
      }
      if (k == EMPTY) {
        return null;
      }
    }
  }

  /**
   * Stores a value.
   *
   * @param pc an address
   * @param value the value, not {@code null}
   */
  public void put(long pc, V value) {
    if (size >= keys.length / 2) {
      Arrays.fill(keys, EMPTY);
      Arrays.fill(values, null);
      size = 0;
    }
    int i = slot(pc);
    while (keys[i] != EMPTY && keys[i] != pc) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      size++;
    }
    keys[i] = pc;
    values[i] = value;
  }

  private int slot(long pc) {
    long h = pc * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h >>> 40) & mask;
  }
}
