package org.dlv4j.linux.internal.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.LaunchException;
import org.dlv4j.api.NoSuchProcessException;
import org.dlv4j.api.PermissionDeniedException;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.api.MemoryAccessException;
import org.junit.jupiter.api.Test;

/** errno translation into the public exceptions. */
class ErrorsTest {
  private static final OptionalInt ALIVE = OptionalInt.empty();

  @Test
  void esrchIsNoSuchProcessOrExitedDependingOnWhatIsKnown() {
    ErrnoException e = new ErrnoException(Errno.ESRCH, "PTRACE_CONT", 42);
    NoSuchProcessException gone = (NoSuchProcessException) Errors.toApi(e, "resume", 40, ALIVE);
    assertEquals(42, gone.pid());
    TargetExitedException exited =
        (TargetExitedException) Errors.toApi(e, "resume", 40, OptionalInt.of(3));
    assertEquals(40, exited.pid());
    assertEquals(3, exited.exitStatus());
    assertEquals("cannot resume: process 40 has exited with status 3", exited.getMessage());
  }

  @Test
  void epermIsPermissionDenied() {
    DebuggerException e = Errors.toApi(new ErrnoException(Errno.EPERM, "PTRACE_SEIZE", 1),
        "attach", 1, ALIVE);
    assertTrue(e instanceof PermissionDeniedException);
    assertTrue(e.getMessage().contains("EPERM"), e.getMessage());
    DebuggerException attach = Errors.attach(new ErrnoException(Errno.EPERM, "PTRACE_SEIZE", 9), 9);
    assertTrue(attach instanceof PermissionDeniedException);
    assertTrue(attach.getMessage().startsWith("cannot attach to process 9: EPERM"));
    assertTrue(Errors.attach(new ErrnoException(Errno.ESRCH, "PTRACE_SEIZE", 9), 9)
        instanceof NoSuchProcessException);
  }

  @Test
  void otherErrnosKeepTheirCause() {
    ErrnoException cause = new ErrnoException(Errno.EINVAL, "PTRACE_GETREGSET", 5);
    DebuggerException e = Errors.toApi(cause, "read registers", 5, ALIVE);
    assertEquals(DebuggerException.class, e.getClass());
    assertEquals(cause, e.getCause());
    assertEquals("cannot read registers (process 5): PTRACE_GETREGSET on 5: EINVAL"
        + " (invalid argument)", e.getMessage());
  }

  @Test
  void launchErrors() {
    Path p = Path.of("/x/prog");
    assertTrue(Errors.launch(p, Errno.EACCES, "open stdin") instanceof PermissionDeniedException);
    LaunchException e = (LaunchException) Errors.launch(p, Errno.ENOENT, "posix_spawn /bin/sh");
    assertEquals("cannot launch /x/prog: posix_spawn /bin/sh: ENOENT (no such file or directory)",
        e.getMessage());
  }

  @Test
  void memoryErrors() {
    MemoryAccessException e = (MemoryAccessException) Errors.memory(7, 0x10, 8, "read",
        Errno.EFAULT, ALIVE);
    assertEquals(7, e.pid());
    assertEquals(0x10, e.address());
    assertEquals("cannot read 8 bytes at 0x10 in process 7: EFAULT (bad address)",
        e.getMessage());
    assertTrue(Errors.memory(7, 0x10, 8, "read", Errno.ESRCH, OptionalInt.of(0))
        instanceof TargetExitedException);
    assertTrue(Errors.memory(7, 0x10, 8, "read", Errno.ESRCH, ALIVE)
        instanceof NoSuchProcessException);
  }
}
