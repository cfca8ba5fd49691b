package org.dlv4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The extension's callbacks called directly, around a shell that announces itself. */
class AttachableProgramExtensionTest {
  private static final Path SH = Path.of("/bin/sh");

  @Test
  void startsBeforeAndKillsAfterEachTest() throws Exception {
    AttachableProgramExtension ext = AttachableProgramExtension.of(SH, "-c", "echo ready; exec sleep 30")
        .readyWhen("ready");
    assertThrows(IllegalStateException.class, ext::pid);
    ext.beforeEach(null);
    int pid = ext.pid();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!ProcFs.status(pid).orElseThrow().get("Name").equals("sleep")) { // the program's exec
      assertTrue(System.nanoTime() < deadline, "the program never became sleep");
      Thread.sleep(5);
    }
    assertEquals(ProcessHandle.current().pid(), ProcessHandle.of(pid).orElseThrow().parent()
        .flatMap(ProcessHandle::parent).orElseThrow().pid(), "a grandchild, through the shell");
    ext.afterEach(null);
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertThrows(IllegalStateException.class, ext::program);
  }

  @Test
  void anotherFirstLineFailsTheTestAndLeavesNothingRunning() throws Exception {
    AttachableProgramExtension ext = AttachableProgramExtension.of(SH, "-c", "echo starting; exec sleep 30")
        .readyWhen("ready");
    AssertionError e = assertThrows(AssertionError.class, () -> ext.beforeEach(null));
    assertEquals("/bin/sh printed \"starting\" instead of \"ready\"", e.getMessage());
    assertThrows(IllegalStateException.class, ext::pid);
    assertTrue(ProcessHandle.current().descendants().noneMatch(h -> h.isAlive()
        && h.info().command().orElse("").endsWith("/sleep")), "the program was killed");
  }
}
