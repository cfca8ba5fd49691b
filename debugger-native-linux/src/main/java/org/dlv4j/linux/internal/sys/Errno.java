package org.dlv4j.linux.internal.sys;

/** Linux errno values the backend distinguishes, and their names for messages. */
public final class Errno {
  /** Operation not permitted. */
  public static final int EPERM = 1;
  /** No such file or directory. */
  public static final int ENOENT = 2;
  /** No such process. */
  public static final int ESRCH = 3;
  /** Interrupted system call. */
  public static final int EINTR = 4;
  /** I/O error (e.g. /proc/pid/mem beyond a mapping). */
  public static final int EIO = 5;
  /** Argument list too long. */
  public static final int E2BIG = 7;
  /** Exec format error. */
  public static final int ENOEXEC = 8;
  /** No child processes. */
  public static final int ECHILD = 10;
  /** Resource temporarily unavailable. */
  public static final int EAGAIN = 11;
  /** Out of memory. */
  public static final int ENOMEM = 12;
  /** Permission denied. */
  public static final int EACCES = 13;
  /** Bad address. */
  public static final int EFAULT = 14;
  /** Not a directory. */
  public static final int ENOTDIR = 20;
  /** Is a directory. */
  public static final int EISDIR = 21;
  /** Invalid argument. */
  public static final int EINVAL = 22;
  /** No such device (e.g. an unsupported register set). */
  public static final int ENODEV = 19;
  /** Function not implemented. */
  public static final int ENOSYS = 38;

  private Errno() { }

  /**
   * Returns the symbolic name and description of an errno value.
   *
   * @param errno the value
   * @return e.g. {@code "ESRCH (no such process)"}
   */
  public static String describe(int errno) {
    return switch (errno) {
      case EPERM -> "EPERM (operation not permitted)";
      case ENOENT -> "ENOENT (no such file or directory)";
      case ESRCH -> "ESRCH (no such process)";
      case EINTR -> "EINTR (interrupted)";
      case EIO -> "EIO (input/output error)";
      case E2BIG -> "E2BIG (argument list too long)";
      case ENOEXEC -> "ENOEXEC (exec format error)";
      case ECHILD -> "ECHILD (no child processes)";
      case EAGAIN -> "EAGAIN (resource temporarily unavailable)";
      case ENOMEM -> "ENOMEM (out of memory)";
      case EACCES -> "EACCES (permission denied)";
      case EFAULT -> "EFAULT (bad address)";
      case ENODEV -> "ENODEV (no such device)";
      case ENOTDIR -> "ENOTDIR (not a directory)";
      case EISDIR -> "EISDIR (is a directory)";
      case EINVAL -> "EINVAL (invalid argument)";
      case ENOSYS -> "ENOSYS (not implemented)";
      default -> "errno " + errno;
    };
  }
}
