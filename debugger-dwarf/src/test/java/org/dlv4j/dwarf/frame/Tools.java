package org.dlv4j.dwarf.frame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.junit.Command;

/** Test-only compiler runs: C and C++ samples built with gcc and g++. */
final class Tools {
  private Tools() {
  }

  /**
   * Compiles {@code source} with {@code compiler} (gcc or g++) and {@code flags} into
   * {@code dir}, returning the binary.
   */
  static Path compile(String compiler, Path source, Path dir, String name, String... flags) {
    Path out = dir.resolve(name);
    List<String> cmd = new ArrayList<>(List.of(compiler, "-o", out.toString()));
    cmd.addAll(List.of(flags));
    cmd.add(source.toString());
    Command.output(cmd.toArray(new String[0]));
    return out;
  }
}
