package org.dlv4j.gort.internal.disasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs GNU objdump and go tool objdump on a range of a binary and parses their lines, and
 * puts their text and ours into one comparable form.
 */
final class Objdump {
  private Objdump() {}

  /** One line of objdump output: address, mnemonic (with prefixes), operands (raw). */
  record Line(long address, String mnemonic, String operands, String raw) {}

  /** One line of go tool objdump: address, encoding, Go-syntax text. */
  record GoLine(long address, String hexBytes, String text) {}

  private static final Pattern GNU_LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+(.*)$");
  private static final Pattern GO_LINE = Pattern.compile(
      "^\\s+\\S+:\\d+\\s+0x([0-9a-f]+)\\s+([0-9a-f]+)\\s+(.*?)\\s*$");
  /** Instruction prefixes objdump writes as separate words before the mnemonic. */
  private static final List<String> PREFIXES = List.of("cs", "ds", "es", "ss", "fs", "gs",
      "data16", "addr32", "lock", "rep", "repz", "repnz", "notrack", "bnd", "rex", "rex.w");

  static boolean onPath(String tool) {
    try {
      return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start()
          .waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code <tool> -d --no-show-raw-insn [options] --start-address --stop-address}. */
  static List<Line> gnu(String tool, FunctionCode f, String... options) {
    List<String> cmd = new ArrayList<>(List.of(tool, "-d", "--no-show-raw-insn"));
    cmd.addAll(List.of(options));
    cmd.add("--start-address=0x" + Long.toHexString(f.address()));
    cmd.add("--stop-address=0x" + Long.toHexString(f.end()));
    cmd.add(f.binary().toString());
    List<Line> lines = new ArrayList<>();
    for (String s : run(cmd).split("\n")) {
      Matcher m = GNU_LINE.matcher(s);
      if (!m.matches()) {
        continue;
      }
      String text = m.group(2).trim();
      String[] words = text.split("\\s+", -1);
      int n = 1;
      while (n < words.length && PREFIXES.contains(words[n - 1].toLowerCase(Locale.ROOT))) {
        n++;
      }
      String mnemonic = String.join(" ", List.of(words).subList(0, Math.min(n, words.length)));
      String operands = text.substring(Math.min(text.length(), mnemonic.length())).trim();
      lines.add(new Line(Long.parseLong(m.group(1), 16), mnemonic, operands, text));
    }
    return lines;
  }

  /** {@code go tool objdump -s ^name$}. */
  static List<GoLine> go(FunctionCode f) {
    List<GoLine> lines = new ArrayList<>();
    String out = run(List.of("go", "tool", "objdump", "-s", "^" + Pattern.quote(f.name()) + "$",
        f.binary().toString()));
    for (String s : out.split("\n")) {
      Matcher m = GO_LINE.matcher(s);
      if (m.matches()) {
        lines.add(new GoLine(Long.parseLong(m.group(1), 16), m.group(2), m.group(3)));
      }
    }
    return lines;
  }

  /**
   * Puts operand text into one form for both tools: objdump's trailing comment and its
   * {@code <symbol>} after addresses dropped, bare hex addresses given their {@code 0x}, every
   * number in hex, no blanks, lower case, arm64's {@code #} dropped, and the redundant parts
   * objdump spells out and our decoders omit ({@code *1} scale, {@code +0x0} and {@code 0x0(}
   * displacement) removed.
   */
  static String normalize(String operands, boolean objdump, boolean arm64) {
    String t = operands;
    if (objdump) {
      t = t.replaceFirst(arm64 ? "\\s*//.*$" : "\\s*#.*$", "");
      t = t.replaceAll("(?<![0-9A-Za-z_])([0-9a-f]+) <[^>]*>", "0x$1");
    }
    t = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    if (arm64) {
      t = t.replace("#", "");
    }
    Matcher m = Pattern.compile("(?<![0-9a-z_%.])(0x[0-9a-f]+|\\d+)(?![0-9a-z_])").matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String n = m.group(1);
      long v = n.startsWith("0x") ? Long.parseUnsignedLong(n.substring(2), 16) : Long.parseLong(n);
      m.appendReplacement(sb, "0x" + Long.toHexString(v));
    }
    m.appendTail(sb);
    return sb.toString().replace("*0x1]", "]").replace("*0x1+", "+").replace("+0x0]", "]")
        .replaceAll("(?<![0-9a-z_])0x0\\(", "(");
  }

  private static String run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
}
