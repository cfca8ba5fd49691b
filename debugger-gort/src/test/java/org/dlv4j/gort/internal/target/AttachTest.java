package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.PermissionDeniedException;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.AttachableProgramExtension;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.ProcFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Attaches to engine-spin started separately with ProcessBuilder. It runs as a grandchild
 * (through a shell that waits for it), so the JDK's process reaper never sees its stops.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class AttachTest {
  private static final Path SPIN = GoBuild.fixture("engine-spin").build();

  @RegisterExtension
  final AttachableProgramExtension spinner = AttachableProgramExtension.of(SPIN).readyWhen("ready");

  /**
   * Releases the spinner before the extension kills it: a traced process that is killed waits
   * for its tracer.
   */
  @AfterEach
  @Timeout(30)
  void detachFirst(GoDebugSession session) {
    session.close();
  }

  @Test
  void breakpointHitThenDetachLeavesTheProcessRunningWithItsOwnCode(GoDebugSession session)
      throws Exception {
    int pid = spinner.pid();
    long tick = GoNm.address(SPIN, "main.tick", "Tt");
    Target target = session.attach(pid);
    assertFalse(target.launched());
    assertEquals(SPIN, target.executable());
    assertEquals(new StopReason.Attached(), target.state().stopReason().orElseThrow());
    assertEquals(ProcFs.tasks(pid), target.threads().stream().map(t -> t.id()).toList());

    target.createBreakpoint(BreakpointSpec.atAddress(tick));
    DebuggerState state = target.resume();
    assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
    assertEquals(tick, state.currentThread().orElseThrow().pc());
    state = target.resume();
    assertEquals(tick, state.currentThread().orElseThrow().pc());
    assertEquals(2, target.breakpoint(1).orElseThrow().totalHitCount());

    target.detach();

    assertArrayEquals(fileText(), procText(), "text in /proc/" + pid + "/mem differs from "
        + SPIN);
    long before = ProcFs.cpuTicks(pid);
    java.lang.Thread.sleep(300);
    assertTrue(ProcFs.cpuTicks(pid) > before, "not running after detach");
    for (int tid : ProcFs.tasks(pid)) {
      assertEquals(0, ProcFs.tracerPid(tid), "thread " + tid + " still traced");
    }
  }

  @Test
  void detachWhileRunningReleasesTheProcessRunning(GoDebugSession session) throws Exception {
    int pid = spinner.pid();
    Target target = session.attach(pid);
    EventLog log = new EventLog();
    target.addListener(log);
    java.util.concurrent.CompletableFuture<DebuggerState> running =
        java.util.concurrent.CompletableFuture.supplyAsync(target::resume);
    while (!target.state().running()) {
      java.lang.Thread.sleep(5);
    }

    target.detach();

    Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> running.get(10, java.util.concurrent.TimeUnit.SECONDS)).getCause();
    assertEquals("cannot continue: detached from process " + pid, e.getMessage());
    log.awaitEvent(org.dlv4j.api.Event.Detached.class);
    assertEquals(List.of("Resumed", "Detached"), log.kinds());
    assertArrayEquals(fileText(), procText());
    long before = ProcFs.cpuTicks(pid);
    java.lang.Thread.sleep(300);
    assertTrue(ProcFs.cpuTicks(pid) > before, "not running after detach");
    assertEquals(0, ProcFs.tracerPid(pid));
  }

  @Test
  void aSecondDebuggerMayNotAttachToAProcessWeTrace(GoDebugSession session) {
    int pid = spinner.pid();
    Target target = session.attach(pid);

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> Debugger.create().attach(pid));

    assertTrue(e.getMessage().startsWith("cannot attach to process " + pid + ": "),
        e.getMessage());
    assertEquals(new StopReason.Attached(), target.state().stopReason().orElseThrow());
  }

  private static byte[] fileText() {
    try (ElfFile elf = ElfFile.open(SPIN)) {
      Section text = elf.section(".text").orElseThrow();
      return GoTools.fileText(SPIN, text.address(), (int) text.size());
    }
  }

  private byte[] procText() {
    try (ElfFile elf = ElfFile.open(SPIN)) {
      Section text = elf.section(".text").orElseThrow();
      return ProcFs.memory(spinner.pid(), text.address(), (int) text.size());
    }
  }
}
