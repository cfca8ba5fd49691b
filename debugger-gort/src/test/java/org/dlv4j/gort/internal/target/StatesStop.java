package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Environment;
import org.dlv4j.api.Function;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Location;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.gort.internal.stack.Markers;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugSession;

/**
 * The goroutines-states fixture in "states" mode run to main.stopHere: goroutines parked in
 * every blocking state, a 1000-deep recursion, pending defers, labels
 * (testdata/goroutines-states/main.go, whose "// L:name" lines are {@link #SRC}).
 */
final class StatesStop {
  static final String FIXTURE = "goroutines-states";
  static final Markers SRC = new Markers(FIXTURE, "main.go");

  private StatesStop() { }

  /** Launches a build of the fixture in states mode and runs it to main.stopHere. */
  static Target launch(GoDebugSession session, GoBuild build) {
    Target target = session.launch(LaunchSpec.of(build.build(), "states", "/dev/null")
        .withEnvironment(Environment.inherit().with("GOGC", "off")));
    runToStop(target);
    return target;
  }

  /** Runs a launched fixture (args {@code states /dev/null}) to main.stopHere. */
  static DebuggerState runToStop(Target target) {
    target.createBreakpoint(BreakpointSpec.atFunction("main.stopHere"));
    DebuggerState stop = target.resume();
    assertEquals(new StopReason.BreakpointHit(), stop.stopReason().orElseThrow());
    return stop;
  }

  /** Returns the goroutine whose start function is {@code function}. */
  static Goroutine startedIn(Target target, String function) {
    return target.goroutines().stream()
        .filter(g -> g.startLocation().function().map(Function::name).orElse("")
            .equals(function))
        .findFirst().orElseThrow(() -> new AssertionError("no goroutine starts in " + function));
  }

  /** Returns a location as {@code file:line function}. */
  static String where(Location at) {
    return at.file() + ":" + at.line() + " " + at.function().map(Function::name).orElse("?");
  }

  /** Returns the marked line {@code name} of main.go with a function, as {@link #where}. */
  static String marked(String name, String function) {
    return SRC.at(name) + " " + function;
  }
}
