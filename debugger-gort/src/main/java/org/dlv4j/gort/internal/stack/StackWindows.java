package org.dlv4j.gort.internal.stack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.internal.runtime.TargetMemory;

/**
 * Target memory with the live parts of many goroutine stacks read ahead in bulk. Goroutine
 * stacks are carved out of a few large spans, so the used tops of thousands of stacks
 * ({@code [sp, stack.hi)}) sorted by address lie close together: reading them as a few large
 * runs costs a handful of system calls instead of one or more per goroutine. Reads inside a
 * loaded run are served from it; anything else goes to the backing memory. Not thread-safe.
 */
final class StackWindows implements TargetMemory {
  /** At most this much of each stack, from its sp up, is read ahead. */
  static final int WINDOW = 8 << 10;
  /** Windows this close are read together with the bytes between them. */
  private static final int MAX_GAP = 8 << 10;
  /** Runs are at most this long. */
  private static final int MAX_RUN = 1 << 20;
  private static final int INDEX_BITS = 16;
  /** The most windows one {@link #load} takes. */
  static final int MAX_WINDOWS = 1 << INDEX_BITS;

  private final TargetMemory backing;
  /**
   * The runs, back to back: direct, so that the target's bytes are copied once, into it; made
   * by the first load.
   */
  private ByteBuffer arena = ByteBuffer.allocate(0);
  private long[] runStart = new long[0];
  private long[] runEnd = new long[0];
  private int[] runAt = new int[0];
  private int runs;
  private int hint;

  StackWindows(TargetMemory backing) {
    this.backing = backing;
  }

  /**
   * Replaces the loaded runs with the windows {@code [starts[i], ends[i])}, {@code i < n}.
   * Windows that cannot be read are left to the backing memory.
   */
  void load(long[] starts, long[] ends, int n) {
    if (n > MAX_WINDOWS) {
      throw new IllegalArgumentException(n + " windows at once");
    }
    // Sort by start, packing each window's index into the low bits (user-space addresses have
    // 47 bits); windows that are empty, too long or not in user space are left out.
    long[] order = new long[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (starts[i] > 0 && starts[i] < 1L << 47 && ends[i] > starts[i] && ends[i] - starts[i] <= WINDOW) {
        order[m++] = starts[i] << INDEX_BITS | i;
      }
    }
    Arrays.sort(order, 0, m);
    runs = 0;
    long total = 0;
    int k = 0;
    while (k < m) {
      long start = order[k] >>> INDEX_BITS;
      long end = ends[index(order[k])];
      int j = k + 1;
      while (j < m) {
        long s = order[j] >>> INDEX_BITS;
        long e = Math.max(end, ends[index(order[j])]);
        if (s - end > MAX_GAP || e - start > MAX_RUN) {
          break;
        }
        end = e;
        j++;
      }
      addRun(start, end);
      total += end - start;
      k = j;
    }
    if (arena.capacity() < total) {
      // Nothing to keep from the last load; room to spare, as the next batch may be a bit larger.
      int capacity = (int) Math.max(total, arena.capacity() + arena.capacity() / 2);
      arena = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
    readRuns();
    hint = 0;
  }

  private static int index(long packed) {
    return (int) (packed & (MAX_WINDOWS - 1));
  }

  private void addRun(long start, long end) {
    if (runs == runStart.length) {
      int cap = Math.max(16, runs * 2);
      runStart = Arrays.copyOf(runStart, cap);
      runEnd = Arrays.copyOf(runEnd, cap);
      runAt = Arrays.copyOf(runAt, cap);
    }
    runStart[runs] = start;
    runEnd[runs] = end;
    runs++;
  }

  /** Reads the runs into the arena, back to back; a run that cannot be read is dropped. */
  private void readRuns() {
    int kept = 0;
    int used = 0;
    for (int r = 0; r < runs; r++) {
      int got;
      try {
        arena.limit(used + (int) (runEnd[r] - runStart[r])).position(used);
        got = backing.read(runStart[r], arena);
      } catch (MemoryAccessException e) {
        continue;
      }
      runStart[kept] = runStart[r];
      runEnd[kept] = runStart[r] + got;
      runAt[kept] = used;
      kept++;
      used += got;
    }
    runs = kept;
  }

  /** Returns the run holding {@code [address, address + length)}, or -1. */
  private int runOf(long address, int length) {
    if (hint < runs && address >= runStart[hint] && address + length <= runEnd[hint]) {
      return hint;
    }
    int lo = 0;
    int hi = runs - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (runStart[mid] <= address) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (hi >= 0 && address + length <= runEnd[hi]) {
      hint = hi;
      return hi;
    }
    return -1;
  }

  @Override
  public int read(long address, byte[] dst, int offset, int length) {
    int r = runOf(address, length);
    if (r < 0) {
      return backing.read(address, dst, offset, length);
    }
    arena.get(runAt[r] + (int) (address - runStart[r]), dst, offset, length);
    return length;
  }

  @Override
  public long readLong(long address) {
    int r = runOf(address, 8);
    return r < 0 ? backing.readLong(address) : arena.getLong(runAt[r] + (int) (address - runStart[r]));
  }
}
