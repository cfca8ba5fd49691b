package org.dlv4j.gort.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dlv4j.gort.GoVersion;

/** Runs the Go toolchain's own binary tools, the references our readers are checked against. */
public final class GoTools {
  private GoTools() {
  }

  /** A symbol as {@code go tool nm -size} prints it. */
  public record NmSymbol(long address, long size, char type, String name) {
  }

  /** Returns the symbols of {@code binary} ({@code go tool nm -size}). */
  public static List<NmSymbol> nm(Path binary) {
    List<NmSymbol> out = new ArrayList<>();
    for (String line : run(null, "go", "tool", "nm", "-size", binary.toString()).split("\n")) {
      String[] f = line.trim().split("\\s+", 4);
      if (f.length == 4 && !f[0].isEmpty() && f[2].length() == 1) {
        out.add(new NmSymbol(Long.parseUnsignedLong(f[0], 16), Long.parseLong(f[1]), f[2].charAt(0), f[3]));
      }
    }
    return out;
  }

  /**
   * Runs {@code go tool addr2line} on {@code pcs} and returns one "function\nfile:line" entry
   * per pc.
   */
  public static List<String> addr2line(Path binary, long[] pcs) {
    String[] lines = run(hexLines(pcs), "go", "tool", "addr2line", binary.toString()).split("\n");
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < lines.length; i += 2) {
      out.add(lines[i] + "\n" + lines[i + 1]);
    }
    return out;
  }

  /** Returns the output of {@code go tool objdump binary}. */
  public static String objdump(Path binary) {
    return run(null, "go", "tool", "objdump", binary.toString());
  }

  /** Returns the output of {@code go tool objdump -s REGEX binary}: the functions matching it. */
  public static String objdump(Path binary, String symbolRegex) {
    return run(null, "go", "tool", "objdump", "-s", symbolRegex, binary.toString());
  }

  /** Returns the output of {@code readelf --debug-dump=decodedline binary}. */
  public static String readelfDecodedLines(Path binary) {
    return run(null, "readelf", "--debug-dump=decodedline", binary.toString());
  }

  /** Runs a command and returns its standard output; fails if it exits with another status than 0. */
  public static String command(String... cmd) {
    return run(null, cmd);
  }

  /** Returns what {@code go version binary} says the binary's version is, e.g. {@code go1.26.8}. */
  public static String goVersion(Path binary) {
    String out = run(null, "go", "version", binary.toString()).trim();
    return out.substring(out.indexOf(": ") + 2);
  }

  /**
   * Returns the version of the Go toolchain the tests build with: the installed one, or the one
   * GOTOOLCHAIN selects ({@code go env GOVERSION}, asked once).
   */
  public static GoVersion toolchainVersion() {
    return ToolchainVersion.VERSION;
  }

  /** Holds the toolchain's version, asked for on first use. */
  private static final class ToolchainVersion {
    static final GoVersion VERSION = GoVersion.parse(run(null, "go", "env", "GOVERSION").trim())
        .orElseThrow(() -> new IllegalStateException("go env GOVERSION is not a Go version"));
  }

  /** Runs {@code binary args...} with {@code stdin} and returns its standard output. */
  public static String runProgram(Path binary, String stdin, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(List.of(args));
    return run(stdin, cmd.toArray(new String[0]));
  }

  /** Returns the pcs as hexadecimal lines. */
  public static String hexLines(long[] pcs) {
    StringBuilder sb = new StringBuilder();
    for (long pc : pcs) {
      sb.append("0x").append(Long.toHexString(pc)).append('\n');
    }
    return sb.toString();
  }

  private static String run(String stdin, String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
        try (OutputStream in = p.getOutputStream()) {
          if (stdin != null) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      feed.join();
      int status = p.waitFor();
      if (status != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " exited with " + status + ":\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
