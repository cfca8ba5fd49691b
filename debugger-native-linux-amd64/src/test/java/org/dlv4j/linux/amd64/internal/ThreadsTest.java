package org.dlv4j.linux.amd64.internal;

import static org.dlv4j.linux.amd64.internal.Targets.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.junit.BackendWaits;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.ProcFs;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thread tracking (clone events), halting from another Java thread, stopping all threads, kill,
 * tracer-thread discipline.
 */
@ExtendWith(NoLeakedProcesses.class)
@Timeout(60)
class ThreadsTest {
  private static final Path SPIN = GoBuild.fixture("ptrace-spin").build();

  @Test
  void followsClonesHaltsFromAnotherThreadAndStopsAll() throws Exception {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(SPIN).withStdout(Stdio.pipe()))) {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.stdout().orElseThrow(), StandardCharsets.UTF_8));
      for (int round = 0; round < 3; round++) {
        CompletableFuture<WaitEvent> halted = CompletableFuture.supplyAsync(
            () -> p.onTracer(() -> BackendWaits.runUntilHalt(p)));
        if (round == 0) {
          assertEquals("ready", out.readLine()); // every goroutine is spinning now
        } else {
          Thread.sleep(100);
        }
        assertFalse(halted.isDone());
        p.requestHalt(); // from this (non-tracer) thread
        WaitEvent event = halted.get(20, TimeUnit.SECONDS);
        assertTrue(event instanceof WaitEvent.HaltRequested, event.toString());
        List<WaitEvent> stops = p.onTracer(p::stopAll);
        assertTrue(stops.stream().allMatch(e -> e instanceof WaitEvent.Signal
            || e instanceof WaitEvent.ThreadExited), stops.toString());
        List<ThreadBackend> threads = p.onTracer(p::threads);
        assertEquals(ProcFs.tasks(p.pid()), threads.stream().map(ThreadBackend::tid).sorted()
            .toList());
        assertTrue(threads.size() >= 5, "GOMAXPROCS=4 plus sysmon: " + threads.size());
        assertEquals(p.pid(), threads.get(0).tid());
        for (ThreadBackend t : threads) {
          assertTrue(t.isStopped());
          assertEquals('t', ProcFs.state(t.tid()), "thread " + t.tid());
          long pc = p.onTracer(() -> t.registers().pc());
          assertTrue(pc > 0x400000, Long.toHexString(pc));
        }
        p.onTracer(() -> {
          p.resumeAll();
          return null;
        });
      }
      p.kill();
      assertFalse(p.isAlive());
      assertThrows(TargetExitedException.class, () -> p.onTracer(p::threads));
    }
  }

  @Test
  void stopAllReportsTheTrapsOfThreadsThatHitABreakpointMeanwhile() throws Exception {
    long add = GoNm.address(SPIN, "sync/atomic.(*Uint64).Add"); // every spinner calls it
    try (ProcessBackend p = haltedWhenReady(SPIN)) { // each spinner ends at the breakpoint
      p.onTracer(() -> {
        p.stopAll();
        p.writeText(add, new byte[] {(byte) 0xCC});
        p.resumeAll();
        WaitEvent.Trap first = BackendWaits.nextTrap(p);
        assertEquals(add, first.thread().registers().pc() - 1);
        Thread.sleep(500); // the other spinners reach the breakpoint too, and wait there
        List<WaitEvent.Trap> traps = p.stopAll().stream()
            .filter(e -> e instanceof WaitEvent.Trap).map(e -> (WaitEvent.Trap) e).toList();
        assertEquals(3, traps.size(), "traps of the other spinners: " + traps);
        for (WaitEvent.Trap t : traps) {
          assertTrue(t.isBreakpoint());
          assertTrue(t.thread() != first.thread());
          assertEquals(add, t.thread().registers().pc() - 1);
        }
        assertTrue(p.threads().stream().allMatch(ThreadBackend::isStopped));
        return null;
      });
      p.kill();
    }
  }

  /**
   * A thread that executes a breakpoint instruction just as stopAll's interrupt reaches it
   * reports the interrupt first (the kernel takes job-control traps before queued signals),
   * with its PC past the instruction and the SIGTRAP still queued; stopAll must report that
   * trap too. Eight threads run into one breakpoint every few microseconds (testdata/
   * overtaken-trap), and each of 3000 rounds stops the world as soon as one of them traps,
   * every few hundred rounds while another one is trapping: no thread may ever stand past the
   * breakpoint without its trap reported.
   */
  @Test
  void stopAllReportsATrapItsInterruptOvertook() throws Exception {
    Path program = GoBuild.fixture("overtaken-trap").build();
    long tick = GoNm.address(program, "main.tick");
    try (ProcessBackend p = haltedWhenReady(program)) { // only traps and the interrupts
      p.onTracer(() -> {
        p.stopAll();
        byte[] original = new byte[1];
        p.memory().readFully(tick, original, 0, 1);
        byte[] breakpoint = {(byte) 0xCC};
        p.writeText(tick, breakpoint);
        for (int round = 0; round < 3000; round++) {
          p.resumeAll();
          WaitEvent.Trap first = BackendWaits.nextTrap(p);
          List<ThreadBackend> trapped = new ArrayList<>(List.of(first.thread()));
          for (WaitEvent e : p.stopAll()) {
            if (e instanceof WaitEvent.Trap t) {
              trapped.add(t.thread());
            } // a signal stays pending for the next resumeAll
          }
          for (ThreadBackend t : p.threads()) {
            long pc = t.registers().pc();
            assertEquals(trapped.contains(t), pc == tick + 1, "round " + round + ": thread "
                + t.tid() + " at 0x" + Long.toHexString(pc) + ", traps reported: " + trapped);
          }
          for (ThreadBackend t : trapped) { // step each over the breakpoint, the others stopped
            t.setPc(tick);
            p.writeText(tick, original);
            assertTrue(p.singleStep(t) instanceof WaitEvent.Trap);
            p.writeText(tick, breakpoint);
            if (t.registers().pc() == tick + 1) { // a one-byte instruction (PUSHQ BP): leave
              assertTrue(p.singleStep(t) instanceof WaitEvent.Trap); // only trapped ones there
            }
          }
        }
        return null;
      });
      p.kill();
    }
  }

  @Test
  void tracerOnlyMethodsRefuseOtherThreads() {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(SPIN).withStdout(Stdio.pipe()))) {
      assertThrows(IllegalStateException.class, p::threads);
      assertThrows(IllegalStateException.class, p::waitEvent);
      assertThrows(IllegalStateException.class, p::resumeAll);
      ThreadBackend t = p.onTracer(() -> p.threads().get(0));
      assertThrows(IllegalStateException.class, t::registers);
      assertThrows(IllegalStateException.class, () -> p.singleStep(t));
      assertThrows(IllegalStateException.class, () -> p.writeText(0x401000, new byte[1]));
    }
  }

  @Test
  void waitEventWithEveryThreadStoppedFailsInsteadOfHanging() {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(SPIN).withStdout(Stdio.pipe()))) {
      assertThrows(IllegalStateException.class, () -> p.onTracer(p::waitEvent));
    }
  }

  @Test
  void killWhileTheTracerWaitsEndsTheWait() throws Exception {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(SPIN).withStdout(Stdio.pipe()))) {
      CompletableFuture<WaitEvent> waiting = CompletableFuture.supplyAsync(
          () -> p.onTracer(() -> BackendWaits.runUntilHalt(p)));
      new BufferedReader(new InputStreamReader(p.stdout().orElseThrow())).readLine();
      p.kill();
      assertEquals(new WaitEvent.Killed(9), waiting.get(20, TimeUnit.SECONDS));
      assertFalse(p.isAlive());
    }
  }

  @Test
  void aHaltEndsAStepThatBlocksInASystemCall() throws Exception {
    Path hello = GoBuild.fixture("ptrace-hello").build();
    ProcessSpec spec = ProcessSpec.of(hello, "cat").withStdin(Stdio.pipe())
        .withStdout(Stdio.pipe());
    try (ProcessBackend p = PROVIDER.launch(spec)) {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.stdout().orElseThrow(), StandardCharsets.UTF_8));
      CompletableFuture<WaitEvent> running = CompletableFuture.supplyAsync(
          () -> p.onTracer(() -> BackendWaits.runUntilHalt(p)));
      assertEquals("arg: cat", out.readLine()); // next: a blocking read(0) of the empty pipe
      Thread.sleep(200);
      p.requestHalt();
      assertTrue(running.get(20, TimeUnit.SECONDS) instanceof WaitEvent.HaltRequested);
      ThreadBackend reader = p.onTracer(() -> {
        p.stopAll();
        for (ThreadBackend t : p.threads()) {
          var r = t.registers();
          byte[] before = new byte[2];
          p.memory().readFully(r.pc() - 2, before, 0, 2);
          if (r.value("orig_rax").orElseThrow() == 0 && before[0] == 0x0f && before[1] == 0x05) {
            return t; // interrupted in read(2), right after its syscall instruction
          }
        }
        throw new AssertionError("no thread blocked in read(2)");
      });
      CompletableFuture<WaitEvent> step = CompletableFuture.supplyAsync(
          () -> p.onTracer(() -> p.singleStep(reader)));
      Thread.sleep(300);
      assertFalse(step.isDone(), "the restarted read(2) blocks the step");
      p.requestHalt();
      // The SIGSTOP interrupts read(2); the step then ends at the system call's exit (the
      // kernel's trap there is TRAP_BRKPT, reported as the step's TRAP_TRACE), and the halt
      // itself is reported when the thread next runs.
      assertEquals(new WaitEvent.Trap(reader, WaitEvent.Trap.TRAP_TRACE),
          step.get(20, TimeUnit.SECONDS));
      assertEquals(new WaitEvent.HaltRequested(reader), p.onTracer(() -> {
        p.resume(reader, 0);
        return p.waitEvent();
      }));
      try (var in = p.stdin().orElseThrow()) {
        in.write("through the pipe\n".getBytes(StandardCharsets.UTF_8));
      }
      assertEquals(new WaitEvent.Exited(0), p.onTracer(() -> BackendWaits.runToEnd(p)));
      assertEquals("through the pipe", out.readLine());
    }
  }

  /**
   * Launches a program that prints "ready" once its goroutines spin, without asynchronous
   * preemption (so no SIGURG stops), and halts it once it is ready.
   */
  private static ProcessBackend haltedWhenReady(Path program) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("GODEBUG", "asyncpreemptoff=1");
    ProcessBackend p = PROVIDER.launch(
        ProcessSpec.of(program).withEnvironment(env).withStdout(Stdio.pipe()));
    try {
      CompletableFuture<WaitEvent> running = CompletableFuture.supplyAsync(
          () -> p.onTracer(() -> BackendWaits.runUntilHalt(p)));
      assertEquals("ready", new BufferedReader(new InputStreamReader(p.stdout().orElseThrow()))
          .readLine());
      p.requestHalt();
      running.get(20, TimeUnit.SECONDS);
      return p;
    } catch (Exception | Error e) {
      p.close();
      throw e;
    }
  }
}
