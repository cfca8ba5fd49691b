package org.dlv4j.gort.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.gort.internal.image.ImageSection;
import org.dlv4j.gort.internal.image.ObjectImage;

/**
 * Test-only stand-in for the ELF reader (until {@code org.dlv4j.elf.ElfFile} lands): section
 * addresses and contents from {@code readelf -SW}, symbols from {@code readelf -sW}.
 */
public final class ReadelfSections implements ObjectImage {
  private static final Pattern SECTION = Pattern.compile(
      "\\s*\\[\\s*\\d+\\]\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s.*");

  private final Path path;
  private final List<ImageSection> sections = new ArrayList<>();
  private final Map<String, Long> symbols = new HashMap<>();

  private ReadelfSections(Path path) throws IOException {
    this.path = path;
    ByteBuffer file;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      file = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
    }
    for (String line : run("readelf", "-SW", path.toString()).split("\n")) {
      Matcher m = SECTION.matcher(line);
      if (m.matches() && !m.group(2).equals("NOBITS") && Long.parseLong(m.group(3), 16) != 0) {
        int off = Integer.parseInt(m.group(4), 16);
        int size = Integer.parseInt(m.group(5), 16);
        sections.add(new ImageSection(m.group(1), Long.parseLong(m.group(3), 16),
            file.slice(off, size).order(ByteOrder.LITTLE_ENDIAN)));
      }
    }
    for (String line : run("readelf", "-sW", path.toString()).split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 8 && f[0].matches("\\d+:")) {
        symbols.putIfAbsent(f[7], Long.parseLong(f[1], 16));
      }
    }
  }

  /** Reads the section headers and symbols of {@code path}. */
  public static ReadelfSections open(Path path) {
    try {
      return new ReadelfSections(path);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String name() {
    return path.toString();
  }

  @Override
  public List<ImageSection> sections() {
    return sections;
  }

  @Override
  public OptionalLong symbol(String name) {
    Long v = symbols.get(name);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
