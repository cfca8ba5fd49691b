package org.dlv4j.gort.internal.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.MemoryAccessException;

/**
 * Reads the runtime's list of goroutines, {@code runtime.allgs}, in bulk: {@code allglen}
 * first (the runtime's own rule, proc.go), then the pointer array, thousands of entries per
 * read, then the g structs themselves in a few large reads. Goroutine structs are allocated
 * from a handful of spans, so sorting the pointers and reading each run of nearby structs at
 * once costs a few system calls per thousand goroutines instead of one per field. A g that
 * cannot be read (its pointer is garbage, or its memory was unmapped) is reported as
 * unreadable; the others are still listed. Memory use is bounded by the batch size, whatever
 * {@code allglen} says. Not thread-safe: one reader per listing.
 */
public final class AllGs {
  /** More goroutines than this means allglen is not a length. */
  static final long MAX_GOROUTINES = 50_000_000;
  /** Reads of g structs are at most this long. */
  private static final int MAX_RUN = 1 << 20;
  /** Structs at most this far apart are read together, the bytes between them with them. */
  private static final int MAX_GAP = 4 << 10;
  /** Pointers handled per batch when paging: 2^INDEX_BITS. */
  private static final int INDEX_BITS = 14;
  private static final int BATCH = 1 << INDEX_BITS;
  /** The fewest pointers read at once when paging. */
  private static final int MIN_BATCH = 64;

  /**
   * An entry of {@code allgs}: the {@link G} read there, or why it could not be read. The gs
   * themselves are the entries, so that listing 100,000 goroutines wraps none of them.
   */
  public sealed interface Entry permits G, Unreadable {
    /** {@return the g pointer of the entry} */
    long address();
  }

  /**
   * An entry of {@code allgs} whose g could not be read.
   *
   * @param index the entry's index in {@code allgs}
   * @param address the g pointer
   * @param reason why the g could not be read
   */
  public record Unreadable(int index, long address, String reason) implements Entry {
  }

  /**
   * A page of entries: the live (not dead) goroutines of {@code allgs[start ..]} and where the
   * next page starts.
   *
   * @param entries the entries in {@code allgs} order, dead goroutines left out
   * @param next the index to start the next page at, or -1 if {@code allgs} is exhausted
   * @param total {@code allglen}: the length of {@code allgs}, dead goroutines included
   */
  public record Page(List<Entry> entries, int next, int total) {
  }

  private final GoRuntime rt;
  private final TargetMemory memory;
  private final GDecoder decoder;
  /**
   * Runs of g structs: direct, so that the target's bytes are copied once, into it; made on
   * the first bulk read (a stop that lists nothing reads single gs only).
   */
  private ByteBuffer runs = ByteBuffer.allocate(0);

  /**
   * Creates a reader.
   *
   * @param rt the binary's runtime facts
   * @param memory the stopped target's memory
   */
  public AllGs(GoRuntime rt, TargetMemory memory) {
    this.rt = rt;
    this.memory = memory;
    this.decoder = new GDecoder(rt.layout());
  }

  /**
   * Reads a page of goroutines as Delve's {@code GoroutinesInfo} pages them: from index
   * {@code start} of {@code allgs}, until {@code count} live goroutines were found.
   *
   * @param start the first index of {@code allgs} to look at
   * @param count how many live goroutines to return at most; 0 for all
   * @return the page
   * @throws DebuggerException if the binary has no {@code allgs} (stripped) or
   *     {@code allgs}/{@code allglen} are unreadable or absurd
   */
  public Page read(int start, int count) {
    if (start < 0 || count < 0) {
      throw new IllegalArgumentException("start " + start + ", count " + count);
    }
    long[] array = array();
    int n = (int) array[0];
    List<Entry> out = new ArrayList<>();
    int i = start;
    while (i < n && (count == 0 || out.size() < count)) {
      // A page of a few goroutines reads a few; a full listing reads BATCH at a time.
      int want = count == 0 ? BATCH : Math.min(BATCH, Math.max(MIN_BATCH, count - out.size()));
      int end = (int) Math.min(n, (long) i + want);
      Entry[] batch = readBatch(pointers(array[1], i, end), i);
      for (int k = 0; k < batch.length && (count == 0 || out.size() < count); k++, i++) {
        Entry e = batch[k];
        if (!(e instanceof G g && g.isDead())) {
          out.add(e);
        }
      }
    }
    return new Page(out, i < n ? i : -1, n);
  }

