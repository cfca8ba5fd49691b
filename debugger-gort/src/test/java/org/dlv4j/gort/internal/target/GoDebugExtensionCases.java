package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Redirect;
import org.dlv4j.api.Target;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class {@link GoDebugExtensionTest} runs through the JUnit launcher; disabled when
 * found otherwise (e.g. by -Dtest). Its name is not a test class name, so surefire leaves it out.
 */
@ExtendWith(GoDebugExtension.class)
@EnabledIf("runByTheOuterTest")
final class GoDebugExtensionCases {
  static boolean runByTheOuterTest() {
    return GoDebugExtensionTest.runningCases;
  }

  static Target leaked;

  @Test
  void usesAnInjectedTarget(@GoProgram(value = "engine-spin", pipeOutput = true)
      Target target) {
    GoDebugExtensionTest.lastPid = target.pid();
    assertEquals(List.of(target.pid()), target.threads().stream().map(t -> t.id()).toList());
  }

  @Test
  void leaksATarget(GoDebugSession session) {
    Path spin = GoBuild.fixture("engine-spin").build();
    leaked = Debugger.create().launch(LaunchSpec.of(spin).withStdout(Redirect.PIPE));
    GoDebugExtensionTest.lastPid = leaked.pid();
    assertTrue(session.debugger() != null);
  }
}
