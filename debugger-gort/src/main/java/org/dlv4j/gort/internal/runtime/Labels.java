package org.dlv4j.gort.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.dlv4j.api.MemoryAccessException;

/**
 * Reads a goroutine's pprof labels ({@code g.labels}, set by {@code pprof.Do} and
 * {@code pprof.SetGoroutineLabels}) in both representations the runtime has used
 * ({@link RuntimeLayout.LabelFormat}): a sorted list of key/value pairs (Go 1.24+), or a
 * {@code map[string]string} (Go 1.22/1.23, classic hash map: runtime/map.go). Everything read
 * is capped, so a corrupt label set costs bounded work. Stateless.
 */
public final class Labels {
  /** At most this many labels are read (Delve's limit). */
  static final int MAX_LABELS = 1000;
  /** Longer keys and values are cut. */
  static final int MAX_STRING = 4096;
  /** A label map with more buckets than 2^MAX_B is corrupt. */
  private static final int MAX_B = 16;
  /** Overflow chains longer than this are corrupt. */
  private static final int MAX_CHAIN = 1024;

  /** Classic hmap (runtime/map.go): count @0, flags @8, B @9, buckets @16, oldbuckets @24. */
  private static final int HMAP_FLAGS = 8;
  private static final int HMAP_B = 9;
  private static final int HMAP_BUCKETS = 16;
  private static final int HMAP_OLDBUCKETS = 24;
  private static final int HMAP_SIZE = 48;
  private static final int SAME_SIZE_GROW = 8;
  /** A map[string]string bucket: tophash[8], keys[8], elems[8], overflow. */
  private static final int BUCKET_CELLS = 8;
  private static final int BUCKET_KEYS = 8;
  private static final int BUCKET_ELEMS = BUCKET_KEYS + 16 * BUCKET_CELLS;
  private static final int BUCKET_OVERFLOW = BUCKET_ELEMS + 16 * BUCKET_CELLS;
  private static final int BUCKET_SIZE = BUCKET_OVERFLOW + 8;
  /** tophash values below this mark empty or evacuated cells. */
  private static final int MIN_TOP_HASH = 5;
  private static final int EVACUATED_X = 2;
  private static final int EVACUATED_EMPTY = 4;
  /** A label list entry: key string, value string. */
  private static final int LABEL_SIZE = 32;

  private Labels() {
  }

  /**
   * Reads the labels at {@code labels} ({@code g.labels}).
   *
   * @param memory the stopped target's memory
   * @param format how this runtime stores labels
   * @param labels the {@code g.labels} pointer; 0 means none
   * @return the labels by key, sorted (or an empty map if none)
   * @throws MemoryAccessException if the label set is unreadable
   */
  public static Map<String, String> read(TargetMemory memory, RuntimeLayout.LabelFormat format, long labels) {
    if (labels == 0) {
      return Map.of();
    }
    Map<String, String> out = new TreeMap<>();
    if (format == RuntimeLayout.LabelFormat.LIST) {
      readList(memory, labels, out);
    } else {
      readMap(memory, labels, out);
    }
    return out;
  }

  /** {@code labelMap{LabelSet{list []label}}}: the slice header is the struct's first word. */
  private static void readList(TargetMemory memory, long labelMap, Map<String, String> out) {
    byte[] header = new byte[24];
    memory.readFully(labelMap, header, 0, header.length);
    long data = Bytes.getLong(header, 0);
    long len = Bytes.getLong(header, 8);
    if (data == 0 || len <= 0) {
      return;
    }
    int n = (int) Math.min(len, MAX_LABELS);
    byte[] list = new byte[n * LABEL_SIZE];
    memory.readFully(data, list, 0, list.length);
    for (int i = 0; i < n; i++) {
      out.put(string(memory, list, i * LABEL_SIZE), string(memory, list, i * LABEL_SIZE + 16));
    }
  }

  /**
   * {@code *labelMap} where {@code labelMap} is a classic {@code map[string]string}: a pointer to
   * the map value, itself a pointer to the hmap, walked as the runtime's iterator does, growth
   * included.
   */
  private static void readMap(TargetMemory memory, long labelMap, Map<String, String> out) {
    long hmap = memory.readLong(labelMap);
    if (hmap == 0) {
      return;
    }
    byte[] h = new byte[HMAP_SIZE];
    memory.readFully(hmap, h, 0, h.length);
    int b = h[HMAP_B] & 0xff;
    if (b > MAX_B) {
      throw new MemoryAccessException("read labels", 0, hmap, HMAP_SIZE, "label map with 2^" + b + " buckets");
    }
    long buckets = Bytes.getLong(h, HMAP_BUCKETS);
    long oldBuckets = Bytes.getLong(h, HMAP_OLDBUCKETS);
    int oldB = (h[HMAP_FLAGS] & SAME_SIZE_GROW) != 0 ? b : b - 1;
    byte[] bucket = new byte[BUCKET_SIZE];
    for (int i = 0; i < 1 << b && out.size() < MAX_LABELS; i++) {
      if (oldBuckets != 0 && oldB >= 0) {
        int old = i & ((1 << oldB) - 1);
        long oldBucket = oldBuckets + (long) old * BUCKET_SIZE;
        memory.readFully(oldBucket, bucket, 0, BUCKET_SIZE);
        int top = bucket[0] & 0xff;
        if (top < EVACUATED_X || top > EVACUATED_EMPTY) { // not evacuated: walk it once, from its own index
          if (old == i) {
            walkChain(memory, oldBucket, bucket, out);
          }
          continue;
        }
      }
      if (buckets != 0) {
        walkChain(memory, buckets + (long) i * BUCKET_SIZE, bucket, out);
      }
    }
  }

  private static void walkChain(TargetMemory memory, long first, byte[] bucket, Map<String, String> out) {
    long at = first;
    for (int n = 0; at != 0 && n < MAX_CHAIN && out.size() < MAX_LABELS; n++) {
      memory.readFully(at, bucket, 0, BUCKET_SIZE);
      for (int c = 0; c < BUCKET_CELLS; c++) {
        if ((bucket[c] & 0xff) >= MIN_TOP_HASH) {
          out.put(string(memory, bucket, BUCKET_KEYS + 16 * c), string(memory, bucket, BUCKET_ELEMS + 16 * c));
        }
      }
      at = Bytes.getLong(bucket, BUCKET_OVERFLOW);
    }
  }

  /** Reads the Go string whose header (pointer, length) is at {@code b[at]}. */
  private static String string(TargetMemory memory, byte[] b, int at) {
    long ptr = Bytes.getLong(b, at);
    long len = Bytes.getLong(b, at + 8);
    if (ptr == 0 || len <= 0) {
      return "";
    }
    byte[] chars = new byte[(int) Math.min(len, MAX_STRING)];
    memory.readFully(ptr, chars, 0, chars.length);
    return new String(chars, StandardCharsets.UTF_8);
  }
}
