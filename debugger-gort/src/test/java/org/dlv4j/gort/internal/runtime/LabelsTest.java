package org.dlv4j.gort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.internal.runtime.RuntimeLayout.LabelFormat;
import org.junit.jupiter.api.Test;

/**
 * pprof labels in both representations, built byte by byte: the sorted list of Go 1.24+ and
 * the classic map[string]string of Go 1.22/1.23, including overflow buckets and a map in the
 * middle of growing.
 */
class LabelsTest {
  private static final long STRINGS = 0x50000;
  private static final long LABEL_MAP = 0x10000;
  private static final long HMAP = 0x11000;
  private static final long BUCKETS = 0x20000;
  private static final long OLD_BUCKETS = 0x30000;
  private static final int BUCKET = 272;

  private final FakeMemory mem = new FakeMemory().map(STRINGS, 0x10000).map(LABEL_MAP, 0x2000)
      .map(BUCKETS, 0x4000).map(OLD_BUCKETS, 0x4000);
  private long nextString = STRINGS;

  /** Writes a Go string header at {@code at} for a new copy of {@code s}. */
  private void string(long at, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    mem.put(nextString, b);
    mem.putLong(at, nextString).putLong(at + 8, b.length);
    nextString += b.length;
  }

  @Test
  void list() {
    long data = LABEL_MAP + 0x100;
    mem.putLong(LABEL_MAP, data).putLong(LABEL_MAP + 8, 2).putLong(LABEL_MAP + 16, 2);
    string(data, "a");
    string(data + 16, "1");
    string(data + 32, "b");
    string(data + 48, "");
    assertEquals(Map.of("a", "1", "b", ""), Labels.read(mem, LabelFormat.LIST, LABEL_MAP));
    assertEquals(Map.of(), Labels.read(mem, LabelFormat.LIST, 0));
    mem.putLong(LABEL_MAP + 8, 0);
    assertEquals(Map.of(), Labels.read(mem, LabelFormat.LIST, LABEL_MAP));
  }

  @Test
  void anAbsurdListLengthIsCapped() {
    long data = LABEL_MAP + 0x100;
    mem.putLong(LABEL_MAP, data).putLong(LABEL_MAP + 8, Long.MAX_VALUE);
    // 1000 entries of 32 bytes do not fit in the mapped region: the read fails, bounded.
    assertThrows(MemoryAccessException.class, () -> Labels.read(mem, LabelFormat.LIST, LABEL_MAP));
  }

  /** Puts a cell into a bucket. */
  private void cell(long bucket, int i, int tophash, String k, String v) {
    mem.put(bucket + i, (byte) tophash);
    string(bucket + 8 + 16L * i, k);
    string(bucket + 136 + 16L * i, v);
  }

  private void hmap(int b, int flags, long buckets, long oldBuckets) {
    mem.putLong(LABEL_MAP, HMAP).put(HMAP + 8, (byte) flags, (byte) b)
        .putLong(HMAP + 16, buckets).putLong(HMAP + 24, oldBuckets);
  }

  @Test
  void mapWithOverflowBuckets() {
    hmap(1, 0, BUCKETS, 0);
    for (int i = 0; i < 8; i++) {
      cell(BUCKETS, i, 5 + i, "k" + i, "v" + i);
    }
    long overflow = BUCKETS + 2 * BUCKET;
    mem.putLong(BUCKETS + 264, overflow);
    cell(overflow, 3, 200, "k8", "v8");
    cell(overflow, 4, 1, "deleted", "x"); // emptyOne
    cell(BUCKETS + BUCKET, 0, 9, "k9", "v9");
    Map<String, String> want = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      want.put("k" + i, "v" + i);
    }
    assertEquals(want, Labels.read(mem, LabelFormat.MAP, LABEL_MAP));
  }

  @Test
  void mapInTheMiddleOfGrowing() {
    // Growing from 1 to 2 buckets: old bucket 0 not yet evacuated holds both halves' keys;
    // the new buckets already hold a key that was inserted after growth began.
    hmap(1, 0, BUCKETS, OLD_BUCKETS);
    cell(OLD_BUCKETS, 0, 7, "old-a", "1");
    cell(OLD_BUCKETS, 1, 8, "old-b", "2");
    cell(BUCKETS + BUCKET, 0, 7, "late", "x"); // not read while its old bucket is not evacuated
    assertEquals(Map.of("old-a", "1", "old-b", "2"), Labels.read(mem, LabelFormat.MAP, LABEL_MAP));
    // Once evacuated (tophash[0] = evacuatedX), the new buckets are read instead.
    mem.put(OLD_BUCKETS, (byte) 2);
    cell(BUCKETS, 0, 7, "new-a", "1");
    assertEquals(Map.of("new-a", "1", "late", "x"),
        Labels.read(mem, LabelFormat.MAP, LABEL_MAP));
  }

  @Test
  void sameSizeGrowthReadsOldBucketsAtTheirOwnIndex() {
    hmap(1, 8, BUCKETS, OLD_BUCKETS);
    cell(OLD_BUCKETS, 0, 7, "a", "1");
    cell(OLD_BUCKETS + BUCKET, 0, 7, "b", "2");
    assertEquals(Map.of("a", "1", "b", "2"), Labels.read(mem, LabelFormat.MAP, LABEL_MAP));
  }

  @Test
  void corruptMaps() {
    hmap(40, 0, BUCKETS, 0);
    assertThrows(MemoryAccessException.class, () -> Labels.read(mem, LabelFormat.MAP, LABEL_MAP));
    hmap(0, 0, BUCKETS, 0);
    cell(BUCKETS, 0, 7, "loop", "1");
    mem.putLong(BUCKETS + 264, BUCKETS); // an overflow chain that points back at itself
    assertEquals(Map.of("loop", "1"), Labels.read(mem, LabelFormat.MAP, LABEL_MAP));
    mem.putLong(LABEL_MAP, 0);
    assertEquals(Map.of(), Labels.read(mem, LabelFormat.MAP, LABEL_MAP));
  }
}
