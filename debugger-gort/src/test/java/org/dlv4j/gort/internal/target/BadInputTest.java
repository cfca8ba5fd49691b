package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.LaunchException;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.api.NoSuchProcessException;
import org.dlv4j.api.NoSuchThreadException;
import org.dlv4j.api.PermissionDeniedException;
import org.dlv4j.api.Target;
import org.dlv4j.api.TargetDetachedException;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every bad request is a typed exception naming the pid or path, never a hang. */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class BadInputTest {
  @Test
  void missingFile(GoDebugSession session) {
    Path missing = Path.of("/nonexistent/dlv4j/program");
    LaunchException e = assertThrows(LaunchException.class,
        () -> session.launch(LaunchSpec.of(missing)));
    assertEquals("cannot launch " + missing + ": no such file", e.getMessage());
    assertEquals(missing, e.program());
  }

  @Test
  void notAnElfFile(GoDebugSession session, @TempDir Path dir) throws Exception {
    Path script = Files.writeString(dir.resolve("script"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    LaunchException e = assertThrows(LaunchException.class,
        () -> session.launch(LaunchSpec.of(script)));
    assertEquals("cannot launch " + script + ": not an ELF file", e.getMessage());
  }

  @Test
  void aDirectory(GoDebugSession session, @TempDir Path dir) {
    LaunchException e = assertThrows(LaunchException.class,
        () -> session.launch(LaunchSpec.of(dir)));
    assertEquals("cannot launch " + dir + ": is a directory", e.getMessage());
  }

  @Test
  void noExecutePermission(GoDebugSession session, @TempDir Path dir) throws Exception {
    Path copy = Files.copy(session.build("engine-basic"), dir.resolve("engine-basic"));
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> session.launch(LaunchSpec.of(copy)));
    assertEquals("cannot launch " + copy + ": permission denied (not executable)",
        e.getMessage());
  }

  @Test
  void goBuildOfBrokenSources(GoDebugSession session, @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("go.mod"), "module broken\n\ngo 1.22\n");
    Files.writeString(dir.resolve("main.go"), "package main\n\nfunc main() { undefined() }\n");
    LaunchException e = assertThrows(LaunchException.class,
        () -> session.launch(LaunchSpec.goBuild(dir)));
    assertTrue(e.getMessage().startsWith("cannot launch " + dir + ": go build -o "),
        e.getMessage());
    assertTrue(e.getMessage().contains("undefined: undefined"), e.getMessage());
    assertEquals(dir, e.program());
  }

  @Test
  void goBuildOfAMissingDirectory(GoDebugSession session) {
    Path missing = Path.of("/nonexistent/dlv4j/pkg");
    LaunchException e = assertThrows(LaunchException.class,
        () -> session.launch(LaunchSpec.goBuild(missing)));
    assertEquals("cannot launch " + missing + ": no such package directory", e.getMessage());
  }

  @Test
  void nonexistentPid(GoDebugSession session) {
    int missing = (1 << 22) + 1; // above PID_MAX_LIMIT: never a process
    NoSuchProcessException e = assertThrows(NoSuchProcessException.class,
        () -> session.attach(missing));
    assertEquals(missing, e.pid());
    assertTrue(e.getMessage().contains("no such process " + missing), e.getMessage());
  }

  @Test
  void ourOwnLaunchedTargetCannotBeAttachedFromASecondDebugger(
      @GoProgram(value = "engine-spin", pipeOutput = true) Target target) {
    DebuggerException e = assertThrows(DebuggerException.class,
        () -> Debugger.create().attach(target.pid()));
    assertTrue(e.getMessage().startsWith("cannot attach to process " + target.pid() + ": "),
        e.getMessage());
    assertEquals(1, target.threads().size()); // still ours, still stopped
    assertEquals("launched", target.state().stopReason().orElseThrow().name());
  }

  @Test
  void unknownThreadIds(@GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    NoSuchThreadException step = assertThrows(NoSuchThreadException.class,
        () -> target.stepInstruction(target.pid() + 100_000));
    assertEquals("no thread " + (target.pid() + 100_000) + " in process " + target.pid(),
        step.getMessage());
    assertThrows(NoSuchThreadException.class, () -> target.thread(-1));
  }

  @Test
  void operationsAfterExitNameThePidAndStatus(
      @GoProgram(value = "engine-basic", args = "exit=5", pipeOutput = true) Target target) {
    long work = GoNm.address(target.executable(), "main.work", "Tt");
    assertEquals(OptionalInt.of(5), target.resume().exitStatus());
    int pid = target.pid();

    TargetExitedException e = assertThrows(TargetExitedException.class, target::resume);
    assertEquals("cannot continue: process " + pid + " has exited with status 5",
        e.getMessage());
    assertEquals(5, e.exitStatus());
    assertEquals(pid, e.pid());
    assertEquals("cannot create breakpoint: process " + pid + " has exited with status 5",
        assertThrows(TargetExitedException.class,
            () -> target.createBreakpoint(BreakpointSpec.atAddress(work))).getMessage());
    assertThrows(TargetExitedException.class, () -> target.readMemory(work, 1));
    assertThrows(TargetExitedException.class, () -> target.writeMemory(work, new byte[1]));
    assertThrows(TargetExitedException.class, target::threads);
    assertThrows(TargetExitedException.class, () -> target.stepInstruction(pid));
    assertEquals(List.of(), target.breakpoints());
    target.kill(); // nothing left to kill
    assertEquals(OptionalInt.of(5), target.state().exitStatus());
  }

  @Test
  void operationsAfterDetach(@GoProgram(value = "engine-basic", pipeOutput = true)
      Target target) {
    target.detach();
    target.detach(); // again: nothing to do

    int pid = target.pid();
    assertEquals("cannot continue: detached from process " + pid,
        assertThrows(TargetDetachedException.class, target::resume).getMessage());
    assertThrows(TargetDetachedException.class, target::state);
    assertThrows(TargetDetachedException.class, target::breakpoints);
    assertThrows(TargetDetachedException.class, target::kill);
    assertThrows(TargetDetachedException.class, () -> target.readMemory(0, 1));
  }

  @Test
  void unmappedMemory(@GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    MemoryAccessException e = assertThrows(MemoryAccessException.class,
        () -> target.readMemory(16, 8));
    assertTrue(e.getMessage().startsWith("cannot read 8 bytes at 0x10 in process "
        + target.pid() + ": "), e.getMessage());
    assertEquals(16, e.address());
    assertEquals(target.pid(), e.pid());
    MemoryAccessException bp = assertThrows(MemoryAccessException.class,
        () -> target.createBreakpoint(BreakpointSpec.atAddress(16)));
    assertEquals(16, bp.address());
    assertEquals(List.of(), target.breakpoints());
    assertThrows(IllegalArgumentException.class, () -> target.readMemory(16, -1));
  }
}
