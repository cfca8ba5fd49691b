package org.dlv4j.benchmarks.gort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.junit.GoBuild;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link Target#next()} in a large function: a Go program generated at setup whose
 * {@code main.big} is an endless loop over {@code lines} statements, one per line (built with
 * {@code -N -l}). Each next plans the step (the function's line rows, its frame), plants a
 * temporary breakpoint on every other statement and on the return address, runs to the next
 * line, and removes them all again: what Delve's {@code next} costs in such a function.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NextInLargeFunctionBenchmark {
  /** How many statement lines the loop of {@code main.big} has. */
  @Param({"2000"})
  public int lines;

  private Path source;
  private Target target;

  /** Generates, builds and launches the program, and stops it in {@code main.big}. */
  @Setup(Level.Trial)
  public void launch() throws IOException {
    source = Files.createTempDirectory("dlv4j-next-large");
    Files.writeString(source.resolve("go.mod"), "module nextlarge\n\ngo 1.22\n");
    Files.writeString(source.resolve("main.go"), program(lines));
    Path binary = GoBuild.of(source).build();
    target = Debugger.create().launch(LaunchSpec.of(binary));
    Breakpoint big = target.createBreakpoint(BreakpointSpec.atFunction("main.big"));
    target.resume();
    target.clearBreakpoint(big.id());
  }

  /** Kills the program and deletes the generated source. */
  @TearDown(Level.Trial)
  public void kill() throws IOException {
    target.close();
    try (Stream<Path> files = Files.walk(source)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One next: to the following line of the loop. */
  @Benchmark
  public DebuggerState next() {
    DebuggerState state = target.next();
    if (!(state.stopReason().orElseThrow() instanceof StopReason.NextFinished)) {
      throw new IllegalStateException("next did not finish: " + state);
    }
    return state;
  }

  /**
   * The Go source: main.big loops over {@code n} one-line statements (on a global that the
   * loop's exit test reads, or the compiler would drop them even with {@code -N}).
   */
  static String program(int n) {
    StringBuilder go = new StringBuilder(n * 28 + 200);
    go.append("package main\n\nimport \"os\"\n\nvar sink int\n\nfunc big() {\n\tfor {\n");
    for (int i = 0; i < n; i++) {
      go.append("\t\tsink = sink*3 + ").append(i % 97 + 1).append('\n');
    }
    go.append("\t\tif sink == -7 {\n\t\t\tos.Exit(1)\n\t\t}\n\t}\n}\n\n")
        .append("func main() {\n\tbig()\n}\n");
    return go.toString();
  }

  /**
   * Runs a few nexts outside JMH, to check the program and the timing by hand.
   *
   * @param args the number of lines (default 2000)
   * @throws IOException if the source cannot be written
   */
  public static void main(String[] args) throws IOException {
    NextInLargeFunctionBenchmark b = new NextInLargeFunctionBenchmark();
    b.lines = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    b.launch();
    try {
      for (int round = 0; round < 5; round++) {
        long t0 = System.nanoTime();
        DebuggerState s = b.next();
        System.out.printf("next -> line %d in %.2f ms%n",
            s.currentThread().orElseThrow().location().line(), (System.nanoTime() - t0) / 1e6);
      }
    } finally {
      b.kill();
    }
  }
}
