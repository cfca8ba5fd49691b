package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Function by name on cmd/go (-N -l), for names of random functions. Warm: the name index is
 * built. Cold: the first lookup in a binary just opened, which builds the index (hashing every
 * name in funcnametab without decoding it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FunctionByNameBenchmark {
  private static final int NAMES = 1 << 12;

  private Path binary;
  private GoBinary bin;
  private String[] names;
  private int next;

  /** Builds and opens cmd/go and draws the names. */
  @Setup(Level.Trial)
  public void setUp() {
    binary = CmdGo.binary();
    bin = GoBinary.open(binary);
    names = CmdGo.randomFunctionNames(bin, NAMES);
  }

  /** Closes the binary. */
  @TearDown(Level.Trial)
  public void tearDown() {
    bin.close();
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
  public Object cold(Fresh fresh) {
    return fresh.bin.function(fresh.name);
  }

  /** A binary opened before each invocation, closed after it. */
  @State(Scope.Thread)
  public static class Fresh {
    GoBinary bin;
    String name;
    private int next;

    /** Opens the binary and picks the next name. */
    @Setup(Level.Invocation)
    public void open(FunctionByNameBenchmark b) {
      bin = GoBinary.open(b.binary);
      next = (next + 1) & (NAMES - 1);
      name = b.names[next];
    }

    /** Closes the binary. */
    @TearDown(Level.Invocation)
    public void close() {
      bin.close();
    }
  }
}
