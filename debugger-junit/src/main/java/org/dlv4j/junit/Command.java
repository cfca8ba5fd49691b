package org.dlv4j.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an external program, typically a reference tool a test checks dlv4j against
 * ({@code go tool nm}, {@code readelf}, {@code objdump}), and returns what it printed.
 *
 * <pre>{@code
 * String sections = Command.output("readelf", "-S", "-W", binary.toString());
 * String where = Command.outputWithInput("0x401000\n", "go", "tool", "addr2line", exe);
 * boolean cross = Command.succeeds("aarch64-linux-gnu-objdump", "--version");
 * }</pre>
 *
 * <p>Standard output is the result; standard error is read separately (so that a tool's
 * warnings never mix into what the test parses) and shown when the program fails. Every method
 * waits for the program to end. Thread-safe: nothing is shared between calls.
 */
public final class Command {
  private Command() { }

  /**
   * Runs a program and returns its standard output.
   *
   * @param command the program and its arguments
   * @return its standard output, decoded as UTF-8
   * @throws AssertionError if the program cannot be started or exits with another status than
   *     0; the message names the command and shows its exit status and standard error
   */
  public static String output(String... command) {
    return outputWithInput(null, command);
  }

  /**
   * Runs a program with {@code input} on its standard input and returns its standard output.
   * The program may stop reading early: its exit status decides, not whether all input was
   * written.
   *
   * @param input the text to write to its standard input, UTF-8 encoded; null for none
   * @param command the program and its arguments
   * @return its standard output, decoded as UTF-8
   * @throws AssertionError if the program cannot be started or exits with another status than
   *     0; the message names the command and shows its exit status and standard error
   */
  public static String outputWithInput(String input, String... command) {
    String line = String.join(" ", command);
    try {
      Process p = new ProcessBuilder(List.of(command)).start();
      CompletableFuture<Void> feed =
          CompletableFuture.runAsync(() -> feed(p.getOutputStream(), input));
      CompletableFuture<String> errors =
          CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      String out = readAll(p.getInputStream());
      int status = p.waitFor();
      feed.join();
      if (status != 0) {
        throw new AssertionError(line + " exited with status " + status + ":\n" + errors.join()
            + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + line, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + line, e);
    }
  }

  /**
   * Tells whether a program runs and exits with status 0; its output is ignored.
   *
   * @param command the program and its arguments, e.g. {@code "objdump", "--version"}
   * @return false also if it cannot be started (not installed)
   */
  public static boolean succeeds(String... command) {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      p.getOutputStream().close();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes {@code input} (if any) and closes; a program that stopped reading is no error. */
  private static void feed(OutputStream stdin, String input) {
    try (stdin) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException stoppedReading) {
      // the exit status tells whether the program did its work
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
