package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Target;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the same source-level steps under dlv and under dlv4j on the same binary, and compares
 * where each command stops (function, file and line). Only the sequences where the two agree
 * by design are here: dlv4j also steps through generic dictionary wrappers and into functions
 * a return runs as deferred calls, and lets a goroutine's end run on (see SteppingTest); it
 * follows a go statement through a wrapper that calls a closure or method value indirectly
 * and steps over one of private runtime code (see GoStatementSteppingTest). Runs only where a
 * {@code dlv} binary is found; skipped elsewhere.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(300)
class SteppingDelveCrossCheckTest {
  private static final Pattern STOP =
      Pattern.compile("^> (?:\\[[^\\]]*\\] )?(\\S+)\\(\\) (\\S+):(\\d+) ");

  @Test
  void unoptimizedStepsStopWhereDelveStops(GoDebugSession session, @TempDir Path dir)
      throws Exception {
    Path program = GoBuild.fixture("stepping").build();
    for (String script : List.of(
        "b main.loop;c;n;n;n;n;n;n;n;n;n;n;n",
        "b main.fact;c;c;clear 1;n;n;n;n;n;n;n",
        "b main.closure;c;n;n;n;s;n;n;n",
        "b main.methodValue;c;n;n;n;s;n;n;n",
        "b main.areaOf;c;n;s;n;n;n",
        "b main.runtimeCalls;c;s;s;s;s;s;s;s",
        "b main.main;c;s;n;so;n;s;s;so;n;n",
        "b main.twoGoroutines;c;n;n;n;n;n;n;n")) {
      assertEquals(delve(program, script, dir), ours(session, program, script), script);
    }
  }

  @Test
  void optimizedStepsStopWhereDelveStops(GoDebugSession session, @TempDir Path dir)
      throws Exception {
    Path program = GoBuild.fixture("stepping").optimized().build();
    String script = "b main.main;c;n;n;n;n;n;n;s;n;n;s;n;so;n;n";
    assertEquals(delve(program, script, dir), ours(session, program, script));
  }

  @Test
  void stepsIntoNewGoroutinesStopWhereDelveStops(GoDebugSession session, @TempDir Path dir)
      throws Exception {
    Path program = GoBuild.fixture("gostep").build();
    // the go statements whose wrapper Delve sees through (see GoStatementSteppingTest): a step
    // stops in the new goroutine, and next goes on there
    String script = "b main.goCall;b main.goNoArgs;b main.goClosure;b main.goMethod;"
        + "b main.goMethodNoArgs;b main.goGeneric;b main.goRuntime;b main.goAsm;b main.goLoop;"
        + "c;n;n;s;n;n;c;n;n;s;n;c;n;n;s;n;c;n;n;n;s;n;c;n;n;n;s;n;c;n;n;s;n;"
        + "c;n;n;n;n;s;n;c;n;s;c;n;n;n;s;n";
    assertEquals(delve(program, script, dir), ours(session, program, script));
  }

  /** Runs a script (b FUNCTION, clear ID, c, n, s, so) under dlv4j: where each stop is. */
  private static List<String> ours(GoDebugSession session, Path program, String script) {
    List<String> stops = new ArrayList<>();
    try (Target target = session.launch(LaunchSpec.of(program))) {
      for (String command : script.split(";")) {
        String[] w = command.split(" ");
        DebuggerState state;
        switch (w[0]) {
          case "b" -> {
            target.createBreakpoint(BreakpointSpec.atFunction(w[1]));
            continue;
          }
          case "clear" -> {
            target.clearBreakpoint(Integer.parseInt(w[1]));
            continue;
          }
          case "c" -> state = target.resume();
          case "n" -> state = target.next();
          case "s" -> state = target.step();
          case "so" -> state = target.stepOut();
          default -> throw new IllegalArgumentException(command);
        }
        if (state.exited()) {
          break;
        }
        var at = state.currentThread().orElseThrow().location();
        stops.add(at.function().orElseThrow().name() + " " + at.file() + ":" + at.line());
      }
    }
    return stops;
  }

  /** Runs the same script under dlv and reads where each command stopped. */
  private static List<String> delve(Path program, String script, Path dir) throws Exception {
    StringBuilder init = new StringBuilder();
    for (String command : script.split(";")) {
      String[] w = command.split(" ");
      init.append(switch (w[0]) {
        case "b" -> "break " + w[1];
        case "clear" -> "clear " + w[1];
        case "c" -> "continue";
        case "n" -> "next";
        case "s" -> "step";
        case "so" -> "stepout";
        default -> throw new IllegalArgumentException(command);
      }).append('\n');
    }
    Path file = Files.writeString(dir.resolve("init"), init + "exit\n");
    Process p = DelveCrossCheckTest.dlvExec(DelveCrossCheckTest.dlv(), program, file).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .replaceAll("\u001b\\[[0-9;]*m", "");
    p.waitFor();
    List<String> stops = new ArrayList<>();
    for (String line : out.lines().toList()) {
      Matcher m = STOP.matcher(line);
      if (m.find()) {
        stops.add(m.group(1) + " " + m.group(2) + ":" + m.group(3));
      }
    }
    return stops;
  }
}
