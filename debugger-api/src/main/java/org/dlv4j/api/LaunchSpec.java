package org.dlv4j.api;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How to start a program under the debugger: what to run, its arguments, environment, working
 * directory and standard streams. Start from {@link #of(Path, String...)}, {@link #goBuild(Path)}
 * or {@link #goTest(Path)} and refine with the {@code withX} methods:
 *
 * <pre>{@code
 * LaunchSpec spec = LaunchSpec.goBuild(Path.of("cmd/server"))
 *     .withBuildFlags("-tags=debug")
 *     .withArgs("--port", "8080")
 *     .withEnvironment(Environment.inherit().with("GODEBUG", "gctrace=1"))
 *     .withWorkingDirectory(Path.of("/tmp"))
 *     .withStdout(Redirect.PIPE)
 *     .withStderr(Redirect.PIPE);
 * }</pre>
 *
 * <p>The spec only describes the request: files are checked, and Go packages built, by
 * {@link Debugger#launch(LaunchSpec)}, which reports problems as {@link LaunchException}.
 * Instances are immutable and thread-safe; lists are copied on the way in. The canonical
 * constructor may gain components in later versions: prefer the factories and {@code withX}.
 *
 * @param program what to run
 * @param args the program's arguments, without the program name ({@code argv[1:]})
 * @param environment the program's environment variables
 * @param workingDirectory the program's working directory; empty means the JVM's
 * @param stdin where the program reads standard input: {@link Redirect#INHERIT},
 *     {@link Redirect#PIPE} or {@link Redirect#from(Path)}
 * @param stdout where standard output goes: {@link Redirect#INHERIT}, {@link Redirect#PIPE},
 *     {@link Redirect#to(Path)} or {@link Redirect#appendTo(Path)}
 * @param stderr where standard error goes, with the same choices as {@code stdout}
 */
public record LaunchSpec(
    Program program,
    List<String> args,
    Environment environment,
    Optional<Path> workingDirectory,
    Redirect stdin,
    Redirect stdout,
    Redirect stderr) {

  /**
   * Validates and copies the components.
   *
   * @param program what to run
   * @param args the program's arguments, without the program name ({@code argv[1:]})
   * @param environment the program's environment variables
   * @param workingDirectory the program's working directory; empty means the JVM's
   * @param stdin where the program reads standard input: {@link Redirect#INHERIT},
   *     {@link Redirect#PIPE} or {@link Redirect#from(Path)}
   * @param stdout where standard output goes: {@link Redirect#INHERIT}, {@link Redirect#PIPE},
   *     {@link Redirect#to(Path)} or {@link Redirect#appendTo(Path)}
   * @param stderr where standard error goes, with the same choices as {@code stdout}
   * @throws NullPointerException if a component or an argument is null
   * @throws IllegalArgumentException if an argument holds a NUL character, the working
   *     directory is the empty path, stdin is redirected to a file or stdout/stderr from one
   */
  public LaunchSpec {
    Checks.notNull(program, "program");
    args = Checks.strings(args, "args");
    Checks.notNull(environment, "environment");
    Checks.notNull(workingDirectory, "workingDirectory").ifPresent(
        dir -> Checks.path(dir, "working directory"));
    if (Checks.notNull(stdin, "stdin") instanceof Redirect.ToFile) {
      throw new IllegalArgumentException("stdin cannot be written to a file: " + stdin);
    }
    if (Checks.notNull(stdout, "stdout") instanceof Redirect.FromFile) {
      throw new IllegalArgumentException("stdout cannot be read from a file: " + stdout);
    }
    if (Checks.notNull(stderr, "stderr") instanceof Redirect.FromFile) {
      throw new IllegalArgumentException("stderr cannot be read from a file: " + stderr);
    }
  }

  /**
   * Returns a spec that runs an existing executable with the given arguments, the JVM's
   * environment, working directory and standard streams ({@code dlv exec}).
   *
   * @param executable the file to run
   * @param args the program's arguments, without the program name
   * @return the spec
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code executable} is the empty path or an argument
   *     holds a NUL character
   */
  public static LaunchSpec of(Path executable, String... args) {
    return defaults(new Program.Executable(executable)).withArgs(args);
  }

  /**
   * Returns a spec that builds the Go main package in {@code packageDir} with optimisations
   * off ({@link Program#DEBUG_GCFLAGS}) and runs it ({@code dlv debug}). The engine deletes
   * the binary when the target is detached.
   *
   * @param packageDir the directory of the main package
   * @return the spec, with no extra build flags and no arguments
   * @throws NullPointerException if {@code packageDir} is null
   * @throws IllegalArgumentException if {@code packageDir} is the empty path
   */
  public static LaunchSpec goBuild(Path packageDir) {
    return defaults(new Program.GoBuild(packageDir, List.of()));
  }

  /**
   * Returns a spec that compiles the tests of the Go package in {@code packageDir} with
   * {@code go test -c} and optimisations off, and runs the test binary ({@code dlv test}).
   * Pass test flags as arguments, e.g. {@code withArgs("-test.run=TestParse", "-test.v")}.
   *
   * @param packageDir the directory of the package under test
   * @return the spec, with no extra build flags and no arguments
   * @throws NullPointerException if {@code packageDir} is null
   * @throws IllegalArgumentException if {@code packageDir} is the empty path
   */
  public static LaunchSpec goTest(Path packageDir) {
    return defaults(new Program.GoTest(packageDir, List.of()));
  }

  private static LaunchSpec defaults(Program program) {
    return new LaunchSpec(program, List.of(), Environment.inherit(), Optional.empty(),
        Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
  }

  /**
   * Returns a copy that runs {@code program} instead.
   *
   * @param program what to run
   * @return the new spec
   * @throws NullPointerException if {@code program} is null
   */
  public LaunchSpec withProgram(Program program) {
    return new LaunchSpec(program, args, environment, workingDirectory, stdin, stdout, stderr);
  }

  /**
   * Returns a copy whose Go build gets these extra flags (replacing earlier extra flags;
   * {@link Program#DEBUG_GCFLAGS} is always passed first).
   *
   * @param buildFlags the flags, one argument each, e.g. {@code "-tags=integration"}
   * @return the new spec
   * @throws NullPointerException if a flag is null
   * @throws IllegalArgumentException if a flag holds a NUL character, or the program is an
   *     {@link Program.Executable}, which is not built
   */
  public LaunchSpec withBuildFlags(String... buildFlags) {
    List<String> flags = Arrays.asList(Checks.notNull(buildFlags, "buildFlags"));
    if (program instanceof Program.GoBuild build) {
      return withProgram(new Program.GoBuild(build.packageDir(), flags));
    }
    if (program instanceof Program.GoTest test) {
      return withProgram(new Program.GoTest(test.packageDir(), flags));
    }
    throw new IllegalArgumentException("build flags need a Go package to build, not " + program);
  }

  /**
   * Returns a copy with these program arguments (replacing the earlier ones).
   *
   * @param args the arguments, without the program name
   * @return the new spec
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument holds a NUL character
   */
  public LaunchSpec withArgs(String... args) {
    return withArgs(Arrays.asList(Checks.notNull(args, "args")));
  }

  /**
   * Returns a copy with these program arguments (replacing the earlier ones).
   *
   * @param args the arguments, without the program name
   * @return the new spec
   * @throws NullPointerException if {@code args} or an argument is null
   * @throws IllegalArgumentException if an argument holds a NUL character
   */
  public LaunchSpec withArgs(List<String> args) {
    return new LaunchSpec(program, args, environment, workingDirectory, stdin, stdout, stderr);
  }

  /**
   * Returns a copy with this environment.
   *
   * @param environment the program's environment
   * @return the new spec
   * @throws NullPointerException if {@code environment} is null
   */
  public LaunchSpec withEnvironment(Environment environment) {
    return new LaunchSpec(program, args, environment, workingDirectory, stdin, stdout, stderr);
  }

  /**
   * Returns a copy in which the program starts in {@code directory}.
   *
   * @param directory the working directory; checked at launch
   * @return the new spec
   * @throws NullPointerException if {@code directory} is null
   * @throws IllegalArgumentException if {@code directory} is the empty path
   */
  public LaunchSpec withWorkingDirectory(Path directory) {
    return new LaunchSpec(program, args, environment,
        Optional.of(Checks.notNull(directory, "working directory")), stdin, stdout, stderr);
  }

  /**
   * Returns a copy with this stdin redirect.
   *
   * @param stdin {@link Redirect#INHERIT}, {@link Redirect#PIPE} or {@link Redirect#from(Path)}
   * @return the new spec
   * @throws NullPointerException if {@code stdin} is null
   * @throws IllegalArgumentException if {@code stdin} writes to a file
   */
  public LaunchSpec withStdin(Redirect stdin) {
    return new LaunchSpec(program, args, environment, workingDirectory, stdin, stdout, stderr);
  }

  /**
   * Returns a copy with this stdout redirect.
   *
   * @param stdout {@link Redirect#INHERIT}, {@link Redirect#PIPE}, {@link Redirect#to(Path)} or
   *     {@link Redirect#appendTo(Path)}
   * @return the new spec
   * @throws NullPointerException if {@code stdout} is null
   * @throws IllegalArgumentException if {@code stdout} reads from a file
   */
  public LaunchSpec withStdout(Redirect stdout) {
    return new LaunchSpec(program, args, environment, workingDirectory, stdin, stdout, stderr);
  }

  /**
   * Returns a copy with this stderr redirect.
   *
   * @param stderr {@link Redirect#INHERIT}, {@link Redirect#PIPE}, {@link Redirect#to(Path)} or
   *     {@link Redirect#appendTo(Path)}
   * @return the new spec
   * @throws NullPointerException if {@code stderr} is null
   * @throws IllegalArgumentException if {@code stderr} reads from a file
   */
  public LaunchSpec withStderr(Redirect stderr) {
    return new LaunchSpec(program, args, environment, workingDirectory, stdin, stdout, stderr);
  }
}
