package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.gort.internal.stack.GoroutineLister;
import org.dlv4j.gort.internal.stack.StackStart;
import org.dlv4j.junit.GoBuild;
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
 * Unwinds a 1000-deep recursion (testdata/stack-deep, built {@code -N -l}, stopped in
 * {@code main.bottom}): 1005 frames (bottom, 1001 recurse, main, runtime.main, goexit) from the thread's registers. Each operation starts from a
 * fresh lister, as the first stack request after a stop does, so the stack memory is read from
 * the target every time. Run: {@code java -jar benchmarks/target/benchmarks.jar UnwindBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UnwindBenchmark {
  private StoppedAt stop;

  /** Builds the fixture and stops it at the bottom of the recursion. */
  @Setup(Level.Trial)
  public void launch() {
    Path binary = GoBuild.fixture("stack-deep").build();
    stop = StoppedAt.launch(binary, "main.bottom", List.of("1000"));
  }

  /** Kills the fixture. */
  @TearDown(Level.Trial)
  public void kill() {
    stop.close();
  }

  /**
   * Unwinds the whole stack of the stopped goroutine.
   *
   * @return the number of frames, so that the work is not optimized away
   */
  @Benchmark
  public int unwind1000Frames() {
    GoroutineLister lister = new GoroutineLister(stop.rt, stop.memory, stop.threads);
    ThreadG thread = lister.threads().stream().filter(t -> t.regs().tid() == stop.trapTid)
        .findFirst().orElseThrow();
    int frames = lister.unwinder().stacktrace(StackStart.ofThread(thread), 2000).size();
    if (frames != 1005) {
      throw new IllegalStateException("expected 1005 frames, unwound " + frames);
    }
    return frames;
  }
}
