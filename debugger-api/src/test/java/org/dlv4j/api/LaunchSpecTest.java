package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchSpecTest {
  private static final Path APP = Path.of("bin/app");

  @Test
  void ofHasDefaults() {
    LaunchSpec spec = LaunchSpec.of(APP, "-v", "x y");

    assertEquals(new Program.Executable(APP), spec.program());
    assertEquals(List.of("-v", "x y"), spec.args());
    assertEquals(Environment.inherit(), spec.environment());
    assertEquals(Optional.empty(), spec.workingDirectory());
    assertEquals(Redirect.INHERIT, spec.stdin());
    assertEquals(Redirect.INHERIT, spec.stdout());
    assertEquals(Redirect.INHERIT, spec.stderr());
  }

  @Test
  void goBuildAndGoTestRecordTheRequestOnly() {
    Path dir = Path.of("cmd/server");

    assertEquals(new Program.GoBuild(dir, List.of()), LaunchSpec.goBuild(dir).program());
    assertEquals(new Program.GoTest(dir, List.of()), LaunchSpec.goTest(dir).program());
    assertEquals("-gcflags=all=-N -l", Program.DEBUG_GCFLAGS);
  }

  @Test
  void withBuildFlagsReplacesTheExtraFlags() {
    Path dir = Path.of("pkg");
    LaunchSpec spec = LaunchSpec.goTest(dir).withBuildFlags("-race").withBuildFlags("-tags=a b");

    assertEquals(new Program.GoTest(dir, List.of("-tags=a b")), spec.program());
    assertEquals(new Program.GoBuild(dir, List.of("-race")),
        LaunchSpec.goBuild(dir).withBuildFlags("-race").program());
  }

  @Test
  void withBuildFlagsNeedsAGoPackage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LaunchSpec.of(APP).withBuildFlags("-race"));

    assertEquals("build flags need a Go package to build, not Executable[path=bin/app]",
        e.getMessage());
  }

  @Test
  void withersReplaceOneComponent() {
    LaunchSpec base = LaunchSpec.of(APP, "a");
    Environment env = Environment.exact(java.util.Map.of("A", "1"));
    LaunchSpec spec = base
        .withArgs(List.of("b", "c"))
        .withEnvironment(env)
        .withWorkingDirectory(Path.of("/tmp"))
        .withStdin(Redirect.from(Path.of("in.txt")))
        .withStdout(Redirect.PIPE)
        .withStderr(Redirect.appendTo(Path.of("err.log")));

    assertEquals(new LaunchSpec(new Program.Executable(APP), List.of("b", "c"), env,
        Optional.of(Path.of("/tmp")), new Redirect.FromFile(Path.of("in.txt")), Redirect.PIPE,
        new Redirect.ToFile(Path.of("err.log"), true)), spec);
    assertEquals(List.of("a"), base.args());
    assertEquals(new Program.GoBuild(Path.of("p"), List.of()),
        base.withProgram(new Program.GoBuild(Path.of("p"), List.of())).program());
  }

  @Test
  void argsAreCopiedAndUnmodifiable() {
    List<String> args = new ArrayList<>(List.of("a"));
    LaunchSpec spec = LaunchSpec.of(APP).withArgs(args);
    args.add("b");

    assertEquals(List.of("a"), spec.args());
    assertThrows(UnsupportedOperationException.class, () -> spec.args().add("c"));
  }

  @Test
  void buildFlagsAreCopied() {
    List<String> flags = new ArrayList<>(List.of("-race"));
    Program.GoBuild build = new Program.GoBuild(Path.of("p"), flags);
    flags.clear();

    assertEquals(List.of("-race"), build.buildFlags());
    assertThrows(UnsupportedOperationException.class, () -> build.buildFlags().clear());
  }

  @Test
  void equalSpecsAreEqual() {
    assertEquals(LaunchSpec.of(APP, "a"), LaunchSpec.of(APP, "a"));
    assertEquals(LaunchSpec.of(APP, "a").hashCode(), LaunchSpec.of(APP, "a").hashCode());
    assertNotEquals(LaunchSpec.of(APP, "a"), LaunchSpec.of(APP, "b"));
  }

  @Test
  void rejectsNulls() {
    assertEquals("program path is null",
        assertThrows(NullPointerException.class, () -> LaunchSpec.of(null)).getMessage());
    assertEquals("args[1] is null", assertThrows(NullPointerException.class,
        () -> LaunchSpec.of(APP, "a", null)).getMessage());
    assertEquals("args is null", assertThrows(NullPointerException.class,
        () -> LaunchSpec.of(APP).withArgs((String[]) null)).getMessage());
    assertEquals("environment is null", assertThrows(NullPointerException.class,
        () -> LaunchSpec.of(APP).withEnvironment(null)).getMessage());
    assertEquals("working directory is null", assertThrows(NullPointerException.class,
        () -> LaunchSpec.of(APP).withWorkingDirectory(null)).getMessage());
    assertEquals("stdout is null", assertThrows(NullPointerException.class,
        () -> LaunchSpec.of(APP).withStdout(null)).getMessage());
    assertEquals("buildFlags[0] is null", assertThrows(NullPointerException.class,
        () -> LaunchSpec.goBuild(Path.of("p")).withBuildFlags((String) null)).getMessage());
    assertEquals("package directory is null", assertThrows(NullPointerException.class,
        () -> LaunchSpec.goTest(null)).getMessage());
  }

  @Test
  void rejectsMalformedValues() {
    assertEquals("program path is empty", assertThrows(IllegalArgumentException.class,
        () -> LaunchSpec.of(Path.of(""))).getMessage());
    assertEquals("package directory is empty", assertThrows(IllegalArgumentException.class,
        () -> LaunchSpec.goBuild(Path.of(""))).getMessage());
    assertEquals("working directory is empty", assertThrows(IllegalArgumentException.class,
        () -> LaunchSpec.of(APP).withWorkingDirectory(Path.of(""))).getMessage());
    assertEquals("args[0] contains a NUL character", assertThrows(IllegalArgumentException.class,
        () -> LaunchSpec.of(APP, "a\0b")).getMessage());
    assertEquals("buildFlags[1] contains a NUL character",
        assertThrows(IllegalArgumentException.class,
            () -> LaunchSpec.goBuild(Path.of("p")).withBuildFlags("-v", "\0")).getMessage());
  }

  @Test
  void rejectsRedirectsInTheWrongDirection() {
    assertEquals("stdin cannot be written to a file: ToFile[path=out, append=false]",
        assertThrows(IllegalArgumentException.class,
            () -> LaunchSpec.of(APP).withStdin(Redirect.to(Path.of("out")))).getMessage());
    assertEquals("stdout cannot be read from a file: FromFile[path=in]",
        assertThrows(IllegalArgumentException.class,
            () -> LaunchSpec.of(APP).withStdout(Redirect.from(Path.of("in")))).getMessage());
    assertEquals("stderr cannot be read from a file: FromFile[path=in]",
        assertThrows(IllegalArgumentException.class,
            () -> LaunchSpec.of(APP).withStderr(Redirect.from(Path.of("in")))).getMessage());
  }

  @Test
  void redirectFactories() {
    assertEquals(new Redirect.FromFile(Path.of("a")), Redirect.from(Path.of("a")));
    assertEquals(new Redirect.ToFile(Path.of("a"), false), Redirect.to(Path.of("a")));
    assertEquals(new Redirect.ToFile(Path.of("a"), true), Redirect.appendTo(Path.of("a")));
    assertEquals(new Redirect.Pipe(), Redirect.PIPE);
    assertEquals(new Redirect.Inherit(), Redirect.INHERIT);
    assertEquals("redirect path is empty", assertThrows(IllegalArgumentException.class,
        () -> Redirect.to(Path.of(""))).getMessage());
    assertEquals("redirect path is null", assertThrows(NullPointerException.class,
        () -> Redirect.from(null)).getMessage());
  }
}
