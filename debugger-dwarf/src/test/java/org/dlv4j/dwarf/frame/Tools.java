package org.dlv4j.dwarf.frame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test-only runner for binutils and gcc. */
final class Tools {
  private Tools() {
  }

  /** Runs a command and returns its standard output; fails on a non-zero exit. */
  static String run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return out;
  }

  /**
   * Compiles {@code source} with {@code compiler} (gcc or g++) and {@code flags} into
   * {@code dir}, returning the binary.
   */
  static Path compile(String compiler, Path source, Path dir, String name, String... flags)
      throws IOException {
    Path out = dir.resolve(name);
    List<String> cmd = new ArrayList<>(List.of(compiler, "-o", out.toString()));
    cmd.addAll(List.of(flags));
    cmd.add(source.toString());
    run(cmd.toArray(new String[0]));
    return out;
  }
}
