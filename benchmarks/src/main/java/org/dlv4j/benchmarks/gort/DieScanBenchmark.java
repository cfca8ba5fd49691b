package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dlv4j.dwarf.DieCursor;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.dwarf.Unit;
import org.dlv4j.elf.ElfFile;
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
 * Walking every DIE of cmd/go (-N -l) depth first with a {@link DieCursor}, decoding each
 * entry's attributes. Warm: the sections are decompressed and the units listed. Cold: from a
 * file just opened, which decompresses .debug_info and .debug_abbrev and scans the unit headers
 * first. The score is per walk of the whole binary.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DieScanBenchmark {
  private Path binary;
  private ElfFile elf;
  private Dwarf dwarf;

  /** Builds cmd/go and loads its DWARF once for the warm benchmark. */
  @Setup(Level.Trial)
  public void setUp() {
    binary = CmdGo.binary();
    elf = ElfFile.open(binary);
    dwarf = Dwarf.load(id -> elf.sectionData(id.elfName()), binary.toString());
    walk(dwarf);
  }

  /** Closes the file. */
  @TearDown(Level.Trial)
  public void tearDown() {
    elf.close();
  }

  /** Walks every DIE of loaded sections; returns the number of DIEs. */
  @Benchmark
  public long warm() {
    return walk(dwarf);
  }

  /** Opens the file, loads the DWARF and walks every DIE. */
  @Benchmark
  public long cold() {
    try (ElfFile fresh = ElfFile.open(binary)) {
      return walk(Dwarf.load(id -> fresh.sectionData(id.elfName()), binary.toString()));
    }
  }

  private static long walk(Dwarf dwarf) {
    long dies = 0;
    for (Unit unit : dwarf.units()) {
      DieCursor c = unit.cursor();
      while (c.nextDfs()) {
        dies += c.die().attributeCount();
      }
    }
    return dies;
  }
}
