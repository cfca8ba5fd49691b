package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.List;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.gort.internal.stack.GoroutineLister;
import org.dlv4j.gort.internal.stack.StackFrame;

/**
 * Our side of benchmarks/goroutines-vs-dlv.sh: launches a Go program through the SPI, stops it
 * at a function, then times listing every goroutine with its locations (current, user, go
 * statement, start, labels: what Delve's ListGoroutines returns) and fetching every
 * goroutine's stack to a depth, as {@code goroutines -t} does. The first round runs in a cold
 * JVM, as a first request in a debugging session would; the best of the later rounds shows the
 * warm speed. Every round starts with a fresh lister (threads resolved again, nothing kept).
 *
 * <p>Usage: {@code GoroutinesVsDlv BINARY FUNCTION DEPTH ROUNDS [ARGS...]}
 */
public final class GoroutinesVsDlv {
  private GoroutinesVsDlv() {
  }

  /**
   * Runs the benchmark.
   *
   * @param args binary, function to stop at, stack depth, rounds, program arguments
   */
  public static void main(String[] args) {
    Path binary = Path.of(args[0]);
    String function = args[1];
    int depth = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    List<String> programArgs = List.of(args).subList(4, args.length);
    try (StoppedAt stop = StoppedAt.launch(binary, function, programArgs)) {
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        GoroutineLister lister = new GoroutineLister(stop.rt, stop.memory, stop.threads);
        List<Goroutine> gs = lister.list(0, 0).goroutines();
        long listed = System.nanoTime() - start;
        start = System.nanoTime();
        long frames = 0;
        List<G> readable = gs.stream().filter(g -> g.unreadable().isEmpty()).map(Goroutine::g).toList();
        for (List<StackFrame> stack : lister.stacktraces(readable, depth)) {
          frames += stack.size();
        }
        long stacks = System.nanoTime() - start;
        System.out.printf("dlv4j round=%d goroutines=%d list_ms=%.1f stacks_ms=%.1f frames=%d load_binary_ms=%.1f%n",
            round, gs.size(), listed / 1e6, stacks / 1e6, frames, stop.loadNanos / 1e6);
      }
    }
  }
}
