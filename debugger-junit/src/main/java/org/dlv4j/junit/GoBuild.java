package org.dlv4j.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Builds a Go program from source on demand and caches the result by content hash: the
 * same sources, flags, environment and toolchain give the same binary path without running
 * the Go toolchain again. Instances are immutable; {@link #build()} is safe to call from
 * several threads and several JVMs at once (binaries are moved into the cache atomically).
 *
 * <pre>{@code
 * Path hello = GoBuild.fixture("hello").build();                 // -gcflags=all=-N -l
 * Path fast  = GoBuild.fixture("hello").optimized().build();     // default compiler flags
 * Path arm   = GoBuild.fixture("hello").env("GOARCH", "arm64").build();
 * Path gocmd = GoBuild.goPackage("cmd/go").build();              // from GOROOT
 * }</pre>
 *
 * <p>The cache directory is the system property {@code dlv4j.fixtureCache}, or
 * {@code target/go-fixtures} under the working directory. Fixture names resolve against the
 * system property {@code dlv4j.testdata}, or {@code testdata} under the working directory.
 */
public final class GoBuild {
  /** Compiler flags that turn off optimization and inlining, as debuggers want. */
  public static final String NO_OPTIMIZATION = "-gcflags=all=-N -l";

  private static final Map<Map<String, String>, String> TOOLCHAIN_VERSIONS = new ConcurrentHashMap<>();

  private final String name;
  private final Path sourceDir;
  private final String importPath;
  private final boolean testBinary;
  private final List<String> flags;
  private final Map<String, String> env;

  private GoBuild(String name, Path sourceDir, String importPath, boolean testBinary,
      List<String> flags, Map<String, String> env) {
    this.name = name;
    this.sourceDir = sourceDir;
    this.importPath = importPath;
    this.testBinary = testBinary;
    this.flags = List.copyOf(flags);
    this.env = Map.copyOf(env);
  }

  /**
   * Returns a build of the main package in {@code sourceDir}, without optimization.
   *
   * @param sourceDir a directory holding a Go main package (and optionally a go.mod)
   * @return the build description; nothing is built yet
   */
  public static GoBuild of(Path sourceDir) {
    Path dir = sourceDir.toAbsolutePath().normalize();
    return new GoBuild(dir.getFileName().toString(), dir, null, false,
        List.of(NO_OPTIMIZATION), Map.of());
  }

  /**
   * Returns a build of the fixture directory {@code name} under the test-data root.
   *
   * @param name a directory name under the test-data root, e.g. {@code "hello"}
   * @return the build description; nothing is built yet
   */
  public static GoBuild fixture(String name) {
    return of(testdataRoot().resolve(name));
  }

  /**
   * Returns a build of a package of the Go distribution itself, e.g. {@code cmd/go}, without
   * optimization. Useful as a large, real input.
   *
   * @param importPath an import path that {@code go build} resolves from GOROOT
   * @return the build description; nothing is built yet
   */
  public static GoBuild goPackage(String importPath) {
    String base = importPath.substring(importPath.lastIndexOf('/') + 1);
    return new GoBuild(base, null, importPath, false, List.of(NO_OPTIMIZATION), Map.of());
  }

  /** Returns the directory that holds the Go fixture sources. */
  public static Path testdataRoot() {
    return Paths.get(System.getProperty("dlv4j.testdata", "testdata")).toAbsolutePath().normalize();
  }

  /**
   * Returns a copy that builds with the toolchain's default optimization (no {@code -N -l}),
   * keeping any other flags.
   */
  public GoBuild optimized() {
    List<String> rest = new ArrayList<>(flags);
    rest.remove(NO_OPTIMIZATION);
    return new GoBuild(name, sourceDir, importPath, testBinary, rest, env);
  }

  /**
   * Returns a copy with extra {@code go build} flags, e.g. {@code "-ldflags=-s -w"}.
   *
   * @param extra flags passed to {@code go build} as separate arguments
   */
  public GoBuild flags(String... extra) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(List.of(extra));
    return new GoBuild(name, sourceDir, importPath, testBinary, all, env);
  }

  /**
   * Returns a copy with one more environment variable for the toolchain, e.g.
   * {@code GOARCH=arm64}, {@code GOEXPERIMENT=nodwarf5} or {@code GOTOOLCHAIN=go1.22.12}.
   */
  public GoBuild env(String key, String value) {
    Map<String, String> all = new TreeMap<>(env);
    all.put(key, value);
    return new GoBuild(name, sourceDir, importPath, testBinary, flags, all);
  }

  /** Returns a copy that builds the package's test binary ({@code go test -c}) instead. */
  public GoBuild testBinary() {
    return new GoBuild(name + ".test", sourceDir, importPath, true, flags, env);
  }

  /**
   * Builds the program unless an identical build is cached, and returns the binary.
   *
   * @return the absolute path of the executable
   * @throws GoBuildException if Go is missing or the build fails (with the compiler output)
   */
  public Path build() {
    Map<String, String> fullEnv = new TreeMap<>(env);
    fullEnv.putIfAbsent("CGO_ENABLED", "0");
    String key = cacheKey(fullEnv);
    Path dir = cacheRoot().resolve(name + "-" + key);
    Path binary = dir.resolve(name);
    if (Files.isExecutable(binary)) {
      return binary;
    }
    try {
      Files.createDirectories(cacheRoot());
      Path tmp = Files.createTempDirectory(cacheRoot(), name + "-tmp");
      Path out = tmp.resolve(name);
      List<String> cmd = new ArrayList<>();
      cmd.add("go");
      cmd.add(testBinary ? "test" : "build");
      if (testBinary) {
        cmd.add("-c");
      }
      cmd.add("-o");
      cmd.add(out.toString());
      cmd.addAll(flags);
      cmd.add(importPath != null ? importPath : ".");
      try {
        run(cmd, sourceDir != null ? sourceDir : tmp, fullEnv);
      } catch (GoBuildException e) {
        deleteTree(tmp);
        throw e;
      }
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
        deleteTree(tmp); // another build won the race; its result is identical
      } catch (IOException e) {
        if (!Files.isExecutable(binary)) {
          throw e;
        }
        deleteTree(tmp);
      }
      return binary;
    } catch (IOException e) {
      throw new GoBuildException("cannot build Go program " + describe(), e);
    }
  }

  @Override
  public String toString() {
    return describe();
  }

  private String describe() {
    return (importPath != null ? importPath : sourceDir.toString()) + " " + flags + " " + env;
  }

  private String cacheKey(Map<String, String> fullEnv) {
    MessageDigest sha = sha256();
    update(sha, toolchainVersion(fullEnv));
    update(sha, String.valueOf(testBinary));
    update(sha, flags.toString());
    update(sha, fullEnv.toString());
    update(sha, importPath != null ? importPath : "");
    if (sourceDir != null) {
      if (!Files.isDirectory(sourceDir)) {
        throw new GoBuildException("Go source directory does not exist: " + sourceDir);
      }
      try (Stream<Path> files = Files.walk(sourceDir)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          update(sha, sourceDir.relativize(f).toString());
          sha.update(Files.readAllBytes(f));
        }
      } catch (IOException e) {
        throw new GoBuildException("cannot read Go sources in " + sourceDir, e);
      }
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  private static String toolchainVersion(Map<String, String> fullEnv) {
    Map<String, String> toolchainEnv = new TreeMap<>();
    for (String k : List.of("GOTOOLCHAIN", "GOARCH", "GOOS", "GOEXPERIMENT", "CGO_ENABLED")) {
      if (fullEnv.containsKey(k)) {
        toolchainEnv.put(k, fullEnv.get(k));
      }
    }
    return TOOLCHAIN_VERSIONS.computeIfAbsent(toolchainEnv,
        e -> run(List.of("go", "version"), Paths.get("."), e).trim());
  }

  private static String run(List<String> cmd, Path dir, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = p.waitFor();
      if (status != 0) {
        throw new GoBuildException(String.join(" ", cmd) + " in " + dir + " " + env
            + " failed with exit status " + status + ":\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new GoBuildException("cannot run " + String.join(" ", cmd)
          + ": is Go installed and on the PATH?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GoBuildException("interrupted while running " + String.join(" ", cmd), e);
    }
  }

  private static Path cacheRoot() {
    return Paths.get(System.getProperty("dlv4j.fixtureCache", "target/go-fixtures"))
        .toAbsolutePath().normalize();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  private static void update(MessageDigest sha, String s) {
    sha.update(Objects.requireNonNull(s).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
