package org.dlv4j.linux.internal.ptrace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.NoSuchProcessException;
import org.dlv4j.api.PermissionDeniedException;
import org.dlv4j.linux.internal.sys.Errno;
import org.dlv4j.linux.internal.sys.ErrnoException;
import org.dlv4j.linux.internal.sys.Errors;
import org.dlv4j.linux.internal.sys.Signals;
import org.dlv4j.linux.internal.sys.WaitStatus;

/**
 * Attaches to a running process: seizes every thread listed in {@code /proc/pid/task} and
 * interrupts it, waits until each has stopped, and rescans until no untraced thread remains
 * (threads that traced threads create are traced automatically; threads created by a thread not
 * yet seized show up in the next scan).
 */
public final class Attacher {
  private Attacher() { }

  /**
   * Attaches to {@code pid}.
   *
   * @param pid the process
   * @param arch the architecture of this machine
   * @return the process with every thread stopped
   * @throws NoSuchProcessException if there is no such process
   * @throws PermissionDeniedException if it may not be traced
   */
  public static LinuxProcess attach(int pid, LinuxArch arch) {
    if (pid <= 0 || !ProcFs.exists(pid)) {
      throw new NoSuchProcessException(pid, "attach");
    }
    int tgid = ProcFs.tgid(pid);
    if (tgid != pid) {
      throw tgid == 0 ? new NoSuchProcessException(pid, "attach")
          : new DebuggerException("cannot attach to " + pid + ": it is a thread of process "
              + tgid + ", not a process id");
    }
    if (pid == ProcessHandle.current().pid()) {
      throw new PermissionDeniedException("cannot attach to process " + pid
          + ": it is the debugger's own JVM");
    }
    if (ProcessHandle.current().children().anyMatch(h -> h.pid() == pid)) {
      // The JDK's process reaper blocks in waitpid(pid) and would take the ptrace stops.
      throw new DebuggerException("cannot attach to process " + pid + ": it is a child of this"
          + " JVM started with ProcessBuilder, whose reaper thread would steal its ptrace stops;"
          + " start it through an intermediate shell or launch it with the debugger");
    }
    PtraceThread tracer = new PtraceThread("dlv4j-ptrace-" + pid);
    Ptrace ptrace = new Ptrace(tracer);
    try {
      Map<Integer, Integer> pending = new HashMap<>();
      List<Integer> tids = tracer.call(() -> seizeAll(ptrace, pid, pending));
      return new LinuxProcess(pid, false, arch, ptrace, tids, pending,
          ChildStdio.none());
    } catch (RuntimeException e) {
      tracer.close();
      throw e;
    }
  }

  /** Runs on the tracer thread; returns the stopped tids, leader first. */
  private static List<Integer> seizeAll(Ptrace ptrace, int pid, Map<Integer, Integer> pending) {
    Set<Integer> stopped = new LinkedHashSet<>();
    Set<Integer> seized = new LinkedHashSet<>();
    try {
      seize(ptrace, pid, pid, seized);
      while (true) {
        boolean found = false;
        for (int tid : ProcFs.tasks(pid)) {
          if (!seized.contains(tid)) {
            found |= seize(ptrace, pid, tid, seized);
          }
        }
        List<Integer> waiting = new ArrayList<>(seized);
        waiting.removeAll(stopped);
        if (!found && waiting.isEmpty()) {
          return new ArrayList<>(stopped);
        }
        for (int i = 0; i < waiting.size(); i++) {
          int tid = waiting.get(i);
          Integer child = awaitStop(ptrace, tid, pending);
          if (child == null) {
            seized.remove(tid); // exited meanwhile
            continue;
          }
          stopped.add(tid);
          if (child != 0 && seized.add(child)) {
            waiting.add(child); // traced automatically; its first stop comes by itself
          }
        }
        if (!stopped.contains(pid)) {
          throw new NoSuchProcessException(pid, "attach");
        }
      }
    } catch (RuntimeException e) {
      for (int tid : seized) {
        try {
          ptrace.detach(tid, 0);
        } catch (ErrnoException ignored) {
          // not stopped or gone; the kernel detaches it when the tracer thread ends
        }
      }
      throw e;
    }
  }

  /** Seizes and interrupts one thread; false if it is gone already. */
  private static boolean seize(Ptrace ptrace, int pid, int tid, Set<Integer> seized) {
    try {
      ptrace.seize(tid, Ptrace.O_TRACECLONE);
      seized.add(tid);
      ptrace.interrupt(tid);
      return true;
    } catch (ErrnoException e) {
      if (e.errno() == Errno.ESRCH && tid != pid) {
        return false;
      }
      throw Errors.attach(e, pid);
    }
  }

  /**
   * Waits for a seized thread's stop.
   *
   * @return null if it exited, the new thread's tid if it stopped at a clone event, else 0
   */
  private static Integer awaitStop(Ptrace ptrace, int tid, Map<Integer, Integer> pending) {
    ptrace.waitpid(tid, Ptrace.WALL);
    int status = ptrace.status();
    if (!WaitStatus.stopped(status)) {
      return null;
    }
    int event = WaitStatus.event(status);
    if (event == WaitStatus.EVENT_CLONE) {
      return (int) ptrace.eventMessage(tid);
    }
    int signo = WaitStatus.stopSignal(status);
    if (event == 0 && signo != Signals.SIGSTOP) {
      pending.put(tid, signo); // a signal was on its way: deliver it on the first resume
    }
    return 0;
  }
}
