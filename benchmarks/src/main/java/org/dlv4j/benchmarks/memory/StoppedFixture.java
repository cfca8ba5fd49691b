package org.dlv4j.benchmarks.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.linux.amd64.internal.Amd64BackendProvider;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;

/**
 * A Go fixture (testdata/ptrace-hello) launched under the debugger and left stopped at its
 * entry point, with the first contiguous readable region of its memory (the program's text and
 * read-only data) as the benchmark's target.
 */
final class StoppedFixture implements AutoCloseable {
  /** The bulk read size of the benchmarks and of bulk-read-vs-c.sh. */
  static final int BULK = 1 << 20;

  final ProcessBackend process;
  /** Start of a readable region of at least {@link #BULK} bytes. */
  final long region;

  StoppedFixture() {
    Path binary = GoBuild.fixture("ptrace-hello").build();
    process = new Amd64BackendProvider().launch(ProcessSpec.of(binary).withStdout(Stdio.pipe()));
    region = contiguousReadable(process.pid(), BULK);
  }

  @Override
  public void close() {
    process.close();
  }

  /** Finds the first run of adjacent readable mappings at least {@code size} bytes long. */
  static long contiguousReadable(int pid, int size) {
    List<String> maps;
    try {
      maps = Files.readAllLines(Path.of("/proc/" + pid + "/maps"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long start = -1;
    long end = -1;
    for (String line : maps) {
      String[] f = line.split(" ");
      String[] range = f[0].split("-");
      long s = Long.parseUnsignedLong(range[0], 16);
      long e = Long.parseUnsignedLong(range[1], 16);
      if (!f[1].startsWith("r")) {
        start = -1;
        continue;
      }
      if (start < 0 || s != end) {
        start = s;
      }
      end = e;
      if (end - start >= size) {
        return start;
      }
    }
    throw new IllegalStateException("no readable region of " + size + " bytes in process " + pid);
  }
}
