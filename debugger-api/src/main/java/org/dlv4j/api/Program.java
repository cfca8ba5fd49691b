package org.dlv4j.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link LaunchSpec} runs: an executable that exists, or a Go package the engine builds
 * first (Delve's {@code dlv exec}, {@code dlv debug} and {@code dlv test}).
 *
 * <p>A Go package is built with {@code go build} (or {@code go test -c}) run in the package
 * directory, with {@link #DEBUG_GCFLAGS} followed by the request's {@code buildFlags}, into a
 * temporary file the engine deletes when the target is detached. {@code go} is looked up on the
 * JVM's {@code PATH} and runs with the JVM's environment: the launch environment applies to the
 * program, not to the build. A failed build is a {@link LaunchException} whose reason holds
 * go's error output.
 *
 * <p>Instances are immutable and thread-safe. New variants may be added in later versions.
 */
public sealed interface Program {
  /**
   * The flag the engine passes first to every Go build: it turns off optimisation and inlining
   * in every package, so every variable and line is visible to the debugger. A
   * {@code -gcflags} in the request's {@code buildFlags} replaces it for the packages it
   * matches (the last matching {@code -gcflags} wins).
   */
  String DEBUG_GCFLAGS = "-gcflags=all=-N -l";

  /**
   * An executable file that already exists.
   *
   * @param path the file to run; relative paths are resolved against the JVM's working
   *     directory when the target is launched, not against the launch working directory
   */
  record Executable(Path path) implements Program {
    /**
     * Validates the path (existence is checked at launch).
     *
     * @param path the file to run; relative paths are resolved against the JVM's working
     *     directory when the target is launched, not against the launch working directory
     * @throws NullPointerException if {@code path} is null
     * @throws IllegalArgumentException if {@code path} is the empty path
     */
    public Executable {
      Checks.path(path, "program path");
    }
  }

  /**
   * A Go main package to build with {@code go build}.
   *
   * @param packageDir the directory of the main package
   * @param buildFlags flags passed to {@code go build} after {@link #DEBUG_GCFLAGS}, e.g.
   *     {@code -tags=integration} or {@code -race}; each element is one argument
   */
  record GoBuild(Path packageDir, List<String> buildFlags) implements Program {
    /**
     * Validates and copies the components.
     *
     * @param packageDir the directory of the main package
     * @param buildFlags flags passed to {@code go build} after {@link #DEBUG_GCFLAGS}, e.g.
     *     {@code -tags=integration} or {@code -race}; each element is one argument
     * @throws NullPointerException if an argument or a flag is null
     * @throws IllegalArgumentException if {@code packageDir} is the empty path or a flag holds
     *     a NUL character
     */
    public GoBuild {
      Checks.path(packageDir, "package directory");
      buildFlags = Checks.strings(buildFlags, "buildFlags");
    }
  }

  /**
   * A Go package whose tests are compiled into one executable with {@code go test -c}. The
   * program's arguments are the test binary's, e.g. {@code -test.run=TestFoo -test.v}.
   *
   * @param packageDir the directory of the package under test
   * @param buildFlags flags passed to {@code go test -c} after {@link #DEBUG_GCFLAGS}; each
   *     element is one argument
   */
  record GoTest(Path packageDir, List<String> buildFlags) implements Program {
    /**
     * Validates and copies the components.
     *
     * @param packageDir the directory of the package under test
     * @param buildFlags flags passed to {@code go test -c} after {@link #DEBUG_GCFLAGS}; each
     *     element is one argument
     * @throws NullPointerException if an argument or a flag is null
     * @throws IllegalArgumentException if {@code packageDir} is the empty path or a flag holds
     *     a NUL character
     */
    public GoTest {
      Checks.path(packageDir, "package directory");
      buildFlags = Checks.strings(buildFlags, "buildFlags");
    }
  }
}