  /**
   * Reads the g at {@code address} (one read of the whole struct).
   *
   * @param address a g pointer
   * @return the g
   * @throws MemoryAccessException if the struct is unreadable
   */
  public G readG(long address) {
    byte[] one = new byte[decoder.size()]; // a small read: through the per-stop page cache
    memory.readFully(address, one, 0, one.length);
    return decoder.decode(address, ByteBuffer.wrap(one).order(ByteOrder.LITTLE_ENDIAN), 0);
  }

  /**
   * Reads {@code allglen}, then the address of the pointer array (the runtime's own order,
   * proc.go: a length read first is never longer than the array read after it).
   *
   * @return {length, array address}
   */
  private long[] array() {
    long base = rt.code().staticBase();
    long lenAddr = rt.globals().allglen().orElseThrow(() -> new DebuggerException(
        "cannot list goroutines: runtime.allglen not found (no DWARF and no symbol table)"));
    long ptrAddr = rt.globals().allgs().orElseThrow(() -> new DebuggerException(
        "cannot list goroutines: runtime.allgs not found (no DWARF and no symbol table)"));
    long n = memory.readLong(lenAddr + base);
    long data = memory.readLong(ptrAddr + base);
    if (n < 0 || n > MAX_GOROUTINES) {
      throw new DebuggerException("runtime.allglen is " + n + ": not a goroutine count");
    }
    return new long[] {n, data};
  }

  /** Reads {@code allgs[from .. to)} in one read. */
  private long[] pointers(long data, int from, int to) {
    byte[] raw = new byte[(to - from) * 8];
    memory.readFully(data + 8L * from, raw, 0, raw.length);
    long[] out = new long[to - from];
    // One bulk copy: a loop over 16k words would run interpreted in a fresh JVM.
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
    return out;
  }

  /**
   * Reads the gs of one batch of pointers ({@code allgs[first ..]}), sorted into runs of
   * nearby structs. Sorting packs each pointer with its index in the batch ({@code BATCH} is
   * 2^14): user-space addresses have 47 bits, so the packing orders real pointers by address;
   * garbage pointers may sort anywhere, which only splits runs.
   */
  private Entry[] readBatch(long[] pointers, int first) {
    int n = pointers.length;
    long[] packed = new long[n];
    for (int k = 0; k < n; k++) {
      packed[k] = pointers[k] << INDEX_BITS | k;
    }
    Arrays.sort(packed);
    Entry[] out = new Entry[n];
    int size = decoder.size();
    int k = 0;
    while (k < n) {
      long runStart = pointers[index(packed[k])];
      int last = k;
      while (last + 1 < n) {
        long next = pointers[index(packed[last + 1])];
        long prevEnd = pointers[index(packed[last])] + size;
        if (next < runStart || next - prevEnd > MAX_GAP || next + size - runStart > MAX_RUN) {
          break;
        }
        last++;
      }
      readRun(pointers, first, packed, k, last, out);
      k = last + 1;
    }
    return out;
  }

  private static int index(long packedEntry) {
    return (int) (packedEntry & (BATCH - 1));
  }

  /** Reads sorted entries {@code packed[first .. last]} with one read, or one by one if that fails. */
  private void readRun(long[] pointers, int base, long[] packed, int first, int last, Entry[] out) {
    int size = decoder.size();
    long start = pointers[index(packed[first])];
    long length = pointers[index(packed[last])] + size - start;
    boolean whole = false;
    if (start > 0 && length > 0 && length <= MAX_RUN) {
      if (runs.capacity() < length) {
        int capacity = Math.max((int) length, Math.max(64 << 10, 2 * runs.capacity()));
        runs = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
      }
      runs.clear().limit((int) length);
      try {
        whole = memory.read(start, runs) == length;
      } catch (MemoryAccessException e) {
        whole = false;
      }
    }
    for (int k = first; k <= last; k++) {
      int idx = index(packed[k]);
      long address = pointers[idx];
      if (whole) {
        out[idx] = decoder.decode(address, runs, (int) (address - start));
      } else {
        out[idx] = readOne(base + idx, address);
      }
    }
  }

  private Entry readOne(int index, long address) {
    if (address == 0) {
      return new Unreadable(index, 0, "nil g pointer in allgs");
    }
    try {
      return readG(address);
    } catch (MemoryAccessException e) {
      return new Unreadable(index, address, "unreadable g: " + e.getMessage());
    }
  }
}
