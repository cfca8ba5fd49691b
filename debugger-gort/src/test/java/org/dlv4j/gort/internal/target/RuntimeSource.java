package org.dlv4j.gort.internal.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.junit.Command;

/** Facts read from the installed Go toolchain's runtime sources, to cross-check the engine. */
final class RuntimeSource {
  private static final Path GOROOT = Path.of(Command.output("go", "env", "GOROOT").trim());

  private RuntimeSource() { }

  /** Returns {@code $GOROOT/src/} + {@code path}, as binaries record standard library files. */
  static String file(String path) {
    return GOROOT.resolve("src").resolve(path).toString();
  }

  /** Tells whether {@code $GOROOT/src/} + {@code path} exists (a file or a package directory). */
  static boolean exists(String path) {
    return Files.exists(GOROOT.resolve("src").resolve(path));
  }

  /** Returns the number of the first line of a toolchain source file starting with {@code text}. */
  static int line(String path, String text) {
    try {
      List<String> lines = Files.readAllLines(GOROOT.resolve("src").resolve(path));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(text)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no line starting with \"" + text + "\" in " + path);
  }

  /** Tells whether a source file of the toolchain contains {@code text}. */
  static boolean contains(String path, String text) {
    try {
      return Files.readString(GOROOT.resolve("src").resolve(path)).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the number of a wait reason as the toolchain's runtime numbers it: the position of
   * the constant whose comment is {@code "text"} in the iota list of runtime2.go.
   */
  static int waitReason(String text) {
    List<String> names = new ArrayList<>();
    boolean inList = false;
    try {
      for (String line : Files.readAllLines(GOROOT.resolve("src/runtime/runtime2.go"))) {
        String t = line.trim();
        if (t.startsWith("waitReasonZero") && t.contains("= iota")) {
          inList = true;
        }
        if (inList && t.equals(")")) {
          break;
        }
        if (inList && t.startsWith("waitReason")) {
          names.add(t.substring(t.indexOf("//") + 2).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int at = names.indexOf("\"" + text + "\"");
    if (at < 0) {
      throw new AssertionError("no wait reason \"" + text + "\" in runtime2.go: " + names);
    }
    return at;
  }
}
