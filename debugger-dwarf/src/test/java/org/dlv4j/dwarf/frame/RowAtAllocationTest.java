package org.dlv4j.dwarf.frame;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/** A reused UnwindContext makes rowAt allocation-free: checked with the JVM's counter. */
class RowAtAllocationTest {
  private static final System.Logger LOG = System.getLogger("dwarf");

  @Test
  void rowAtAllocatesNothingOnceWarm() {
    CallFrameInfo cfi = CallFrameInfo.of(ElfFrames.debugFrame(GoBuild.fixture("hello").build()));
    List<Fde> fdes = cfi.fdes();
    long[] pcs = new long[fdes.size() * 2];
    for (int i = 0; i < fdes.size(); i++) {
      pcs[2 * i] = fdes.get(i).initialLocation();
      pcs[2 * i + 1] = fdes.get(i).initialLocation() + fdes.get(i).addressRange() / 2;
    }
    UnwindContext ctx = new UnwindContext();
    long sink = lookUpAll(cfi, pcs, ctx, 20); // warm up: JIT and context growth
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    long start = System.nanoTime();
    int rounds = 20;
    sink += lookUpAll(cfi, pcs, ctx, rounds);
    long nanos = System.nanoTime() - start;
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    long lookups = (long) rounds * pcs.length;
    LOG.log(System.Logger.Level.INFO, "rowAt: {0} lookups over {1} FDEs, {2} ns each, {3} bytes"
        + " allocated", lookups, fdes.size(), nanos / lookups, allocated);
    assertTrue(allocated < 1024, allocated + " bytes allocated by " + lookups + " lookups");
    assertTrue(sink != 0);
  }

  private static long lookUpAll(CallFrameInfo cfi, long[] pcs, UnwindContext ctx, int rounds) {
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      for (long pc : pcs) {
        if (cfi.rowAt(pc, ctx)) {
          sink += ctx.row().startAddress();
        }
      }
    }
    return sink;
  }
}
