package org.dlv4j.gort.internal.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.dlv4j.api.LaunchException;
import org.dlv4j.api.Program;

/**
 * Builds the Go package of a {@link Program.GoBuild} or {@link Program.GoTest} into a fresh
 * temporary directory, with {@link Program#DEBUG_GCFLAGS} first, as {@code dlv debug} and
 * {@code dlv test} do.
 */
final class GoBuilder {
  private static final System.Logger LOG = System.getLogger("debugger");

  /**
   * A binary built for one launch.
   *
   * @param binary the executable
   * @param directory the temporary directory holding it, deleted by {@link #delete()}
   */
  record Built(Path binary, Path directory) {
    /** Deletes the directory and the binary; failures are logged, not thrown. */
    void delete() {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        LOG.log(Level.WARNING, "cannot delete the build directory " + directory, e);
      }
    }
  }

  private GoBuilder() { }

  /**
   * Runs {@code go build} or {@code go test -c} in the package directory.
   *
   * @param program what to build
   * @return the binary and its temporary directory
   * @throws LaunchException if the directory is missing, go cannot run, or the build fails
   *     (with go's output)
   */
  static Built build(Program program) {
    boolean test = program instanceof Program.GoTest;
    Path dir = test ? ((Program.GoTest) program).packageDir()
        : ((Program.GoBuild) program).packageDir();
    List<String> flags = test ? ((Program.GoTest) program).buildFlags()
        : ((Program.GoBuild) program).buildFlags();
    Path packageDir = dir.toAbsolutePath();
    if (!Files.isDirectory(packageDir)) {
      throw new LaunchException(packageDir, "no such package directory");
    }
    Path out;
    try {
      out = Files.createTempDirectory("dlv4j-build-");
    } catch (IOException e) {
      throw new LaunchException(packageDir, "cannot create a build directory: " + e, e);
    }
    String name = packageDir.getFileName() + (test ? ".test" : "");
    Built built = new Built(out.resolve(name), out);
    List<String> command = new ArrayList<>(List.of("go", test ? "test" : "build"));
    if (test) {
      command.add("-c");
    }
    command.addAll(List.of("-o", built.binary().toString(), Program.DEBUG_GCFLAGS));
    command.addAll(flags);
    command.add(".");
    try {
      run(command, packageDir);
    } catch (LaunchException e) {
      built.delete();
      throw e;
    }
    return built;
  }

  private static void run(List<String> command, Path dir) {
    LOG.log(Level.DEBUG, () -> "in " + dir + ": " + String.join(" ", command));
    try {
      Process go = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      go.getOutputStream().close();
      String output = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = go.waitFor();
      if (status != 0) {
        throw new LaunchException(dir, String.join(" ", command) + " failed with exit status "
            + status + ":\n" + output.strip());
      }
    } catch (IOException e) {
      throw new LaunchException(dir, "cannot run go (is it on the PATH?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      java.lang.Thread.currentThread().interrupt();
      throw new LaunchException(dir, "interrupted while building", e);
    }
  }
}
