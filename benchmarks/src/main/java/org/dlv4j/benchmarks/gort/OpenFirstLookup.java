package org.dlv4j.benchmarks.gort;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.pclntab.PcLocation;

/**
 * Opening a Go binary and answering the first pc lookup, timed in a fresh JVM: the first time
 * (classes loading, code interpreted), then {@code rounds} more times (warm: a new GoBinary each
 * round, in a JVM that has done it before), then the heap a GoBinary holds after its first
 * lookup: the used heap after a full GC with it open, less the used heap after a full GC before
 * anything was opened. Goals: warm open + first lookup under 100 ms, heap at most 64 MB.
 *
 * <p>Usage: {@code OpenFirstLookup [BINARY] [rounds]}; without a binary, cmd/go built with
 * {@code -N -l}. Run by {@code benchmarks/open-first-lookup}.
 */
public final class OpenFirstLookup {
  private OpenFirstLookup() {
  }

  /**
   * Measures and prints.
   *
   * @param args an optional binary and an optional number of warm rounds
   * @throws Exception if the binary cannot be read
   */
  public static void main(String[] args) throws Exception {
    Path binary = args.length > 0 ? Path.of(args[0]) : CmdGo.binary();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    long[] pcs = CmdGo.randomPcs(binary, rounds + 1);
    long baseline = usedHeapAfterGc();

    long t0 = System.nanoTime();
    GoBinary first = GoBinary.open(binary);
    PcLocation loc = first.pcToLocation(pcs[0]).orElseThrow();
    double firstMs = (System.nanoTime() - t0) / 1e6;
    long held = usedHeapAfterGc() - baseline;

    double[] warm = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t = System.nanoTime();
      try (GoBinary bin = GoBinary.open(binary)) {
        bin.pcToLocation(pcs[r + 1]).orElseThrow();
      }
      warm[r] = (System.nanoTime() - t) / 1e6;
    }
    int functions = first.functions().size();
    first.close();
    Arrays.sort(warm);
    System.out.printf("binary: %s (%.1f MB, %d functions)%n", binary, Files.size(binary) / 1e6, functions);
    System.out.printf("first lookup: 0x%x = %s %s:%d%n", pcs[0], loc.function().name(), loc.file(), loc.line());
    System.out.printf("open + first lookup, first time in this JVM: %.1f ms%n", firstMs);
    System.out.printf("open + first lookup, warm (%d rounds): min %.2f ms, median %.2f ms, max %.2f ms"
        + " (goal < 100 ms)%n", rounds, warm[0], warm[rounds / 2], warm[rounds - 1]);
    System.out.printf("heap held by the open GoBinary after its first lookup: %.2f MB"
        + " (used heap after GC: %.2f MB, before opening: %.2f MB; goal <= 64 MB)%n",
        held / 1e6, (baseline + held) / 1e6, baseline / 1e6);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
