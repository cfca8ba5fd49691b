package org.dlv4j.linux.amd64.internal;

import static org.dlv4j.linux.amd64.internal.Targets.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.LaunchException;
import org.dlv4j.api.PermissionDeniedException;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Programs and specs that cannot be launched: typed exceptions that name the path. */
@ExtendWith(NoLeakedProcesses.class)
@Timeout(60)
class BadInputTest {
  private static final Path HELLO = GoBuild.fixture("ptrace-hello").build();

  @TempDir
  Path dir;

  @Test
  void missingFile() {
    Path missing = dir.resolve("no-such-program");
    LaunchException e = assertThrows(LaunchException.class,
        () -> PROVIDER.launch(ProcessSpec.of(missing)));
    assertEquals(missing, e.program());
    assertEquals("cannot launch " + missing + ": no such file", e.getMessage());
  }

  @Test
  void directory() {
    LaunchException e = assertThrows(LaunchException.class,
        () -> PROVIDER.launch(ProcessSpec.of(dir)));
    assertEquals("cannot launch " + dir + ": is a directory", e.getMessage());
  }

  @Test
  void notAnElfFile() throws Exception {
    Path script = executable("script.sh", "#!/bin/sh\necho hi\n".getBytes());
    LaunchException e = assertThrows(LaunchException.class,
        () -> PROVIDER.launch(ProcessSpec.of(script)));
    assertEquals("cannot launch " + script + ": not an ELF file", e.getMessage());
    Path empty = executable("empty", new byte[0]);
    assertThrows(LaunchException.class, () -> PROVIDER.launch(ProcessSpec.of(empty)));
  }

  @Test
  void notExecutable() throws Exception {
    Path copy = dir.resolve("hello-noexec");
    Files.copy(HELLO, copy);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> PROVIDER.launch(ProcessSpec.of(copy)));
    assertTrue(e.getMessage().contains(copy.toString()), e.getMessage());
  }

  @Test
  void elfForAnotherMachine() {
    Path arm = GoBuild.fixture("ptrace-hello").env("GOARCH", "arm64").build();
    LaunchException e = assertThrows(LaunchException.class,
        () -> PROVIDER.launch(ProcessSpec.of(arm)));
    assertEquals("cannot launch " + arm + ": ELF machine AArch64 (183) cannot run here"
        + " (need x86-64 (62))", e.getMessage());
  }

  @Test
  void badWorkingDirectoryAndRedirections() {
    Path missing = dir.resolve("missing");
    LaunchException cwd = assertThrows(LaunchException.class,
        () -> PROVIDER.launch(ProcessSpec.of(HELLO).withWorkingDirectory(missing)));
    assertTrue(cwd.getMessage().contains(missing.toString()), cwd.getMessage());
    LaunchException in = assertThrows(LaunchException.class,
        () -> PROVIDER.launch(ProcessSpec.of(HELLO).withStdin(new Stdio.FromFile(missing))));
    assertTrue(in.getMessage().contains("stdin file " + missing), in.getMessage());
    Path deep = missing.resolve("out.txt");
    LaunchException out = assertThrows(LaunchException.class, () -> PROVIDER.launch(
        ProcessSpec.of(HELLO).withStdout(new Stdio.ToFile(deep, false))));
    assertTrue(out.getMessage().contains(deep.toString()), out.getMessage());
  }

  @Test
  void malformedSpecs() {
    assertThrows(IllegalArgumentException.class,
        () -> ProcessSpec.of(HELLO).withEnvironment(Map.of("A=B", "c")));
    assertThrows(IllegalArgumentException.class,
        () -> ProcessSpec.of(HELLO).withArgs(List.of("nul\0")));
    assertThrows(IllegalArgumentException.class,
        () -> ProcessSpec.of(HELLO).withStdin(new Stdio.ToFile(dir, false)));
    assertThrows(IllegalArgumentException.class,
        () -> ProcessSpec.of(HELLO).withStderr(new Stdio.FromFile(dir)));
    assertThrows(NullPointerException.class, () -> ProcessSpec.of(HELLO).withStdout(null));
  }

  @Test
  void everyFailureIsADebuggerException() {
    assertTrue(DebuggerException.class.isAssignableFrom(LaunchException.class));
    assertTrue(DebuggerException.class.isAssignableFrom(PermissionDeniedException.class));
  }

  private Path executable(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }
}
