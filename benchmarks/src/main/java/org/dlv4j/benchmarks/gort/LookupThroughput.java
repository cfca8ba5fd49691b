package org.dlv4j.benchmarks.gort;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.pclntab.PcLine;

/**
 * Warm pc to function + file:line lookups per second ({@link GoBinary#lookup}), for 4 Mi random
 * pcs of cmd/go's text, per second of wall time and per second of the measuring thread's CPU
 * time. On a shared machine other load inflates wall time and JMH scores; CPU time shows what
 * the lookups themselves cost. Goal: at least 10 million per second.
 *
 * <p>Usage: {@code LookupThroughput [BINARY] [rounds]}; without a binary, cmd/go built with
 * {@code -N -l}.
 */
public final class LookupThroughput {
  private LookupThroughput() {
  }

  /**
   * Measures and prints one line per round and the ranges.
   *
   * @param args an optional binary and an optional number of rounds
   */
  public static void main(String[] args) {
    Path binary = args.length > 0 ? Path.of(args[0]) : CmdGo.binary();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    long[] pcs = CmdGo.randomPcs(binary, 1 << 22);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[rounds];
    double[] cpu = new double[rounds];
    try (GoBinary bin = GoBinary.open(binary)) {
      PcLine row = new PcLine();
      for (int round = -3; round < rounds; round++) { // three rounds to decode tables and compile
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        long sum = 0;
        for (long pc : pcs) {
          bin.lookup(pc, row);
          sum += row.line() + row.function().length() + row.file().length();
        }
        long ns = System.nanoTime() - t;
        long cpuNs = threads.getCurrentThreadCpuTime() - c;
        if (round >= 0) {
          wall[round] = pcs.length * 1e3 / ns;
          cpu[round] = pcs.length * 1e3 / cpuNs;
          System.out.printf("round %2d: %6.2f M lookups/s wall, %6.2f M per CPU second (checksum %d)%n",
              round, wall[round], cpu[round], sum);
        }
      }
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf("%s: wall %.2f-%.2f M/s (median %.2f), CPU %.2f-%.2f M/s (median %.2f); goal >= 10%n",
        binary.getFileName(), wall[0], wall[rounds - 1], wall[rounds / 2], cpu[0], cpu[rounds - 1], cpu[rounds / 2]);
  }
}
