package org.dlv4j.benchmarks.gort;

import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.pclntab.PcLine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * PC to function, file and line on cmd/go (-N -l), for uniformly random pcs of its text. Warm:
 * many lookups on one open binary whose per-function line tables are decoded (the
 * allocation-free {@link GoBinary#lookup} in a loop, reported per lookup, and
 * {@link GoBinary#pcToLocation} with inlined frames). Cold: the first lookup in a binary just
 * opened, which decodes that function's tables.
 */
public class PcToLineBenchmark extends OpenCmdGoBenchmark {
  private static final int BATCH = 1 << 16;

  private long[] pcs;
  private final PcLine row = new PcLine();
  private int next;

  /** Draws the pcs. */
  @Override
  protected void draw() {
    pcs = CmdGo.randomPcs(binary, BATCH);
  }

  /** 65,536 allocation-free lookups of random pcs; the score is per lookup. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long warmLookup() {
    long sum = 0;
    for (long pc : pcs) {
      bin.lookup(pc, row);
      sum += row.line();
    }
    return sum;
  }

  /** One lookup that builds the full record, with the inlined calls at the pc. */
  @Benchmark
  public Object warmPcToLocation() {
    next = (next + 1) & (BATCH - 1);
    return bin.pcToLocation(pcs[next]);
  }

  /** The first lookup in a binary opened just before. */
  @Benchmark
  public Object coldPcToLocation(FreshCmdGo fresh) {
    return fresh.bin.pcToLocation(pcs[fresh.pick(BATCH)]);
  }
}
