package org.dlv4j.gort.pclntab;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.GoBuild;

/**
 * A quick measurement harness (not a JMH benchmark): open time, warm pc to function + file:line
 * lookups per second for random pcs (wall clock, and per second of the process's CPU time,
 * which other load on the machine disturbs less), and heap retained, on {@code cmd/go} built by GoBuild or
 * on the binary given as the first argument. Run from the module directory with the test class
 * path, e.g. {@code java -cp target/classes:target/test-classes:... PclntabThroughput}.
 */
final class PclntabThroughput {
  private PclntabThroughput() {
  }

  public static void main(String[] args) {
    Path binary = args.length > 0 ? Path.of(args[0]) : GoBuild.goPackage("cmd/go").build();
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    Pclntab tab;
    try (ElfFile elf = ElfFile.open(binary)) {
      tab = Pclntab.read(elf);
    }
    long openNanos = System.nanoTime() - t0;
    long heapParsed = usedHeap();
    System.out.printf("%s: %s%nfirst open (cold JVM) %.1f ms, heap %.2f MB%n", binary, tab, openNanos / 1e6,
        (heapParsed - heapBefore) / 1e6);
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      try (ElfFile elf = ElfFile.open(binary)) {
        Pclntab.read(elf);
      }
      System.out.printf("open %d: %.1f ms%n", i, (System.nanoTime() - t) / 1e6);
    }
    long[] pcs = randomPcs(tab, 1 << 22);
    PcLine row = new PcLine();
    for (int round = 0; round < 12; round++) {
      long cpu = cpuNanos();
      long t = System.nanoTime();
      long sum = 0;
      for (long pc : pcs) {
        tab.lookup(pc, row);
        sum += row.line() + row.function().length() + row.file().length();
      }
      long ns = System.nanoTime() - t;
      long cpuNs = cpuNanos() - cpu;
      System.out.printf("round %2d: %5.2f M lookups/s wall, %5.2f M per CPU second (checksum %d)%n", round,
          pcs.length * 1e3 / ns, pcs.length * 1e3 / cpuNs, sum);
    }
    long heapWarm = usedHeap();
    System.out.printf("heap retained by the table after every function was looked up: %.2f MB%n",
        (heapWarm - heapBefore - pcs.length * 8L) / 1e6);
  }

  private static long[] randomPcs(Pclntab tab, int n) {
    SplittableRandom random = new SplittableRandom(1);
    long lo = tab.entry(0);
    long hi = tab.end(tab.functionCount() - 1);
    long[] pcs = new long[n];
    for (int i = 0; i < n; i++) {
      pcs[i] = random.nextLong(lo, hi);
    }
    return pcs;
  }

  /** Returns the CPU time of the whole process: on a shared machine, steadier than wall time. */
  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }
}
