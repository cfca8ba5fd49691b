package org.dlv4j.linux.amd64.internal;

import static org.dlv4j.linux.amd64.internal.Targets.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dlv4j.junit.BackendWaits;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.dlv4j.spi.TargetBackendProvider;

/**
 * Launching real Go programs: first instruction, breakpoint and step, arguments, environment,
 * stdio, exit codes, panics, signals.
 */
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
    long mainMain = GoNm.address(HELLO, "main.main");
    ProcessSpec spec = ProcessSpec.of(HELLO, "exit=7").withStdout(Stdio.pipe());
    try (ProcessBackend p = PROVIDER.launch(spec)) {
      WaitEvent end = p.onTracer(() -> {
        byte[] original = new byte[1];
        p.memory().readFully(mainMain, original, 0, 1);
        p.writeText(mainMain, new byte[] {(byte) 0xCC});
        p.resumeAll();
        WaitEvent.Trap trap = BackendWaits.nextTrap(p);
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
        return BackendWaits.runToEnd(p);
      });
      assertEquals(new WaitEvent.Exited(7), end);
      assertTrue(GoTools.readAll(p.stdout().orElseThrow()).contains("arg: exit=7\n"));
    }
  }

  @Test
  void serviceLoaderFindsTheProviderForThisHost() {
    TargetBackendProvider found = ServiceLoader.load(TargetBackendProvider.class).findFirst()
        .orElseThrow();
    assertTrue(found instanceof Amd64BackendProvider);
    assertTrue(found.supportsHost());
    assertEquals("amd64", found.arch().name());
  }

  @Test
  void argumentsEnvironmentAndWorkingDirectoryReachTheProgramExactly(@TempDir Path dir) {
    Map<String, String> env = Map.of("DLV4J_A", "one", "DLV4J_B", "two words", "PATH", "/bin");
    ProcessSpec spec = ProcessSpec.of(HELLO, "first", "with space", "", "exit=3")
        .withEnvironment(env).withWorkingDirectory(dir).withStdout(Stdio.pipe());
    try (ProcessBackend p = PROVIDER.launch(spec)) {
      assertEquals(new WaitEvent.Exited(3), p.onTracer(() -> BackendWaits.runToEnd(p)));
      List<String> lines = GoTools.readAll(p.stdout().orElseThrow()).lines().toList();
      assertEquals(List.of("arg: first", "arg: with space", "arg: ", "arg: exit=3"),
          lines.stream().filter(l -> l.startsWith("arg:")).toList());
      Map<String, String> seen = lines.stream().filter(l -> l.startsWith("env: "))
          .map(l -> l.substring(5).split("=", 2))
          .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> a, TreeMap::new));
      assertEquals(new TreeMap<>(env), seen);
      assertTrue(lines.contains("cwd: " + dir), lines.toString());
    }
  }

  @Test
  void aPwdVariableIsPassedAsGivenNotAsTheShellSetsIt(@TempDir Path dir) {
    Map<String, String> env = Map.of("PWD", "/not/the/real/one");
    ProcessSpec spec = ProcessSpec.of(HELLO, "x").withEnvironment(env).withWorkingDirectory(dir)
        .withStdout(Stdio.pipe());
    try (ProcessBackend p = PROVIDER.launch(spec)) {
      assertEquals(new WaitEvent.Exited(0), p.onTracer(() -> BackendWaits.runToEnd(p)));
      List<String> lines = GoTools.readAll(p.stdout().orElseThrow()).lines().toList();
      assertEquals(List.of("arg: x", "env: PWD=/not/the/real/one"),
          lines.stream().filter(l -> l.startsWith("arg:") || l.startsWith("env:")).toList());
    }
  }

  @Test
  void exitCodeZero() {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      assertEquals(new WaitEvent.Exited(0), p.onTracer(() -> BackendWaits.runToEnd(p)));
      assertTrue(!p.isAlive());
    }
  }

  @Test
  void stdinFromPipeAndStdoutToFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out.txt");
    Files.writeString(out, "old\n");
    ProcessSpec spec = ProcessSpec.of(HELLO, "cat").withStdin(Stdio.pipe())
        .withStdout(new Stdio.ToFile(out, true));
    try (ProcessBackend p = PROVIDER.launch(spec)) {
      try (OutputStream in = p.stdin().orElseThrow()) {
        in.write("piped line\n".getBytes(StandardCharsets.UTF_8));
      }
      assertEquals(new WaitEvent.Exited(0), p.onTracer(() -> BackendWaits.runToEnd(p)));
    }
    String text = Files.readString(out);
    assertTrue(text.startsWith("old\narg: cat\npiped line\nenv: "), text);
  }

  @Test
  void stdinFromFileAndTruncatedOutputFile(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.txt");
    Path out = dir.resolve("out.txt");
    Files.writeString(in, "from a file\n");
    Files.writeString(out, "to be truncated\n");
    ProcessSpec spec = ProcessSpec.of(HELLO, "cat").withStdin(new Stdio.FromFile(in))
        .withStdout(new Stdio.ToFile(out, false));
    try (ProcessBackend p = PROVIDER.launch(spec)) {
      assertEquals(new WaitEvent.Exited(0), p.onTracer(() -> BackendWaits.runToEnd(p)));
    }
    assertTrue(Files.readString(out).startsWith("arg: cat\nfrom a file\n"));
  }

  @Test
  void panickingProgramExitsWithStatus2AndThePanicOnStderr() {
    Path panic = GoBuild.fixture("ptrace-panic").build();
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(panic).withStderr(Stdio.pipe()))) {
      assertEquals(new WaitEvent.Exited(2), p.onTracer(() -> BackendWaits.runToEnd(p)));
      String err = GoTools.readAll(p.stderr().orElseThrow());
      assertTrue(err.startsWith("panic: dlv4j fixture panic"), err);
      assertTrue(err.contains("main.main()"), err);
    }
  }

  @Test
  void signalIsReportedAndPassedBackToTheProgram() {
    Path signal = GoBuild.fixture("ptrace-signal").build();
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(signal).withStdout(Stdio.pipe()))) {
      List<Integer> signals = new java.util.ArrayList<>();
      WaitEvent end = p.onTracer(() -> {
        p.resumeAll();
        while (true) {
          WaitEvent e = p.waitEvent();
          if (e instanceof WaitEvent.Signal s) {
            signals.add(s.signo());
            p.resume(s.thread(), s.signo());
          } else if (!(e instanceof WaitEvent.ThreadExited)) {
            return e;
          }
        }
      });
      assertEquals(new WaitEvent.Exited(0), end);
      assertTrue(signals.contains(10), "SIGUSR1 not reported: " + signals);
      assertEquals("got user defined signal 1\n", GoTools.readAll(p.stdout().orElseThrow()));
    }
  }
}
