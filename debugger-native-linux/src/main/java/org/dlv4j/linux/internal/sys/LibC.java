package org.dlv4j.linux.internal.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * Direct-mapped glibc functions the Linux backend calls. Functions declared to throw
 * {@link LastErrorException} report failure through errno (JNA clears errno before the call);
 * the {@code posix_spawn*} family returns the error number instead. Callers translate failures
 * with {@link Errors}; nothing here is meant to be called outside this module.
 */
public final class LibC {
  static {
    Native.register(LibC.class, NativeLibrary.getInstance("c"));
  }

  private LibC() { }

  /** {@code long ptrace(request, pid, addr, data)}; returns the word for PEEK requests. */
  public static native long ptrace(long request, int pid, long addr, long data)
      throws LastErrorException;

  /** {@code pid_t waitpid(pid, int *status, options)}. */
  public static native int waitpid(int pid, Pointer status, int options) throws LastErrorException;

  /** {@code int tgkill(tgid, tid, sig)}. */
  public static native int tgkill(int tgid, int tid, int sig) throws LastErrorException;

  /** {@code int kill(pid, sig)}. */
  public static native int kill(int pid, int sig) throws LastErrorException;

  /** {@code pid_t getpgid(pid)}. */
  public static native int getpgid(int pid) throws LastErrorException;

  /** {@code ssize_t process_vm_readv(pid, local_iov, liovcnt, remote_iov, riovcnt, flags)}. */
  public static native long process_vm_readv(int pid, long localIov, long liovcnt, long remoteIov,
      long riovcnt, long flags) throws LastErrorException;

  /** {@code ssize_t process_vm_writev(pid, local_iov, liovcnt, remote_iov, riovcnt, flags)}. */
  public static native long process_vm_writev(int pid, long localIov, long liovcnt,
      long remoteIov, long riovcnt, long flags) throws LastErrorException;

  /** {@code int pipe2(int fds[2], flags)}. */
  public static native int pipe2(Pointer fds, int flags) throws LastErrorException;

  /** {@code int close(fd)}. */
  public static native int close(int fd) throws LastErrorException;

  /** {@code int posix_spawn(pid_t *pid, path, file_actions, attr, argv, envp)}: error number. */
  public static native int posix_spawn(Pointer pid, String path, Pointer fileActions,
      Pointer attr, Pointer argv, Pointer envp);

  /** {@code int posix_spawn_file_actions_init(fa)}. */
  public static native int posix_spawn_file_actions_init(Pointer fa);

  /** {@code int posix_spawn_file_actions_destroy(fa)}. */
  public static native int posix_spawn_file_actions_destroy(Pointer fa);

  /** {@code int posix_spawn_file_actions_addopen(fa, fd, path, oflag, mode)}. */
  public static native int posix_spawn_file_actions_addopen(Pointer fa, int fd, String path,
      int oflag, int mode);

  /** {@code int posix_spawn_file_actions_adddup2(fa, fd, newfd)}. */
  public static native int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);

  /** {@code int posix_spawn_file_actions_addchdir_np(fa, path)} (glibc 2.29). */
  public static native int posix_spawn_file_actions_addchdir_np(Pointer fa, String path);

  /** {@code int posix_spawn_file_actions_addclosefrom_np(fa, from)} (glibc 2.34). */
  public static native int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);

  /** {@code int posix_spawnattr_init(attr)}. */
  public static native int posix_spawnattr_init(Pointer attr);

  /** {@code int posix_spawnattr_destroy(attr)}. */
  public static native int posix_spawnattr_destroy(Pointer attr);

  /** {@code int posix_spawnattr_setflags(attr, flags)}. */
  public static native int posix_spawnattr_setflags(Pointer attr, short flags);

  /** {@code int posix_spawnattr_setpgroup(attr, pgroup)}. */
  public static native int posix_spawnattr_setpgroup(Pointer attr, int pgroup);

  /** {@code int posix_spawnattr_setsigmask(attr, sigset)}. */
  public static native int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

  /** {@code int posix_spawnattr_setsigdefault(attr, sigset)}. */
  public static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

  /** {@code int sigemptyset(set)}. */
  public static native int sigemptyset(Pointer set);

  /** {@code int sigfillset(set)}. */
  public static native int sigfillset(Pointer set);
}
