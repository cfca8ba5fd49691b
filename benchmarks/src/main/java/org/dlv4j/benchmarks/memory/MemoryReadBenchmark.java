package org.dlv4j.benchmarks.memory;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.dlv4j.spi.MemoryAccess;
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
 * Reading target memory while the target is stopped: the small-read path (8-byte words from a
 * few pages, as a variable loader or condition evaluator reads them) with and without the
 * per-stop page cache, and 1 MiB bulk reads into a heap array and a direct buffer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MemoryReadBenchmark {
  /** Small reads cycle over this many words spread over four pages. */
  private static final int WORDS = 64;

  private StoppedFixture fixture;
  private MemoryAccess cached;
  private MemoryAccess uncached;
  private final byte[] bulk = new byte[StoppedFixture.BULK];
  private final ByteBuffer direct = ByteBuffer.allocateDirect(StoppedFixture.BULK);
  private int next;

  /** Launches the fixture, stopped at its entry point. */
  @Setup(Level.Trial)
  public void launch() {
    fixture = new StoppedFixture();
    cached = fixture.process.memory();
    uncached = cached.uncached();
  }

  /** Kills the fixture. */
  @TearDown(Level.Trial)
  public void kill() {
    fixture.close();
  }

  private long nextWord() {
    next = (next + 1) & (WORDS - 1);
    return fixture.region + (next * 200L); // 64 words over 12.5 KiB: four pages
  }

  /** An 8-byte read served by the page cache (one syscall per page per stop). */
  @Benchmark
  public long smallReadCached() {
    return cached.readLong(nextWord());
  }

  /** An 8-byte read that costs one process_vm_readv each. */
  @Benchmark
  public long smallReadUncached() {
    return uncached.readLong(nextWord());
  }

  /** 1 MiB into a byte array (process_vm_readv into native memory, then one copy). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int bulkRead1MiBHeap() {
    return cached.read(fixture.region, bulk, 0, bulk.length);
  }

  /** 1 MiB into a direct buffer (process_vm_readv straight into it). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int bulkRead1MiBDirect() {
    direct.clear();
    return cached.read(fixture.region, direct);
  }
}
