package org.dlv4j.benchmarks.gort;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Function by name on cmd/go (-N -l), for names of random functions. Warm: the name index is
 * built. Cold: the first lookup in a binary just opened, which builds the index (hashing every
 * name in funcnametab without decoding it).
 */
public class FunctionByNameBenchmark extends OpenCmdGoBenchmark {
  private static final int NAMES = 1 << 12;

  private String[] names;
  private int next;

  /** Draws the names. */
  @Override
  protected void draw() {
    names = CmdGo.randomFunctionNames(bin, NAMES);
  }

  /** One lookup in the built index. */
  @Benchmark
  public Object warm() {
    next = (next + 1) & (NAMES - 1);
    return bin.function(names[next]);
  }

  /** The first lookup in a binary opened just before. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object cold(FreshCmdGo fresh) {
    return fresh.bin.function(names[fresh.pick(NAMES)]);
  }
}
