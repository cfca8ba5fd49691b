package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Environment;
import org.dlv4j.api.Event;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Redirect;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class LaunchTest {
  @Test
  void launchStopsAtTheEntryPointWithOneThread(@GoProgram("engine-basic") Target target) {
    DebuggerState state = target.state();
    long entry;
    try (ElfFile elf = ElfFile.open(target.executable())) {
      entry = elf.entry();
    }
    assertEquals(new StopReason.Launched(), state.stopReason().orElseThrow());
    assertEquals(1, state.threads().size());
    assertEquals(target.pid(), state.threads().get(0).id());
    assertEquals(target.pid(), state.currentThread().orElseThrow().id());
    assertEquals(entry, state.threads().get(0).pc());
    assertEquals(entry, state.threads().get(0).registers().get("rip").orElseThrow().longValue());
    assertTrue(target.launched());
  }

  @Test
  void argumentsEnvironmentAndWorkingDirectoryReachTheProgram(GoDebugSession session,
      @TempDir Path dir) throws Exception {
    LaunchSpec spec = LaunchSpec.of(session.build("engine-basic"), "first arg", "", "exit=7")
        .withEnvironment(Environment.inherit().with("ENGINE_VAR", "a value=with equals"))
        .withWorkingDirectory(dir).withStdout(Redirect.PIPE).withStderr(Redirect.PIPE);
    Target target = session.launch(spec);
    EventLog log = new EventLog();
    target.addListener(log);

    DebuggerState end = target.resume();

    assertEquals(DebuggerState.exited(target.pid(), new StopReason.Exited(7, OptionalInt.empty())),
        end);
    log.awaitEvent(Event.Exited.class);
    assertEquals("arg: first arg\narg: \narg: exit=7\nenv: a value=with equals\ncwd: "
        + dir.toRealPath() + "\nsum: 9\n", log.output(Event.Output.Stream.STDOUT));
    assertEquals(List.of("Resumed", "Output", "Exited"), log.kinds());
    assertEquals(new Event.Exited(target.pid(), 7, OptionalInt.empty()), log.events().get(
        log.events().size() - 1));
  }

  @Test
  void exitedTargetReportsItsStatusOnEveryLaterResume(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    DebuggerState end = target.resume();

    assertEquals(OptionalInt.of(0), end.exitStatus());
    assertEquals(end, target.state());
    assertTrue(end.threads().isEmpty());
  }

  @Test
  void panickingProgramExitsWithStatus2(GoDebugSession session) throws Exception {
    Target target = session.launch(LaunchSpec.of(session.build("engine-panic"))
        .withStderr(Redirect.PIPE));
    EventLog log = new EventLog();
    target.addListener(log);

    assertEquals(OptionalInt.of(2), target.resume().exitStatus());
    log.awaitEvent(Event.Exited.class);
    assertTrue(log.output(Event.Output.Stream.STDERR).startsWith(
        "panic: engine fixture panic: boom\n"), log.output(Event.Output.Stream.STDERR));
  }

  @Test
  void stdinPipeAndOutputFiles(GoDebugSession session, @TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.txt");
    Files.writeString(out, "old\n");
    Target target = session.launch(LaunchSpec.of(session.build("engine-basic"), "loops=1")
        .withStdin(Redirect.PIPE).withStdout(Redirect.appendTo(out)));
    OutputStream stdin = target.stdin().orElseThrow();
    stdin.close();

    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
    assertEquals("old\narg: loops=1\ncwd: " + Path.of("").toAbsolutePath() + "\nsum: 1\n",
        Files.readString(out, StandardCharsets.UTF_8));
  }

  @Test
  void goBuildBuildsRunsAndDeletesTheBinary(GoDebugSession session) throws Exception {
    Target target = session.launch(LaunchSpec.goBuild(GoBuild.testdataRoot()
        .resolve("engine-basic")).withArgs("exit=3").withStdout(Redirect.PIPE));
    Path binary = target.executable();
    assertTrue(Files.isExecutable(binary), binary.toString());
    assertTrue(binary.getFileName().toString().equals("engine-basic"), binary.toString());

    assertEquals(OptionalInt.of(3), target.resume().exitStatus());
    target.detach();

    assertFalse(Files.exists(binary), binary + " still exists");
    assertFalse(Files.exists(binary.getParent()), binary.getParent() + " still exists");
  }

  @Test
  void goTestBuildsTheTestBinary(GoDebugSession session) throws Exception {
    Target target = session.launch(LaunchSpec.goTest(GoBuild.testdataRoot()
        .resolve("engine-gotest")).withArgs("-test.run=TestAdd", "-test.v")
        .withStdout(Redirect.PIPE));
    EventLog log = new EventLog();
    target.addListener(log);
    Path binary = target.executable();

    assertEquals(OptionalInt.of(0), target.resume().exitStatus());
    log.awaitEvent(Event.Exited.class);
    assertTrue(log.output(Event.Output.Stream.STDOUT).contains("TestAdd ran\n"),
        log.output(Event.Output.Stream.STDOUT));
    target.close();
    assertFalse(Files.exists(binary));
  }
}
