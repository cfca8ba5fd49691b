package org.dlv4j.linux.amd64.internal;

import static org.dlv4j.linux.amd64.internal.Targets.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import org.dlv4j.junit.BackendWaits;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.dlv4j.linux.internal.ptrace.LinuxProcess;
import org.dlv4j.linux.internal.ptrace.Ptrace;
import org.dlv4j.linux.internal.sys.Signals;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a breakpoint hit costs in ptrace calls, and that the shortcuts behind it stay correct:
 * code words the backend knows are written without a read, except after a data write; traps
 * are classified without PTRACE_GETSIGINFO where the cause is known, and a SIGTRAP sent with
 * kill still reaches the program.
 */
@ExtendWith(NoLeakedProcesses.class)
@Timeout(60)
class BreakpointCostTest {
  private static final Path BASIC = GoBuild.fixture("engine-basic").build();
  private static final Path SIGTRAP = GoBuild.fixture("bpfast-sigtrap").build();
  private static final byte INT3 = (byte) 0xCC;

  @Test
  void aStepOverABreakpointCostsNoReadAndNoSiginfo() throws Exception {
    long work = GoNm.address(BASIC, "main.work");
    ProcessSpec spec = ProcessSpec.of(BASIC, "loops=5").withStdout(Stdio.pipe());
    try (ProcessBackend p = PROVIDER.launch(spec)) {
      LinuxProcess lp = (LinuxProcess) p;
      WaitEvent end = p.onTracer(() -> {
        byte[] original = new byte[1];
        p.memory().readFully(work, original, 0, 1);
        long peeks = lp.ptraceCalls(Ptrace.PEEKDATA);
        p.writeText(work, new byte[] {INT3});
        assertEquals(peeks + 1, lp.ptraceCalls(Ptrace.PEEKDATA), "the first write reads");
        long sigInfos = lp.ptraceCalls(Ptrace.GETSIGINFO);
        long setRegs = lp.ptraceCalls(Ptrace.SETREGS);
        p.resumeAll();
        for (int hit = 1; hit <= 5; hit++) {
          long getRegs = lp.ptraceCalls(Ptrace.GETREGS);
          WaitEvent.Trap trap = BackendWaits.nextTrap(p);
          assertEquals(WaitEvent.Trap.SI_KERNEL, trap.code(), trap.toString());
          ThreadBackend t = trap.thread();
          assertEquals(work + 1, t.registers().pc());
          assertEquals(getRegs + 1, lp.ptraceCalls(Ptrace.GETREGS),
              "the registers read to classify the trap are the ones returned");
          t.setPc(work);
          assertEquals(work, t.registers().pc());
          assertEquals(getRegs + 1, lp.ptraceCalls(Ptrace.GETREGS), "setPc keeps the rest");
          p.writeText(work, original);
          assertEquals(new WaitEvent.Trap(t, WaitEvent.Trap.TRAP_TRACE), p.singleStep(t));
          if (hit < 5) {
            p.writeText(work, new byte[] {INT3});
            p.resumeAll();
          }
        }
        assertEquals(peeks + 1, lp.ptraceCalls(Ptrace.PEEKDATA), "no read after the first");
        assertEquals(sigInfos, lp.ptraceCalls(Ptrace.GETSIGINFO), "no PTRACE_GETSIGINFO");
        assertEquals(setRegs, lp.ptraceCalls(Ptrace.SETREGS), "the PC alone is written");
        assertTextIsTheFile(p, BASIC);
        return BackendWaits.runToEnd(p);
      });
      assertEquals(new WaitEvent.Exited(0), end);
      assertTrue(GoTools.readAll(p.stdout().orElseThrow()).contains("sum: 25\n"));
    }
  }

