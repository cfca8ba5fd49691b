package org.dlv4j.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlv4j.junit.GoBuild;

/** Runs the reference tools (readelf, objcopy, go tool nm) whose output the tests compare with. */
final class Tools {
  private Tools() {}

  /** Runs a command and returns its standard output; fails the test if it exits non-zero. */
  static String run(String... cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = p.waitFor();
      if (status != 0) {
        throw new AssertionError(String.join(" ", cmd) + " exited " + status + ":\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs a command and returns whether it exited 0, ignoring its output. */
  static boolean succeeds(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Returns {@code objcopy args... in out} run into {@code out}, which is returned. */
  static Path objcopy(Path in, Path out, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("objcopy");
    cmd.addAll(List.of(args));
    cmd.add(in.toString());
    cmd.add(out.toString());
    run(cmd.toArray(new String[0]));
    return out;
  }

  /** One line of {@code go tool nm -size}. */
  record NmEntry(long address, long size, char kind, String name) {}

  /** Returns {@code go tool nm -size} of {@code binary} keyed by name (first wins). */
  static Map<String, NmEntry> goNm(Path binary) {
    Map<String, NmEntry> out = new java.util.HashMap<>();
    for (String line : run("go", "tool", "nm", "-size", binary.toString()).split("\n")) {
      String[] f = line.trim().split("\\s+", 4);
      if (f.length == 4 && !f[0].isEmpty()) {
        out.putIfAbsent(f[3], new NmEntry(Long.parseUnsignedLong(f[0], 16), Long.parseLong(f[1]),
            f[2].charAt(0), f[3]));
      }
    }
    return out;
  }

  /** The hello fixture, built without optimization. */
  static Path hello() {
    return GoBuild.fixture("hello").build();
  }
}
