package org.dlv4j.dwarf.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dlv4j.elf.ElfFile;

/**
 * Runs the external tools the line tests cross-check against (readelf, go tool nm and
 * addr2line), and reads {@code .debug_line} from binaries.
 */
final class Tools {
  private Tools() {}

  /** Runs {@code command} with {@code input} on stdin and returns stdout; fails on exit != 0. */
  static String run(String input, String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      try (Writer w = p.outputWriter(StandardCharsets.UTF_8)) {
        w.write(input);
      }
      int rc = p.waitFor();
      if (rc != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + rc + ": "
            + err.join());
      }
      return out.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asks go tool addr2line (which reads pclntab, not DWARF) for "file:line" of each pc. */
  static List<String> addr2line(Path binary, List<Long> pcs) {
    StringBuilder in = new StringBuilder();
    for (long pc : pcs) {
      in.append("0x").append(Long.toHexString(pc)).append('\n');
    }
    String[] lines = run(in.toString(), "go", "tool", "addr2line", binary.toString()).split("\n");
    List<String> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i += 2) {
      out.add(lines[i]);
    }
    return out;
  }

  /** Returns the decompressed {@code .debug_line} of {@code binary}. */
  static ByteBuffer debugLine(Path binary) {
    try (ElfFile elf = ElfFile.open(binary)) {
      return elf.sectionData(".debug_line").orElseThrow();
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