  @Test
  void aDataWriteIntoAKnownCodeWordIsKept() throws Exception {
    long mainMain = GoNm.address(BASIC, "main.main");
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(BASIC).withStdout(Stdio.pipe()))) {
      LinuxProcess lp = (LinuxProcess) p;
      p.onTracer(() -> {
        byte[] original = new byte[2];
        p.memory().readFully(mainMain, original, 0, 2);
        p.writeText(mainMain, new byte[] {INT3});
        long peeks = lp.ptraceCalls(Ptrace.PEEKDATA);
        // read-only text: process_vm_writev fails, the write goes through /proc/pid/mem
        p.memory().write(mainMain + 1, new byte[] {0x5a});
        p.writeText(mainMain, new byte[] {original[0]});
        assertEquals(peeks + 1, lp.ptraceCalls(Ptrace.PEEKDATA), "the data write is seen");
        byte[] now = new byte[2];
        p.memory().uncached().readFully(mainMain, now, 0, 2);
        assertArrayEquals(new byte[] {original[0], 0x5a}, now);
        p.memory().write(mainMain + 1, new byte[] {original[1]});
        p.writeText(mainMain, new byte[] {INT3});
        p.writeText(mainMain, new byte[] {original[0]});
        assertTextIsTheFile(p, BASIC);
        return null;
      });
    }
  }

  @Test
  void aWriteOfWholeWordsReadsNothing() throws Exception {
    long mainMain = GoNm.address(BASIC, "main.main");
    long aligned = (mainMain + 7) & ~7L;
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(BASIC).withStdout(Stdio.pipe()))) {
      LinuxProcess lp = (LinuxProcess) p;
      p.onTracer(() -> {
        byte[] original = new byte[16];
        p.memory().readFully(aligned, original, 0, 16);
        long peeks = lp.ptraceCalls(Ptrace.PEEKDATA);
        long pokes = lp.ptraceCalls(Ptrace.POKEDATA);
        byte[] traps = new byte[16];
        Arrays.fill(traps, INT3);
        p.writeText(aligned, traps);
        p.writeText(aligned, original);
        assertEquals(peeks, lp.ptraceCalls(Ptrace.PEEKDATA));
        assertEquals(pokes + 4, lp.ptraceCalls(Ptrace.POKEDATA));
        assertTextIsTheFile(p, BASIC);
        return null;
      });
    }
  }

  @Test
  void aSigtrapSentWithKillReachesTheProgramWhileBreakpointsAreHit() {
    long tick = GoNm.address(SIGTRAP, "main.tick");
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(SIGTRAP).withStdout(Stdio.pipe()))) {
      int[] hits = new int[1];
      int[] sigtraps = new int[1];
      WaitEvent end = p.onTracer(() -> {
        byte[] original = new byte[1];
        p.memory().readFully(tick, original, 0, 1);
        p.writeText(tick, new byte[] {INT3});
        p.resumeAll();
        while (true) {
          WaitEvent e = p.waitEvent();
          if (e instanceof WaitEvent.Trap trap) {
            assertTrue(trap.isBreakpoint(), trap.toString());
            ThreadBackend t = trap.thread();
            assertEquals(tick + 1, t.registers().pc());
            hits[0]++;
            t.setPc(tick);
            p.writeText(tick, original);
            p.singleStep(t);
            p.writeText(tick, new byte[] {INT3});
            p.resumeAll();
          } else if (e instanceof WaitEvent.Signal s) {
            if (s.signo() == Signals.SIGTRAP) {
              sigtraps[0]++;
            }
            p.resume(s.thread(), s.signo());
          } else if (!(e instanceof WaitEvent.ThreadExited)) {
            return e;
          }
        }
      });
      assertEquals(new WaitEvent.Exited(0), end);
      assertEquals(3, hits[0]);
      assertEquals(1, sigtraps[0]);
      assertEquals("got trace/breakpoint trap 6\n",
          GoTools.readAll(p.stdout().orElseThrow()));
    }
  }

  /** Compares the process's whole .text with the file's. */
  private static void assertTextIsTheFile(ProcessBackend p, Path binary) throws Exception {
    long[] text = GoTools.section(binary, ".text");
    byte[] file = new byte[(int) text[2]];
    try (RandomAccessFile f = new RandomAccessFile(binary.toFile(), "r")) {
      f.seek(text[1]);
      f.readFully(file);
    }
    byte[] memory = new byte[file.length];
    p.memory().uncached().readFully(text[0], memory, 0, memory.length);
    assertArrayEquals(file, memory);
  }
}
