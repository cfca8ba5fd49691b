package org.dlv4j.benchmarks.gort;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.GoBinary;
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
 * Opening cmd/go (-N -l, about 22 MB): cold, mapping the file and reading its section table
 * and .gopclntab, or a whole {@link GoBinary} (pclntab header, function and file tables); warm,
 * finding a section in a file already open.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ElfOpenBenchmark {
  private Path binary;
  private ElfFile open;

  /** Builds cmd/go and opens it once for the warm benchmark. */
  @Setup(Level.Trial)
  public void setUp() {
    binary = CmdGo.binary();
    open = ElfFile.open(binary);
  }

  /** Closes the warm file. */
  @TearDown(Level.Trial)
  public void tearDown() {
    open.close();
  }

  /** Maps the file, reads the header and section table, views .gopclntab. */
  @Benchmark
  public int coldElfFile() {
    try (ElfFile elf = ElfFile.open(binary)) {
      return elf.sectionData(".gopclntab").map(ByteBuffer::limit).orElse(0);
    }
  }

  /** Opens a GoBinary: the ELF file plus the pclntab's header, function table and file table. */
  @Benchmark
  public int coldGoBinary() {
    try (GoBinary bin = GoBinary.open(binary)) {
      return bin.pclntab().functionCount();
    }
  }

  /** Finds a section by name in a file whose section table is read. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public int warmSectionLookup() {
    return open.sectionData(".gopclntab").map(ByteBuffer::limit).orElse(0);
  }
}
