package org.dlv4j.benchmarks.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dlv4j.spi.MemoryAccess;

/**
 * Side-by-side bulk read throughput: dlv4j's {@link MemoryAccess#read} against a C program
 * doing {@code pread} on {@code /proc/pid/mem}, both reading the same 1 MiB of the same stopped
 * process. Usage: {@code BulkReadVsC <path of the compiled bulk_read.c> [iterations]}; run by
 * {@code benchmarks/bulk-read-vs-c.sh}.
 */
public final class BulkReadVsC {
  private BulkReadVsC() { }

  /**
   * Runs both and prints their throughputs and the ratio.
   *
   * @param args the C program's path, and optionally the number of timed reads
   * @throws Exception if the C program fails
   */
  public static void main(String[] args) throws Exception {
    String cProgram = args[0];
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    try (StoppedFixture f = new StoppedFixture()) {
      MemoryAccess m = f.process.memory();
      byte[] buf = new byte[StoppedFixture.BULK];
      for (int i = 0; i < iterations / 2; i++) { // warm up the JIT
        m.read(f.region, buf, 0, buf.length);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        if (m.read(f.region, buf, 0, buf.length) != buf.length) {
          throw new IllegalStateException("short read");
        }
      }
      double ours = mibPerSecond(iterations, System.nanoTime() - t0);
      double c = runC(cProgram, f.process.pid(), f.region, iterations);
      System.out.printf("region: pid %d at 0x%x, %d bytes, %d reads each%n", f.process.pid(),
          f.region, StoppedFixture.BULK, iterations);
      System.out.printf("dlv4j MemoryAccess.read (process_vm_readv): %8.1f MiB/s%n", ours);
      System.out.printf("C pread(/proc/pid/mem):                     %8.1f MiB/s%n", c);
      System.out.printf("ratio dlv4j / C: %.2f (goal >= 0.80)%n", ours / c);
    }
  }

  private static double runC(String program, int pid, long address, int iterations)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(program, Integer.toString(pid),
        Long.toHexString(address), Integer.toString(StoppedFixture.BULK),
        Integer.toString(iterations))).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(program + " failed: " + out);
    }
    return Double.parseDouble(out.substring(out.lastIndexOf('=') + 1));
  }

  private static double mibPerSecond(int reads, long nanos) {
    return reads * (double) StoppedFixture.BULK / (1 << 20) / (nanos / 1e9);
  }
}
