package org.dlv4j.api;

import java.nio.file.Path;

/**
 * Where one standard stream of a launched program goes, as {@link ProcessBuilder.Redirect}
 * does for ordinary processes.
 *
 * <ul>
 *   <li>{@link #INHERIT}: the JVM's own descriptor (the default for all three streams, as with
 *       {@code dlv exec}).
 *   <li>{@link #PIPE}: for stdout and stderr, the engine reads the pipe and delivers what the
 *       program writes as {@link Event.Output} events; for stdin, the program reads what the
 *       client writes to {@link Target#stdin()}.
 *   <li>{@link #from(Path)}: stdin only, read from a file.
 *   <li>{@link #to(Path)} and {@link #appendTo(Path)}: stdout and stderr only, written to a
 *       file (truncated first, or appended to).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Files are opened when the target is launched.
 */
public sealed interface Redirect {
  /** The stream is the JVM's own stdin, stdout or stderr. */
  Redirect INHERIT = new Inherit();

  /** The stream is a pipe to dlv4j; see the interface description. */
  Redirect PIPE = new Pipe();

  /**
   * Returns a redirect that makes stdin read from {@code file}.
   *
   * @param file the file to read
   * @return the redirect
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalArgumentException if {@code file} is the empty path
   */
  static Redirect from(Path file) {
    return new FromFile(file);
  }

  /**
   * Returns a redirect that writes stdout or stderr to {@code file}, truncating it first.
   *
   * @param file the file to write; created if it does not exist
   * @return the redirect
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalArgumentException if {@code file} is the empty path
   */
  static Redirect to(Path file) {
    return new ToFile(file, false);
  }

  /**
   * Returns a redirect that appends stdout or stderr to {@code file}.
   *
   * @param file the file to append to; created if it does not exist
   * @return the redirect
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalArgumentException if {@code file} is the empty path
   */
  static Redirect appendTo(Path file) {
    return new ToFile(file, true);
  }

  /** The JVM's own descriptor; use {@link #INHERIT}. */
  record Inherit() implements Redirect {}

  /** A pipe to dlv4j; use {@link #PIPE}. */
  record Pipe() implements Redirect {}

  /**
   * Stdin read from a file.
   *
   * @param path the file to read
   */
  record FromFile(Path path) implements Redirect {
    /**
     * Validates the path (existence is checked at launch).
     *
     * @param path the file to read
     * @throws NullPointerException if {@code path} is null
     * @throws IllegalArgumentException if {@code path} is the empty path
     */
    public FromFile {
      Checks.path(path, "redirect path");
    }
  }

  /**
   * Stdout or stderr written to a file.
   *
   * @param path the file to write; created if it does not exist
   * @param append whether to append to the file rather than truncate it first
   */
  record ToFile(Path path, boolean append) implements Redirect {
    /**
     * Validates the path.
     *
     * @param path the file to write; created if it does not exist
     * @param append whether to append to the file rather than truncate it first
     * @throws NullPointerException if {@code path} is null
     * @throws IllegalArgumentException if {@code path} is the empty path
     */
    public ToFile {
      Checks.path(path, "redirect path");
    }
  }
}
