package org.dlv4j.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /proc of a sleeping child, checked against what the JDK and the ELF format say. */
class ProcFsTest {
  private static final Path SLEEP = Path.of("/bin/sleep");
  private Process sleep;
  private int pid;

  @BeforeEach
  void start() throws Exception {
    sleep = new ProcessBuilder(SLEEP.toString(), "30").start();
    pid = (int) sleep.pid();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (ProcFs.state(pid) != 'S') { // until it sleeps in its own code
      assertTrue(System.nanoTime() < deadline, "never asleep");
      Thread.sleep(5);
    }
  }

  @AfterEach
  void stop() throws Exception {
    sleep.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Test
  void processesTasksAndStatus() {
    assertTrue(ProcFs.processes().contains(pid));
    assertEquals(List.of(pid), ProcFs.tasks(pid));
    Map<String, String> status = ProcFs.status(pid).orElseThrow();
    assertEquals("sleep", status.get("Name"));
    assertEquals(Long.toString(ProcessHandle.current().pid()), status.get("PPid"));
    assertEquals(0, ProcFs.tracerPid(pid));
    assertTrue(ProcFs.tasks((int) ProcessHandle.current().pid()).size() > 1, "the JVM's threads");
    assertTrue(ProcFs.cpuTicks(pid) >= 0);
  }

  @Test
  void theExecutableIsMappedAndItsMemoryStartsWithTheElfMagic() throws Exception {
    Path exe = SLEEP.toRealPath();
    assertEquals(exe, ProcFs.executable(pid));
    ProcFs.Mapping first = ProcFs.mappings(pid).stream()
        .filter(m -> m.path().equals(exe.toString()) && m.offset() == 0).findFirst().orElseThrow();
    assertTrue(first.readable() && first.contains(first.start()) && !first.contains(first.end()));
    assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, ProcFs.memory(pid, first.start(), 4));
    assertTrue(ProcFs.mappings(pid).stream().anyMatch(m -> m.path().equals("[stack]")));
  }

  @Test
  void aProcessThatIsGoneHasNoStatus() throws Exception {
    sleep.destroyForcibly().waitFor();
    assertEquals(Optional.empty(), ProcFs.status(pid));
  }
}
