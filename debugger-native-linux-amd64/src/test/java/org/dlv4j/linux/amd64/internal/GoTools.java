package org.dlv4j.linux.amd64.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Facts about fixture binaries from the real tools: go tool nm, readelf. */
final class GoTools {
  private GoTools() { }

  /** Address of a symbol, from {@code go tool nm}. */
  static long symbol(Path binary, String name) {
    for (String line : run("go", "tool", "nm", binary.toString()).split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[f.length - 1].equals(name)) {
        return Long.parseUnsignedLong(f[0], 16);
      }
    }
    throw new AssertionError(name + " not in go tool nm " + binary);
  }

  /** ELF entry point, from {@code readelf -h}. */
  static long entry(Path binary) {
    for (String line : run("readelf", "-h", binary.toString()).split("\n")) {
      if (line.trim().startsWith("Entry point address:")) {
        return Long.decode(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    throw new AssertionError("no entry point in readelf -h " + binary);
  }

  /** A section's address, file offset and size, from {@code readelf -S -W}. */
  static long[] section(Path binary, String name) {
    for (String line : run("readelf", "-S", "-W", binary.toString()).split("\n")) {
      String s = line.replaceFirst("^\\s*\\[\\s*\\d+\\]\\s*", "");
      String[] f = s.split("\\s+");
      if (f.length > 5 && f[0].equals(name)) {
        return new long[] {Long.parseLong(f[2], 16), Long.parseLong(f[3], 16),
            Long.parseLong(f[4], 16)};
      }
    }
    throw new AssertionError(name + " not in readelf -S " + binary);
  }

  static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
      String out = readAll(p.getInputStream());
      if (p.waitFor() != 0) {
        throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Reads a stream to its end with plain reads (no seeking: pipes). */
  static String readAll(InputStream in) {
    try {
      StringBuilder sb = new StringBuilder();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
