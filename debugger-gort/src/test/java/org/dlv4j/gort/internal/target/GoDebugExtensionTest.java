package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.dlv4j.api.Target;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes under {@link GoDebugExtension}; checks what it injects and reports. */
@Timeout(120)
class GoDebugExtensionTest {
  /** Where the cases below leave their pids for the checks. */
  static volatile int lastPid;
  /**
   * Set while this test runs {@link GoDebugExtensionCases}, which are skipped when something
   * else finds them.
   */
  static volatile boolean runningCases;

  @Test
  void injectedTargetsAreKilledAfterTheTest() {
    TestExecutionSummary summary = run("usesAnInjectedTarget", Target.class);

    assertEquals(0, summary.getTotalFailureCount(), failures(summary));
    assertEquals(1, summary.getTestsSucceededCount());
    assertTrue(ProcessHandle.of(lastPid).isEmpty(), "process " + lastPid + " outlived the test");
  }

  @Test
  void aTargetLeftOpenFailsTheTestAndIsNamed() {
    TestExecutionSummary summary = run("leaksATarget", GoDebugSession.class);

    assertEquals(1, summary.getTotalFailureCount());
    String message = summary.getFailures().get(0).getException().getMessage();
    assertEquals("processes still traced by this JVM after the test: [" + lastPid
        + "] (close every Target, or make them through GoDebugSession)", message);
    GoDebugExtensionCases.leaked.close();
    assertTrue(ProcessHandle.of(lastPid).isEmpty(), "process " + lastPid + " still runs");
  }

  private static TestExecutionSummary run(String method, Class<?> parameter) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(GoDebugExtensionCases.class, method, parameter.getName()))
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    runningCases = true;
    try {
      launcher.execute(request, listener);
    } finally {
      runningCases = false;
    }
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary summary) {
    return summary.getFailures().stream().map(f -> String.valueOf(f.getException()))
        .toList().toString();
  }
}
