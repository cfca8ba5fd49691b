package org.dlv4j.dwarf.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Runs the external tools the line tests cross-check against (readelf, go tool nm/addr2line)
 * and, until {@code ElfFile} lands, extracts sections with objcopy.
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

  /**
   * Returns the decompressed bytes of section {@code name} of {@code elf}, or empty if it has
   * none. {@code -I elf64-little} lets the host objcopy handle any 64-bit little-endian ELF.
   */
  static Optional<ByteBuffer> section(Path elf, String name) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("dlv4j-section");
      Path plain = dir.resolve("plain");
      Path out = dir.resolve("out");
      run("", "objcopy", "-I", "elf64-little", "--decompress-debug-sections", elf.toString(),
          plain.toString());
      String headers = run("", "readelf", "-S", "-W", plain.toString());
      if (!headers.contains(" " + name + " ")) {
        return Optional.empty();
      }
      run("", "objcopy", "-I", "elf64-little", "--dump-section", name + "=" + out,
          plain.toString(), dir.resolve("ignored").toString());
      return Optional.of(ByteBuffer.wrap(Files.readAllBytes(out)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
