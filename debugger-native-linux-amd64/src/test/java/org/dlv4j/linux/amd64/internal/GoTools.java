package org.dlv4j.linux.amd64.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dlv4j.junit.Command;

/** Facts about fixture binaries from readelf, and the output of a traced program. */
final class GoTools {
  private GoTools() { }

  /** ELF entry point, from {@code readelf -h}. */
  static long entry(Path binary) {
    for (String line : Command.output("readelf", "-h", binary.toString()).split("\n")) {
      if (line.trim().startsWith("Entry point address:")) {
        return Long.decode(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    throw new AssertionError("no entry point in readelf -h " + binary);
  }

  /** A section's address, file offset and size, from {@code readelf -S -W}. */
  static long[] section(Path binary, String name) {
    for (String line : Command.output("readelf", "-S", "-W", binary.toString()).split("\n")) {
      String s = line.replaceFirst("^\\s*\\[\\s*\\d+\\]\\s*", "");
      String[] f = s.split("\\s+");
      if (f.length > 5 && f[0].equals(name)) {
        return new long[] {Long.parseLong(f[2], 16), Long.parseLong(f[3], 16),
            Long.parseLong(f[4], 16)};
      }
    }
    throw new AssertionError(name + " not in readelf -S " + binary);
  }

  /** Reads a stream to its end with plain reads (no seeking: pipes). */
  static String readAll(InputStream in) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes); // then decodes: a character may span two reads
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
