package org.dlv4j.benchmarks.gort;

import java.util.concurrent.TimeUnit;
import org.dlv4j.benchmarks.gort.CmdGo.FileLine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * file:line to pcs on cmd/go (-N -l), for the positions of random pcs (lines with code), the
 * file given by its full path. Warm: through DWARF's line index (GoBinary's answer) and through
 * the pclntab's index; both built. Cold: the first query in a binary just opened, which builds
 * the DWARF line index (decompressing .debug_line and running every line program).
 */
public class LineToPcsBenchmark extends OpenCmdGoBenchmark {
  private static final int QUERIES = 1 << 10;

  private FileLine[] queries;
  private int next;

  /** Draws the queries and builds both indexes. */
  @Override
  protected void draw() {
    queries = CmdGo.randomLines(bin, binary, QUERIES);
    next = queries.length - 1;
    warmDwarf();
    warmPclntab();
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
  public long[] coldDwarf(FreshCmdGo fresh) {
    FileLine q = queries[fresh.pick(queries.length)];
    return fresh.bin.lineToPCs(q.file(), q.line());
  }

  private FileLine nextQuery() {
    next = next + 1 == queries.length ? 0 : next + 1;
    return queries[next];
  }
}
