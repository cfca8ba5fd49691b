package org.dlv4j.gort.internal.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dlv4j.junit.GoBuild;

/** The lines of a fixture's source marked {@code // L:name}: what tests expect as locations. */
public final class Markers {
  /** The source file. */
  public final Path file;
  private final Map<String, Integer> lines = new HashMap<>();

  /**
   * Reads the markers of a fixture's source file.
   *
   * @param fixture the fixture directory under testdata
   * @param file the file in it
   */
  public Markers(String fixture, String file) {
    this.file = GoBuild.testdataRoot().resolve(fixture).resolve(file);
    List<String> text;
    try {
      text = Files.readAllLines(this.file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < text.size(); i++) {
      int at = text.get(i).indexOf("// L:");
      if (at >= 0) {
        lines.put(text.get(i).substring(at + 5).trim(), i + 1);
      }
    }
  }

  /** Returns the line marked {@code name}. */
  public int line(String name) {
    Integer l = lines.get(name);
    if (l == null) {
      throw new IllegalArgumentException("no marker " + name + " in " + file);
    }
    return l;
  }

  /** Returns {@code file:line} of the marker, as locations print it. */
  public String at(String name) {
    return file + ":" + line(name);
  }
}
