package org.dlv4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoBuildTest {

  @Test
  void buildsFixtureAndRunsIt() throws Exception {
    Path hello = GoBuild.fixture("hello").build();
    assertTrue(Files.isExecutable(hello), hello.toString());
    assertEquals("hello, gopher\nhello, world\n", run(hello, "gopher"));
  }

  @Test
  void sameInputsGiveTheCachedBinary() {
    Path first = GoBuild.fixture("hello").build();
    Path second = GoBuild.fixture("hello").build();
    assertEquals(first, second);
  }

  @Test
  void flagsAndEnvironmentAreUsedInTheCacheKey() {
    Path debug = GoBuild.fixture("hello").build();
    Path optimized = GoBuild.fixture("hello").optimized().build();
    Path arm = GoBuild.fixture("hello").env("GOARCH", "arm64").build();
    assertNotEquals(debug, optimized);
    assertNotEquals(debug, arm);
    assertNotEquals(optimized, arm);
  }

  @Test
  void changedSourceGivesANewBinary(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("go.mod"), "module tmp\n\ngo 1.22\n");
    Path main = dir.resolve("main.go");
    Files.writeString(main, "package main\nfunc main() { println(1) }\n");
    Path one = GoBuild.of(dir).build();
    Files.writeString(main, "package main\nfunc main() { println(2) }\n");
    Path two = GoBuild.of(dir).build();
    assertNotEquals(one, two);
  }

  @Test
  void compileErrorsAreReportedWithTheCompilerOutput(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("go.mod"), "module broken\n\ngo 1.22\n");
    Files.writeString(dir.resolve("main.go"), "package main\nfunc main() { undefinedThing() }\n");
    GoBuildException e = assertThrows(GoBuildException.class, () -> GoBuild.of(dir).build());
    assertTrue(e.getMessage().contains("undefined: undefinedThing"), e.getMessage());
  }

  @Test
  void missingSourceDirectoryIsNamed() {
    GoBuildException e = assertThrows(GoBuildException.class,
        () -> GoBuild.fixture("no-such-fixture").build());
    assertTrue(e.getMessage().contains("no-such-fixture"), e.getMessage());
  }

  private static String run(Path binary, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(binary.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor());
    return out;
  }
}
