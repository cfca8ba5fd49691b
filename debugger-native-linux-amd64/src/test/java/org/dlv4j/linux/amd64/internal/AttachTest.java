package org.dlv4j.linux.amd64.internal;

import static org.dlv4j.linux.amd64.internal.Targets.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.NoSuchProcessException;
import org.dlv4j.api.PermissionDeniedException;
import org.dlv4j.junit.AttachableProgramExtension;
import org.dlv4j.junit.BackendWaits;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.ProcFs;
import org.dlv4j.linux.internal.sys.LibC;
import org.dlv4j.linux.internal.sys.Signals;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Attaches to ptrace-spin started separately. It runs as a grandchild (through a shell that
 * waits for it), so the JDK's process reaper, which waits for the shell, never sees its ptrace
 * stops.
 */
@ExtendWith(NoLeakedProcesses.class)
@Timeout(60)
class AttachTest {
  private static final Path SPIN = GoBuild.fixture("ptrace-spin").build();

  @RegisterExtension
  final AttachableProgramExtension spinner = AttachableProgramExtension.of(SPIN).readyWhen("ready");

  @Test
  void attachStopsEveryThreadReadsMemoryAndDetachLeavesItRunning() throws Exception {
    int pid = spinner.pid();
    long[] text = GoTools.section(SPIN, ".text");
    byte[] fileText = new byte[(int) text[2]];
    try (RandomAccessFile f = new RandomAccessFile(SPIN.toFile(), "r")) {
      f.seek(text[1]);
      f.readFully(fileText);
    }
    try (ProcessBackend p = PROVIDER.attach(pid)) {
      assertFalse(p.launched());
      var threads = p.onTracer(p::threads);
      assertEquals(ProcFs.tasks(pid), threads.stream().map(ThreadBackend::tid).sorted().toList());
      assertTrue(threads.size() >= 5, threads.toString());
      for (ThreadBackend t : threads) {
        assertTrue(t.isStopped());
        assertEquals('t', ProcFs.state(t.tid()));
      }
      byte[] memText = new byte[fileText.length];
      p.memory().readFully(text[0], memText, 0, memText.length);
      assertArrayEquals(fileText, memText);
      p.onTracer(() -> {
        p.detach();
        return null;
      });
      assertFalse(p.isAlive());
      assertThrows(IllegalStateException.class, () -> p.onTracer(p::threads));
    }
    long before = ProcFs.cpuTicks(pid);
    assertRunningUntraced();
    assertTrue(ProcFs.cpuTicks(pid) > before, "still spinning after detach");
  }

  @Test
  void runHaltStopAllAndDetachWhileTheProcessSharesOurProcessGroup() throws Exception {
    try (ProcessBackend p = PROVIDER.attach(spinner.pid())) {
      for (int round = 0; round < 2; round++) {
        CompletableFuture<WaitEvent> halted =
            CompletableFuture.supplyAsync(() -> p.onTracer(() -> BackendWaits.runUntilHalt(p)));
        Thread.sleep(100);
        p.requestHalt();
        WaitEvent e = halted.get(20, TimeUnit.SECONDS);
        assertTrue(e instanceof WaitEvent.HaltRequested, e.toString());
        p.onTracer(() -> p.stopAll());
        for (ThreadBackend t : p.onTracer(p::threads)) {
          assertEquals('t', ProcFs.state(t.tid()));
        }
      }
      p.requestHalt(); // everything is stopped: the SIGSTOP stays pending until detach
      p.onTracer(p::detach);
    }
    assertRunningUntraced();
  }

  /**
   * A thread already in a signal-delivery-stop when stopAll interrupts it keeps the interrupt
   * pending: its next resume ends at once in an interrupt stop. The detach must still deliver
   * (and swallow) the halt's SIGSTOP, or it would stop the whole process once released.
   */
  @Test
  void aHaltPendingAtDetachIsFlushedAlsoBehindAPendingInterrupt() throws Exception {
    int pid = spinner.pid();
    try (ProcessBackend p = PROVIDER.attach(pid)) {
      p.onTracer(p::resumeAll);
      LibC.tgkill(pid, pid, Signals.SIGURG); // not collected yet: the tracer is idle
      awaitState(pid, 't');
      List<WaitEvent> events = p.onTracer(p::stopAll); // interrupts the leader while trapped
      assertTrue(events.stream().anyMatch(e -> e instanceof WaitEvent.Signal s
          && s.thread().tid() == pid && s.signo() == Signals.SIGURG), events.toString());
      p.requestHalt(); // everything is stopped: the SIGSTOP stays pending until detach
      p.onTracer(p::detach);
    }
    assertRunningUntraced();
  }

  @Test
  void aSecondDebuggerIsRefused() {
    int pid = spinner.pid();
    try (ProcessBackend first = PROVIDER.attach(pid)) {
      PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
          () -> PROVIDER.attach(pid));
      assertTrue(e.getMessage().contains("process " + pid), e.getMessage());
      assertTrue(first.isAlive());
    }
  }

  @Test
  void nonexistentPid() {
    int missing = (1 << 22) + 1; // above PID_MAX_LIMIT: can never exist
    NoSuchProcessException e = assertThrows(NoSuchProcessException.class,
        () -> PROVIDER.attach(missing));
    assertEquals(missing, e.pid());
    assertThrows(NoSuchProcessException.class, () -> PROVIDER.attach(-1));
  }

  @Test
  void aThreadIdIsNotAProcessId() throws Exception {
    int pid = spinner.pid();
    int tid = ProcFs.tasks(pid).stream().filter(t -> t != pid).findFirst().orElseThrow();
    DebuggerException e = assertThrows(DebuggerException.class, () -> PROVIDER.attach(tid));
    assertTrue(e.getMessage().contains("thread of process " + pid), e.getMessage());
  }

  @Test
  void aDirectProcessBuilderChildIsRefusedWithTheReason() throws Exception {
    Process child = new ProcessBuilder("sleep", "30").start();
    try {
      DebuggerException e = assertThrows(DebuggerException.class,
          () -> PROVIDER.attach((int) child.pid()));
      assertTrue(e.getMessage().contains("ProcessBuilder"), e.getMessage());
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  private static void awaitState(int tid, char wanted) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (ProcFs.state(tid) != wanted) {
      assertTrue(System.nanoTime() < deadline, "thread " + tid + " never reached " + wanted);
      Thread.sleep(5);
    }
  }

  /** After a while, every thread of the spinner runs or sleeps, traced by nobody. */
  private void assertRunningUntraced() throws InterruptedException {
    Thread.sleep(300);
    for (int tid : ProcFs.tasks(spinner.pid())) {
      char state = ProcFs.state(tid);
      assertTrue(state == 'R' || state == 'S', "thread " + tid + " is " + state);
      assertEquals(0, ProcFs.tracerPid(tid), "thread " + tid);
    }
  }
}
