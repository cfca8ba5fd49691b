package org.dlv4j.examples.goroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dlv4j.junit.AttachableProgram;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.ProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(120)
class GoroutinesTest {
  private static final Path BINARY = GoBuild.fixture("goroutines-example").build();
  /** The same program as a position-independent executable, which runs at a load bias. */
  private static final Path PIE = GoBuild.fixture("goroutines-example").flags("-buildmode=pie")
      .build();
  private static final Path MAIN_GO = GoBuild.testdataRoot()
      .resolve("goroutines-example/main.go");

  @TempDir
  Path tmp;

  static List<Path> binaries() {
    return List.of(BINARY, PIE);
  }

  @ParameterizedTest
  @MethodSource("binaries")
  void listsEveryGoroutineWithItsWaitReasonAndUserLocationAtTheFunction(Path binary)
      throws IOException {
    Path ids = tmp.resolve("ids");

    Result r = goroutines(binary.toString(), "main.stopHere", "--", ids.toString());

    assertEquals(0, r.status, r.err);
    Map<String, String> id = ids(ids);
    assertEquals(List.of(
        "* goroutine 1 [running] " + at("stopHere") + " main.stopHere",
        "  goroutine " + id.get("waiter") + " [chan receive] " + at("waiter") + " main.waiter"),
        r.out.lines().filter(l -> l.contains(MAIN_GO.toString())).toList());
    // as in Delve, the user location is the first frame outside the runtime's private code
    assertTrue(r.out.lines().anyMatch(l -> l.matches("  goroutine " + id.get("sleeper")
        + " \\[sleep\\] .*/src/runtime/time\\.go:\\d+ time\\.Sleep")), r.out);
    // Go 1.24+ parks a mutex through internal/sync.runtime_SemacquireMutex, private to the
    // runtime, so the user location is the mutex's own code; older releases park through
    // sync.runtime_SemacquireMutex (in runtime/sema.go), which is not private and so is it
    String lockerAt = hasSymbol(binary, "internal/sync.runtime_SemacquireMutex")
        ? ".*/sync/mutex\\.go:\\d+ (internal/)?sync\\.\\(\\*Mutex\\)\\.\\w+"
        : ".*/src/runtime/sema\\.go:\\d+ sync\\.runtime_SemacquireMutex";
    assertTrue(r.out.lines().anyMatch(l -> l.matches("  goroutine " + id.get("locker")
        + " \\[sync\\.Mutex\\.Lock\\] " + lockerAt)), r.out);
    assertTrue(r.out.lines().allMatch(l -> l.matches("[* ] goroutine \\d+ \\[.+\\] .+")), r.out);
    assertEquals("", r.err);
  }

  @ParameterizedTest
  @MethodSource("binaries")
  void pidPrintsEveryStackAndLeavesTheProgramRunning(Path binary) throws Exception {
    Path ids = tmp.resolve("ids");
    try (AttachableProgram program = AttachableProgram.start(binary, ids.toString(), "wait")) {
      awaitReady(ids);

      Result r = goroutines("--pid", Integer.toString(program.pid()));

      assertEquals(0, r.status, r.err);
      Map<String, String> id = ids(ids);
      assertTrue(r.out.contains("goroutine " + id.get("waiter") + " [chan receive]:\n"
          + "  runtime.gopark\n"), r.out);
      assertTrue(r.out.contains("  main.waiter\n      " + at("waiter") + "\n"
          + "  runtime.goexit\n"), r.out);
      assertTrue(r.out.contains("  main.sleeper\n      " + at("sleeper") + "\n"), r.out);
      assertTrue(r.out.contains("  main.locker\n      " + at("locker") + "\n"), r.out);
      assertTrue(r.out.contains("goroutine 1 [select (no cases)]:\n"), r.out);
      assertTrue(r.out.contains("  main.main\n      " + at("wait") + "\n"
          + "  runtime.main\n"), r.out);
      assertTrue(ProcessHandle.of(program.pid()).orElseThrow().isAlive(),
          "detached, the program keeps running");
      assertEquals(0, ProcFs.tracerPid(program.pid()));
    }
  }

  @Test
  void badUsageAndAProgramThatEndsFirst() {
    assertEquals(2, goroutines(BINARY.toString()).status);
    assertEquals("usage: goroutines BINARY FUNCTION [-- ARGS...]\n"
        + "       goroutines --pid PID\n", goroutines("--pid").err);
    assertEquals("bad PID: x\n", goroutines("--pid", "x").err);
    Result ended = goroutines(BINARY.toString(), "main.stopHere", "--",
        tmp.resolve("missing/dir/ids").toString());
    assertEquals(1, ended.status);
    assertEquals("goroutines: the program exited with status 2 before reaching main.stopHere\n",
        ended.err);
    Result gone = goroutines("--pid", "999999999");
    assertEquals(1, gone.status);
    assertTrue(gone.err.startsWith("goroutines: "), gone.err);
  }

  private static String at(String marker) {
    return MAIN_GO + ":" + line("// L:" + marker);
  }

  private static int line(String text) {
    try {
      List<String> lines = Files.readAllLines(MAIN_GO);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text) && (!text.startsWith("// L:")
            || lines.get(i).endsWith(text))) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no line with " + text + " in " + MAIN_GO);
  }

  private static Map<String, String> ids(Path file) throws IOException {
    Map<String, String> ids = new HashMap<>();
    for (String l : Files.readAllLines(file)) {
      String[] kv = l.split("=");
      if (kv.length == 2) {
        ids.put(kv[0], kv[1]);
      }
    }
    return ids;
  }

  private static void awaitReady(Path ids) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (Files.exists(ids) && Files.readString(ids).endsWith("ready\n")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the program did not write " + ids);
  }

  /** Whether go tool nm lists a symbol called {@code name} in {@code binary}. */
  private static boolean hasSymbol(Path binary, String name) {
    return GoNm.symbols(binary).stream().anyMatch(s -> s.name().equals(name));
  }

  private record Result(int status, String out, String err) { }

  private static Result goroutines(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Goroutines.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
