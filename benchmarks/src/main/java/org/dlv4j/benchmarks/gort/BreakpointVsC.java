package org.dlv4j.benchmarks.gort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.api.BreakpointOptions;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Redirect;
import org.dlv4j.api.Target;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.GoBuild;

/**
 * Side-by-side breakpoint throughput on the same Go program (testdata/engine-basic, which calls
 * {@code main.work} once per loop): a minimal C ptrace loop against dlv4j through the public
 * API, once with a tracepoint (the fast path: the hitting thread alone steps over the
 * breakpoint, the world keeps running) and once with an ordinary breakpoint and
 * {@link Target#resume()} per hit (every thread stopped and reported, then resumed). Each run
 * is timed from the first resume to the program's exit; the three alternate for three rounds
 * and the best rate of each is kept. Usage:
 * {@code BreakpointVsC <path of the compiled bp_loop.c> [hits]}; run by
 * {@code benchmarks/bp-vs-c.sh}.
 */
public final class BreakpointVsC {
  private static final int ROUNDS = 3;

  private BreakpointVsC() { }

  /**
   * Runs the three loops and prints their rates and the ratios to C.
   *
   * @param args the C program's path, and optionally the number of hits (default 100000)
   * @throws Exception if the C program fails
   */
  public static void main(String[] args) throws Exception {
    String cProgram = args[0];
    int hits = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path program = GoBuild.fixture("engine-basic").build();
    long work;
    try (ElfFile elf = ElfFile.open(program)) {
      work = elf.symbol("main.work").orElseThrow().value();
    }
    Debugger debugger = Debugger.create();
    tracepointRun(debugger, program, work, hits / 10); // warm up the JIT
    double c = 0;
    double fast = 0;
    double full = 0;
    for (int round = 0; round < ROUNDS; round++) { // interleaved, best of each: shared machine
      c = Math.max(c, runC(cProgram, program, work, hits));
      fast = Math.max(fast, tracepointRun(debugger, program, work, hits));
      full = Math.max(full, resumeRun(debugger, program, work, hits / 10));
    }
    System.out.printf("program: %s, breakpoint at main.work 0x%x, best of %d rounds%n", program,
        work, ROUNDS);
    System.out.printf("C ptrace loop:                         %9.0f hits/s (%d hits)%n", c, hits);
    System.out.printf("dlv4j tracepoint (fast path):          %9.0f hits/s (%d hits)%n", fast,
        hits);
    System.out.printf("dlv4j breakpoint + resume() per hit:   %9.0f hits/s (%d hits)%n", full,
        hits / 10);
    System.out.printf("ratio fast path / C: %.2f (goal >= 0.90); resume() / C: %.2f%n",
        fast / c, full / c);
  }

  private static double tracepointRun(Debugger debugger, Path program, long work, int hits) {
    try (Target target = debugger.launch(spec(program, hits))) {
      target.createBreakpoint(BreakpointSpec.atAddress(work)
          .withOptions(BreakpointOptions.NONE.withTracepoint(true)));
      long t0 = System.nanoTime();
      DebuggerState end = target.resume();
      long nanos = System.nanoTime() - t0;
      check(end.exited(), "the program did not run to its end: " + end);
      long counted = target.breakpoint(1).orElseThrow().totalHitCount();
      check(counted == hits, counted + " hits counted, expected " + hits);
      return hits / (nanos / 1e9);
    }
  }

  private static double resumeRun(Debugger debugger, Path program, long work, int hits) {
    try (Target target = debugger.launch(spec(program, hits))) {
      target.createBreakpoint(BreakpointSpec.atAddress(work));
      long t0 = System.nanoTime();
      int stops = 0;
      while (!target.resume().exited()) {
        stops++;
      }
      long nanos = System.nanoTime() - t0;
      check(stops == hits, stops + " stops, expected " + hits);
      return hits / (nanos / 1e9);
    }
  }

  private static LaunchSpec spec(Path program, int hits) {
    return LaunchSpec.of(program, "loops=" + hits).withStdout(Redirect.to(Path.of("/dev/null")));
  }

  private static double runC(String cProgram, Path program, long work, int hits)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(cProgram, program.toString(), Long.toHexString(work),
        "loops=" + hits)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0 || !out.startsWith("hits=" + hits + " ")) {
      throw new IllegalStateException(cProgram + " failed: " + out);
    }
    return Double.parseDouble(out.substring(out.lastIndexOf('=') + 1));
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
