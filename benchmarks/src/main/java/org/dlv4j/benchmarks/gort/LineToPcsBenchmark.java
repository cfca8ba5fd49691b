package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dlv4j.benchmarks.gort.CmdGo.FileLine;
import org.dlv4j.gort.GoBinary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * file:line to pcs on cmd/go (-N -l), for the positions of random pcs (lines with code), the
 * file given by its full path. Warm: through DWARF's line index (GoBinary's answer) and through
 * the pclntab's index; both built. Cold: the first query in a binary just opened, which builds
 * the DWARF line index (decompressing .debug_line and running every line program).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LineToPcsBenchmark {
  private static final int QUERIES = 1 << 10;

  private Path binary;
  private GoBinary bin;
  private FileLine[] queries;
  private int next;

  /** Builds and opens cmd/go, draws the queries and builds both indexes. */
  @Setup(Level.Trial)
  public void setUp() {
    binary = CmdGo.binary();
    bin = GoBinary.open(binary);
    queries = CmdGo.randomLines(bin, binary, QUERIES);
    next = queries.length - 1;
    warmDwarf();
    warmPclntab();
  }

  /** Closes the binary. */
  @TearDown(Level.Trial)
  public void tearDown() {
    bin.close();
  }

  /** One query answered from DWARF's line index. */
  @Benchmark
  public long[] warmDwarf() {
    FileLine q = nextQuery();
    return bin.lineToPCs(q.file(), q.line());
  }

  /** One query answered from the pclntab (what a binary without DWARF gets). */
  @Benchmark
  public long[] warmPclntab() {
    FileLine q = nextQuery();
    return bin.pclntab().lineToPcs(q.file(), q.line());
  }

  /** The first query in a binary opened just before. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long[] coldDwarf(Fresh fresh) {
    return fresh.bin.lineToPCs(fresh.query.file(), fresh.query.line());
  }

  private FileLine nextQuery() {
    next = next + 1 == queries.length ? 0 : next + 1;
    return queries[next];
  }

  /** A binary opened before each invocation, closed after it. */
  @State(Scope.Thread)
  public static class Fresh {
    GoBinary bin;
    FileLine query;

    /** Opens the binary and picks the next query. */
    @Setup(Level.Invocation)
    public void open(LineToPcsBenchmark b) {
      bin = GoBinary.open(b.binary);
      query = b.nextQuery();
    }

    /** Closes the binary. */
    @TearDown(Level.Invocation)
    public void close() {
      bin.close();
    }
  }
}
