package org.dlv4j.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one standard stream of a launched process goes: inherited from the JVM, a file, or a
 * pipe whose other end the {@link ProcessBackend} exposes as a Java stream.
 */
public sealed interface Stdio {

  /**
   * Returns the choice that gives the process the JVM's own stream.
   *
   * @return the inherit choice
   */
  static Stdio inherit() {
    return new Inherit();
  }

  /**
   * Returns the choice that connects the stream to a pipe read or written through
   * {@link ProcessBackend#stdin()}, {@link ProcessBackend#stdout()} or
   * {@link ProcessBackend#stderr()}.
   *
   * @return the pipe choice
   */
  static Stdio pipe() {
    return new Pipe();
  }

  /** The process uses the JVM's own file descriptor. */
  record Inherit() implements Stdio { }

  /** The process connects the stream to a pipe whose other end the backend exposes. */
  record Pipe() implements Stdio { }

  /**
   * Standard input comes from an existing file.
   *
   * @param path the file to read
   */
  record FromFile(Path path) implements Stdio {
    /**
     * Checks the path.
     *
     * @param path the file to read
     */
    public FromFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Standard output or error goes to a file, created if missing.
   *
   * @param path the file to write
   * @param append {@code true} to append, {@code false} to truncate first
   */
  record ToFile(Path path, boolean append) implements Stdio {
    /**
     * Checks the path.
     *
     * @param path the file to write
     * @param append {@code true} to append, {@code false} to truncate first
     */
    public ToFile {
      Objects.requireNonNull(path, "path");
    }
  }
}
