package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.gort.internal.runtime.Binary;
import org.dlv4j.gort.internal.runtime.FakeMemory;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes goroutine listing and unwinding over target memory made of arbitrary bytes, with a
 * real binary's runtime layout and code: the bytes are mapped at {@link #HEAP} and serve as the
 * allgs pointer array, the g structs it points at, their stacks and labels. Every word equal to
 * {@link #CODE_MARK} is replaced by a pc inside {@code runtime.gopark} (plus the mark's low
 * byte), so that seeds can reach real frames. Listing and unwinding must finish, and fail only
 * with a DebuggerException. In the normal build this runs the seeds in
 * {@code GoroutineFuzzTestInputs}; run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class GoroutineFuzzTest {
  static final long HEAP = 0xc000000000L;
  static final long CODE_MARK = 0x4242424242424200L;
  /**
   * The toolchain whose runtime layout (g struct offsets, label format) the seeds' bytes were
   * written for: pinned, so that the seeds mean the same under every toolchain the tests run with.
   */
  static final String SEED_TOOLCHAIN = "go1.26.8";
  private static GoRuntime rt;

  private static synchronized GoRuntime runtime() {
    if (rt == null) {
      rt = Binary.open(GoBuild.fixture("hello").env("GOTOOLCHAIN", SEED_TOOLCHAIN).build()).runtime();
    }
    return rt;
  }

  @Test
  void seedUnwindsThroughRealFrames() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("GoroutineFuzzTestInputs/listAndUnwind/two-goroutines")) {
      List<Goroutine> gs = list(in.readAllBytes());
      assertEquals(2, gs.size(), gs.toString());
      assertEquals(List.of(7L, 8L), gs.stream().map(Goroutine::id).toList());
      assertEquals("runtime.gopark", gs.get(0).current().functionName());
      assertEquals(java.util.Map.of("k", "v"), gs.get(1).labels());
      assertEquals("IO wait", gs.get(1).statusText());
    }
  }

  @FuzzTest(maxDuration = "2m")
  void listAndUnwind(byte[] data) {
    try {
      list(data);
    } catch (DebuggerException expected) {
      // unreadable or absurd runtime data, reported properly
    }
  }

  static List<Goroutine> list(byte[] data) {
    GoRuntime r = runtime();
    byte[] heap = data.clone();
    long gopark = r.code().entry(r.code().funcIndex(r.code().pclntab().functionNamed("runtime.gopark")
        .orElseThrow().entry()));
    ByteBuffer b = ByteBuffer.wrap(heap).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 8 <= heap.length; i += 8) {
      long w = b.getLong(i);
      if ((w & ~0xffL) == CODE_MARK) {
        b.putLong(i, gopark + (w & 0xff));
      }
    }
    FakeMemory mem = new FakeMemory().map(r.globals().allglen().getAsLong(), 8).map(r.globals().allgs().getAsLong(), 24);
    mem.putLong(r.globals().allglen().getAsLong(), Math.min(heap.length / 8, 64)).putLong(r.globals().allgs().getAsLong(), HEAP);
    if (heap.length > 0) {
      mem.map(HEAP, heap.length).put(HEAP, heap);
    }
    GoroutineLister lister = new GoroutineLister(r, mem, List.of());
    List<Goroutine> gs = lister.list(0, 0).goroutines();
    for (Goroutine g : gs) {
      if (g.unreadable().isEmpty()) {
        lister.stacktrace(g.g(), Unwinder.MAX_DEPTH);
      }
    }
    return gs;
  }
}
