package org.dlv4j.linux.internal.sys;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.LaunchException;
import org.dlv4j.api.NoSuchProcessException;
import org.dlv4j.api.PermissionDeniedException;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.api.MemoryAccessException;

/**
 * The one place where errno values from system calls become the public exceptions of
 * {@code org.dlv4j.api} and {@code org.dlv4j.spi}.
 */
public final class Errors {
  private Errors() { }

  /**
   * Translates a failed call on a traced process.
   *
   * @param e the failure
   * @param operation what the caller was doing, e.g. {@code "continue"}
   * @param pid the target process
   * @param exitStatus the process's exit status if it is known to have ended
   * @return the exception to throw
   */
  public static DebuggerException toApi(ErrnoException e, String operation, int pid,
      OptionalInt exitStatus) {
    return switch (e.errno()) {
      case Errno.ESRCH, Errno.ECHILD -> exitStatus.isPresent()
          ? new TargetExitedException(pid, exitStatus.getAsInt(), operation)
          : new NoSuchProcessException(e.id() != 0 ? e.id() : pid, operation);
      case Errno.EPERM, Errno.EACCES -> new PermissionDeniedException(
          "cannot " + operation + " (process " + pid + "): " + e.getMessage(), e);
      default -> new DebuggerException("cannot " + operation + " (process " + pid + "): "
          + e.getMessage(), e);
    };
  }

  /**
   * Translates a failure to attach to a process.
   *
   * @param e the failure of {@code PTRACE_SEIZE} or {@code PTRACE_INTERRUPT}
   * @param pid the process
   * @return the exception to throw
   */
  public static DebuggerException attach(ErrnoException e, int pid) {
    return switch (e.errno()) {
      case Errno.ESRCH -> new NoSuchProcessException(pid, "attach");
      case Errno.EPERM, Errno.EACCES -> new PermissionDeniedException("cannot attach to process "
          + pid + ": " + Errno.describe(e.errno()) + "; it may be traced by another debugger,"
          + " belong to another user, or ptrace may be restricted (kernel.yama.ptrace_scope)", e);
      default -> new DebuggerException("cannot attach to process " + pid + ": "
          + e.getMessage(), e);
    };
  }

  /**
   * Translates a failure to create a process.
   *
   * @param program the program being launched
   * @param errno the error number posix_spawn or a file check returned
   * @param step what failed, e.g. {@code "posix_spawn"} or {@code "open stdin /tmp/in"}
   * @return the exception to throw
   */
  public static DebuggerException launch(Path program, int errno, String step) {
    String reason = step + ": " + Errno.describe(errno);
    if (errno == Errno.EACCES || errno == Errno.EPERM) {
      return new PermissionDeniedException("cannot launch " + program + ": " + reason);
    }
    return new LaunchException(program, reason);
  }

  /**
   * Translates a failed memory access.
   *
   * @param pid the target process
   * @param address the first address of the access
   * @param length the number of bytes the access covered
   * @param operation {@code "read"}, {@code "write"} or {@code "write code"}
   * @param errno the error number
   * @param exitStatus the process's exit status if it is known to have ended
   * @return the exception to throw
   */
  public static DebuggerException memory(int pid, long address, int length, String operation,
      int errno, OptionalInt exitStatus) {
    if (errno == Errno.ESRCH || exitStatus.isPresent()) {
      return exitStatus.isPresent()
          ? new TargetExitedException(pid, exitStatus.getAsInt(), operation + " memory")
          : new NoSuchProcessException(pid, operation + " memory");
    }
    if (errno == Errno.EPERM || errno == Errno.EACCES) {
      return new PermissionDeniedException("cannot " + operation + " " + length + " bytes at 0x"
          + Long.toHexString(address) + " in process " + pid + ": " + Errno.describe(errno));
    }
    return new MemoryAccessException(operation, pid, address, length, Errno.describe(errno));
  }
}
