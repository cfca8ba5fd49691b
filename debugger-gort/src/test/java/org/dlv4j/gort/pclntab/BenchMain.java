package org.dlv4j.gort.pclntab;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dlv4j.elf.ElfFile;

class BenchMain {
  public static void main(String[] args) {
    ElfFile elf = ElfFile.open(Path.of(args[0]));
    long t0 = System.nanoTime();
    Pclntab tab = Pclntab.read(elf);
    System.out.println(tab + " parsed in " + (System.nanoTime() - t0) / 1000 + "us");
    long lo = tab.entry(0), hi = tab.end(tab.functionCount() - 1);
    SplittableRandom r = new SplittableRandom(1);
    long[] pcs = new long[1 << 20];
    for (int i = 0; i < pcs.length; i++) pcs[i] = r.nextLong(lo, hi);
    PcLine row = new PcLine();
    for (int round = 0; round < 5; round++) {
      long t = System.nanoTime();
      long sum = 0;
      for (long pc : pcs) { sum += tab.funcIndex(pc); }
      long ns = System.nanoTime() - t;
      System.out.printf("funcIndex round %d: %.2f M/s (sum %d)%n", round, pcs.length * 1e3 / ns, sum);
    }
    for (int round = 0; round < 10; round++) {
      long t = System.nanoTime();
      long sum = 0;
      for (long pc : pcs) { tab.lookup(pc, row); sum += row.line(); }
      long ns = System.nanoTime() - t;
      System.out.printf("round %d: %.2f M lookups/s (sum %d)%n", round, pcs.length * 1e3 / ns, sum);
    }
  }
}
