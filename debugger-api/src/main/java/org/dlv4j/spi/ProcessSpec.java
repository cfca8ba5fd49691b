package org.dlv4j.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to launch: program, arguments, the exact environment, working directory and where the
 * three standard streams go. Immutable; the {@code withX} methods return modified copies.
 *
 * <p>The constructor checks the shape (no nulls, no {@code '='} in variable names, no NUL
 * characters, input redirections only on stdin and output redirections only on stdout and
 * stderr). Whether the program exists and is an executable ELF file for the backend's
 * architecture is checked by {@link TargetBackendProvider#launch(ProcessSpec)}.
 *
 * <pre>{@code
 * ProcessSpec spec = ProcessSpec.of(Path.of("/usr/local/bin/server"), "--port", "8080")
 *     .withStdout(Stdio.pipe())
 *     .withEnvironment(Map.of("GODEBUG", "gctrace=1"));
 * }</pre>
 *
 * @param program the executable; relative paths resolve against the JVM's working directory
 * @param args the arguments after the program name ({@code argv[1..]})
 * @param environment every environment variable the process gets, and nothing else
 * @param workingDirectory the directory the process starts in
 * @param stdin where standard input comes from: inherit, a file or a pipe
 * @param stdout where standard output goes: inherit, a file or a pipe
 * @param stderr where standard error goes: inherit, a file or a pipe
 */
public record ProcessSpec(Path program, List<String> args, Map<String, String> environment,
    Path workingDirectory, Stdio stdin, Stdio stdout, Stdio stderr) {

  /**
   * Checks and copies the parts.
   *
   * @param program the executable
   * @param args the arguments after the program name
   * @param environment the exact environment
   * @param workingDirectory the initial working directory
   * @param stdin where standard input comes from
   * @param stdout where standard output goes
   * @param stderr where standard error goes
   * @throws NullPointerException if any part, argument, name or value is {@code null}
   * @throws IllegalArgumentException if a string holds NUL, a variable name is empty or holds
   *     {@code '='}, or a redirection points the wrong way
   */
  public ProcessSpec {
    Objects.requireNonNull(program, "program");
    args = List.copyOf(args);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    noNul("program", program.toString());
    noNul("working directory", workingDirectory.toString());
    args.forEach(a -> noNul("argument", a));
    environment.forEach((k, v) -> {
      if (k.isEmpty() || k.indexOf('=') >= 0) {
        throw new IllegalArgumentException("bad environment variable name: \"" + k + "\"");
      }
      noNul("environment variable " + k, k + v);
    });
    if (stdin instanceof Stdio.ToFile) {
      throw new IllegalArgumentException("stdin cannot be redirected to a file: " + stdin);
    }
    if (stdout instanceof Stdio.FromFile || stderr instanceof Stdio.FromFile) {
      throw new IllegalArgumentException("stdout and stderr cannot read from a file");
    }
  }

  /**
   * Returns a spec for {@code program} with the given arguments, the JVM's environment and
   * working directory, and all three streams inherited.
   *
   * @param program the executable
   * @param args the arguments after the program name
   * @return the spec
   */
  public static ProcessSpec of(Path program, String... args) {
    return new ProcessSpec(program, List.of(args), System.getenv(),
        Path.of("").toAbsolutePath(), Stdio.inherit(), Stdio.inherit(), Stdio.inherit());
  }

  /**
   * Returns a copy with other arguments.
   *
   * @param newArgs the arguments after the program name
   * @return the modified copy
   */
  public ProcessSpec withArgs(List<String> newArgs) {
    return new ProcessSpec(program, newArgs, environment, workingDirectory, stdin, stdout, stderr);
  }

  /**
   * Returns a copy with another environment, which replaces the old one entirely.
   *
   * @param newEnvironment the exact environment of the process
   * @return the modified copy
   */
  public ProcessSpec withEnvironment(Map<String, String> newEnvironment) {
    return new ProcessSpec(program, args, newEnvironment, workingDirectory, stdin, stdout, stderr);
  }

  /**
   * Returns a copy with another working directory.
   *
   * @param directory the directory the process starts in
   * @return the modified copy
   */
  public ProcessSpec withWorkingDirectory(Path directory) {
    return new ProcessSpec(program, args, environment, directory, stdin, stdout, stderr);
  }

  /**
   * Returns a copy with another standard input.
   *
   * @param in inherit, a file or a pipe
   * @return the modified copy
   */
  public ProcessSpec withStdin(Stdio in) {
    return new ProcessSpec(program, args, environment, workingDirectory, in, stdout, stderr);
  }

  /**
   * Returns a copy with another standard output.
   *
   * @param out inherit, a file or a pipe
   * @return the modified copy
   */
  public ProcessSpec withStdout(Stdio out) {
    return new ProcessSpec(program, args, environment, workingDirectory, stdin, out, stderr);
  }

  /**
   * Returns a copy with another standard error.
   *
   * @param err inherit, a file or a pipe
   * @return the modified copy
   */
  public ProcessSpec withStderr(Stdio err) {
    return new ProcessSpec(program, args, environment, workingDirectory, stdin, stdout, err);
  }

  private static void noNul(String what, String s) {
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " contains a NUL character");
    }
  }
}
