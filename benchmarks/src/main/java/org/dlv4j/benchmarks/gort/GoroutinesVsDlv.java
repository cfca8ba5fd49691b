package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.Target;

/**
 * Our side of benchmarks/goroutines-vs-dlv.sh, through the public API as a user calls it:
 * launches the program, stops it at a function, then times {@link Target#goroutines()} (every
 * goroutine with its locations, what Delve's ListGoroutines returns) and
 * {@link Target#stacktraces} to a depth, as {@code goroutines -t} fetches them. Every round
 * launches the program again, so each listing is the first at its stop (nothing cached); round 0
 * runs in a cold JVM, as the first request of a debugging session would, the later rounds show
 * the warm speed. The same listing asked again at the same stop is timed too.
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
    Debugger debugger = Debugger.create();
    for (int round = 0; round < rounds; round++) {
      round(debugger, binary, function, depth, programArgs, round);
    }
  }

  /**
   * Runs one round. A method of its own, so that nothing of a round is reachable during the
   * next one: the locals of a loop body stay reachable from the frame until they are
   * overwritten, and a collection during the next listing then copied the last round's 100k
   * goroutines and 700k frames (pauses of 300-800 ms inside the timed listing).
   */
  private static void round(Debugger debugger, Path binary, String function, int depth,
      List<String> programArgs, int round) {
    try (Target target = debugger.launch(LaunchSpec.of(binary).withArgs(programArgs))) {
      target.createBreakpoint(BreakpointSpec.atFunction(function));
      DebuggerState state = target.resume();
      if (state.exited()) {
        throw new IllegalStateException("the program exited before " + function);
      }
      long start = System.nanoTime();
      List<Goroutine> gs = target.goroutines();
      long listed = System.nanoTime() - start;
      start = System.nanoTime();
      Map<Long, List<Stackframe>> stacks = target.stacktraces(
          gs.stream().filter(g -> g.unreadable().isEmpty()).map(Goroutine::id).toList(),
          depth, false);
      long stacked = System.nanoTime() - start;
      long frames = stacks.values().stream().mapToLong(List::size).sum();
      start = System.nanoTime();
      target.goroutines();
      long again = System.nanoTime() - start;
      System.out.printf("dlv4j round=%d goroutines=%d list_ms=%.1f stacks_ms=%.1f frames=%d"
          + " list_again_ms=%.3f%n", round, gs.size(), listed / 1e6, stacked / 1e6, frames,
          again / 1e6);
    }
  }
}
