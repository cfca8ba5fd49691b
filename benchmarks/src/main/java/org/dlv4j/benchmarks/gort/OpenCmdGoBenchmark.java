package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dlv4j.gort.GoBinary;
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
 * The shared setup of the lookup benchmarks on cmd/go (-N -l): the binary built and opened once
 * per trial as a {@link GoBinary}, the subclass's queries drawn from it, the binary closed after
 * the trial. Cold variants take a {@link FreshCmdGo}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class OpenCmdGoBenchmark {
  /** cmd/go on disk. */
  protected Path binary;
  /** cmd/go, open for the whole trial. */
  protected GoBinary bin;

  /** Builds and opens cmd/go, then draws the queries. */
  @Setup(Level.Trial)
  public final void setUp() {
    binary = CmdGo.binary();
    bin = GoBinary.open(binary);
    draw();
  }

  /** Closes the binary. */
  @TearDown(Level.Trial)
  public final void tearDown() {
    bin.close();
  }

  /** Draws the benchmark's queries from {@link #bin} (and warms what the warm benchmarks use). */
  protected abstract void draw();
}
