package org.dlv4j.gort.internal.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code runtime.Stack(buf, true)}: the Go runtime's own view of its goroutines,
 * which the tests compare ours with. It shows user goroutines only, and of their frames only
 * those {@code runtime.showframe} shows at traceback level 1.
 */
final class RuntimeDump {
  private static final Pattern HEADER = Pattern.compile("goroutine (\\d+) \\[([^\\]]*)\\]:");
  private static final Pattern POSITION = Pattern.compile("\t(.*):(\\d+)(?: \\+0x([0-9a-f]+))?");
  private static final Pattern ELIDED = Pattern.compile("\\.\\.\\.(\\d+) frames elided\\.\\.\\.");

  /** A frame as printed: function, file, line and {@code pc - entry} (absent for inlined frames). */
  record Frame(String function, String file, int line, OptionalLong offset) {
    @Override
    public String toString() {
      return function + " " + file + ":" + line + (offset.isPresent() ? " +0x" + Long.toHexString(offset.getAsLong()) : "");
    }
  }

  /**
   * One goroutine block.
   *
   * @param id the goroutine id
   * @param state the bracketed state, e.g. {@code chan receive}
   * @param top the frames before any elision
   * @param elided how many frames were elided, 0 if none
   * @param bottom the frames after the elision
   * @param createdBy the "created by" frame, with {@code function} the creator
   * @param parent the "in goroutine N" id, or 0
   */
  record Goroutine(long id, String state, List<Frame> top, int elided, List<Frame> bottom, Frame createdBy,
      long parent) {
  }

  final Map<Long, Goroutine> goroutines = new LinkedHashMap<>();

  RuntimeDump(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String block : text.split("\n\n")) {
      List<String> lines = block.strip().lines().toList();
      if (lines.isEmpty()) {
        continue;
      }
      Matcher h = HEADER.matcher(lines.get(0));
      if (!h.matches()) {
        throw new IllegalArgumentException("not a goroutine header: " + lines.get(0));
      }
      List<Frame> top = new ArrayList<>();
      List<Frame> bottom = new ArrayList<>();
      List<Frame> current = top;
      int elided = 0;
      Frame createdBy = null;
      long parent = 0;
      for (int i = 1; i < lines.size(); i++) {
        String l = lines.get(i);
        Matcher e = ELIDED.matcher(l);
        if (e.matches()) {
          elided = Integer.parseInt(e.group(1));
          current = bottom;
          continue;
        }
        Matcher p = POSITION.matcher(lines.get(i + 1));
        if (!p.matches()) {
          throw new IllegalArgumentException("no position after " + l);
        }
        OptionalLong off = p.group(3) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(p.group(3), 16));
        if (l.startsWith("created by ")) {
          String rest = l.substring("created by ".length());
          int in = rest.indexOf(" in goroutine ");
          if (in >= 0) {
            parent = Long.parseLong(rest.substring(in + " in goroutine ".length()));
            rest = rest.substring(0, in);
          }
          createdBy = new Frame(rest, p.group(1), Integer.parseInt(p.group(2)), off);
        } else {
          current.add(new Frame(l.substring(0, l.lastIndexOf('(')), p.group(1), Integer.parseInt(p.group(2)), off));
        }
        i++;
      }
      long id = Long.parseLong(h.group(1));
      goroutines.put(id, new Goroutine(id, h.group(2), top, elided, bottom, createdBy, parent));
    }
  }
}
