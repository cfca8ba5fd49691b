package org.dlv4j.linux.amd64.internal;

import static org.dlv4j.linux.amd64.internal.Targets.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedProcesses.class)
@Timeout(60)
class LaunchTest {
  private static final Path HELLO = GoBuild.fixture("ptrace-hello").build();

  @Test
  void launchStopsAtTheElfEntryPointWithOneThread() {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      assertTrue(p.launched());
      long pc = p.onTracer(() -> p.threads().get(0).registers().pc());
      assertEquals(GoTools.entry(HELLO), pc);
      assertEquals(1, p.onTracer(() -> p.threads().size()));
      assertEquals(p.pid(), p.onTracer(() -> p.threads().get(0).tid()));
    }
  }

  @Test
  void breakpointAtMainMainThenStepAndRunToExit() {
    long mainMain = GoTools.symbol(HELLO, "main.main");
    ProcessSpec spec = ProcessSpec.of(HELLO, "exit=7").withStdout(Stdio.pipe());
    try (ProcessBackend p = PROVIDER.launch(spec)) {
      WaitEvent end = p.onTracer(() -> {
        byte[] original = new byte[1];
        p.memory().readFully(mainMain, original, 0, 1);
        p.writeText(mainMain, new byte[] {(byte) 0xCC});
        p.resumeAll();
        WaitEvent.Trap trap = Targets.nextTrap(p);
        assertTrue(trap.isBreakpoint(), trap.toString());
        ThreadBackend t = trap.thread();
        assertEquals(mainMain, t.registers().pc() - 1);
        p.writeText(mainMain, original);
        t.setPc(mainMain);
        assertEquals(mainMain, t.registers().pc());
        WaitEvent step = p.singleStep(t);
        assertTrue(step instanceof WaitEvent.Trap s && s.isSingleStep(), step.toString());
        long after = t.registers().pc();
        assertTrue(after > mainMain && after <= mainMain + 15, Long.toHexString(after));
        return Targets.runToEnd(p);
      });
      assertEquals(new WaitEvent.Exited(7), end);
      assertTrue(GoTools.readAll(p.stdout().orElseThrow()).contains("arg: exit=7\n"));
    }
  }
}
