package org.dlv4j.linux.internal.ptrace;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.dlv4j.linux.internal.sys.Errno;
import org.dlv4j.linux.internal.sys.ErrnoException;
import org.dlv4j.linux.internal.sys.LibC;

/**
 * Where a target's ptrace stops and exits are collected from. Never {@code waitpid(-1)}: in a
 * JVM that would steal the exit statuses of {@code ProcessBuilder} children (and other
 * targets' stops). A target alone in its process group is waited for with
 * {@code waitpid(-pgid, __WALL | __WNOTHREAD)}, which blocks; otherwise (an attached process
 * sharing the JVM's group, or a group already waited for by another target) each thread is
 * polled with {@code WNOHANG}. If the target leaves its group (ECHILD), polling takes over.
 */
final class WaitSource implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("ptrace");
  /** Process groups some target in this JVM waits on with -pgid. */
  private static final Set<Integer> GROUPS_IN_USE = ConcurrentHashMap.newKeySet();
  private static final long MIN_PAUSE_NANOS = 20_000;
  private static final long MAX_PAUSE_NANOS = 2_000_000;

  private final Ptrace ptrace;
  private final int pid;
  private int group;
  private int status;

  private WaitSource(Ptrace ptrace, int pid, int group) {
    this.ptrace = ptrace;
    this.pid = pid;
    this.group = group;
  }

  /**
   * Chooses how to wait for process {@code pid}.
   *
   * @param ptrace the tracer's calls
   * @param pid the traced process
   * @return a group wait if the process has a process group of its own, else polling
   */
  static WaitSource forProcess(Ptrace ptrace, int pid) {
    int pgid;
    try {
      pgid = LibC.getpgid(pid);
    } catch (com.sun.jna.LastErrorException e) {
      return new WaitSource(ptrace, pid, 0);
    }
    if (pgid == LibC.getpgid(0) || !GROUPS_IN_USE.add(pgid)) {
      LOG.log(System.Logger.Level.DEBUG, "process {0}: polling its threads (group {1} shared)",
          pid, pgid);
      return new WaitSource(ptrace, pid, 0);
    }
    return new WaitSource(ptrace, pid, pgid);
  }

  /**
   * Returns the next thread that stopped or exited; its status is then {@link #status()}.
   *
   * @param tids the threads that may report (used when polling; read, not kept)
   * @param block whether to wait until one does
   * @return the tid, or 0 if {@code block} is false and nothing happened
   */
  int next(Collection<Integer> tids, boolean block) {
    if (group != 0) {
      try {
        // The tracer thread spawned the target (or attached to it) and traces all its threads
        int tid = ptrace.waitpid(-group,
            Ptrace.WALL | Ptrace.WNOTHREAD | (block ? 0 : Ptrace.WNOHANG));
        status = ptrace.status();
        return tid;
      } catch (ErrnoException e) {
        if (e.errno() != Errno.ECHILD) {
          throw e;
        }
        LOG.log(System.Logger.Level.WARNING, "process {0} left process group {1}; polling",
            pid, group);
        close();
      }
    }
    long pause = MIN_PAUSE_NANOS;
    while (true) {
      for (int tid : tids) {
        int got = pollOne(tid);
        if (got != 0) {
          return got;
        }
      }
      if (!block) {
        return 0;
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
    }
  }

  /**
   * Waits for one specific thread.
   *
   * @param tid the thread
   * @return {@code tid}; its status is then {@link #status()}
   */
  int next(int tid) {
    int got = ptrace.waitpid(tid, Ptrace.WALL);
    status = ptrace.status();
    return got;
  }

  /** Returns the wait status of the thread the last {@code next} returned. */
  int status() {
    return status;
  }

  private int pollOne(int tid) {
    try {
      int got = ptrace.waitpid(tid, Ptrace.WALL | Ptrace.WNOHANG);
      status = ptrace.status();
      return got;
    } catch (ErrnoException e) {
      if (e.errno() != Errno.ECHILD) {
        throw e;
      }
      // Someone else reaped it (only possible if another waiter in this JVM took its exit):
      // report it as exited rather than polling forever.
      LOG.log(System.Logger.Level.WARNING, "thread {0} of process {1} vanished (ECHILD)",
          tid, pid);
      status = 0;
      return tid;
    }
  }

  @Override
  public void close() {
    if (group != 0) {
      GROUPS_IN_USE.remove(group);
      group = 0;
    }
  }
}
