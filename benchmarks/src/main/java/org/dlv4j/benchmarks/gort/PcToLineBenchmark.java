package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.pclntab.PcLine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PC to function, file and line on cmd/go (-N -l), for uniformly random pcs of its text. Warm:
 * many lookups on one open binary whose per-function line tables are decoded (the
 * allocation-free {@link GoBinary#lookup} in a loop, reported per lookup, and
 * {@link GoBinary#pcToLocation} with inlined frames). Cold: the first lookup in a binary just
 * opened, which decodes that function's tables.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PcToLineBenchmark {
  private static final int BATCH = 1 << 16;

  private Path binary;
  private GoBinary bin;
  private long[] pcs;
  private final PcLine row = new PcLine();
  private int next;

  /** Builds and opens cmd/go and draws the pcs. */
  @Setup(Level.Trial)
  public void setUp() {
    binary = CmdGo.binary();
    bin = GoBinary.open(binary);
    pcs = CmdGo.randomPcs(binary, BATCH);
  }

  /** Closes the binary. */
  @TearDown(Level.Trial)
  public void tearDown() {
    bin.close();
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
  public Object coldPcToLocation(Fresh fresh) {
    return fresh.bin.pcToLocation(fresh.pc);
  }

  /** A binary opened before each invocation, closed after it. */
  @State(Scope.Thread)
  public static class Fresh {
    GoBinary bin;
    long pc;
    private int next;

    /** Opens the binary and picks the next pc. */
    @Setup(Level.Invocation)
    public void open(PcToLineBenchmark b) {
      bin = GoBinary.open(b.binary);
      next = (next + 1) & (BATCH - 1);
      pc = b.pcs[next];
    }

    /** Closes the binary. */
    @TearDown(Level.Invocation)
    public void close() {
      bin.close();
    }
  }
}
