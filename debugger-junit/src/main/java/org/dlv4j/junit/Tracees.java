package org.dlv4j.junit;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks in Linux's {@code /proc} for processes this JVM traces, to prove that tests leave none
 * behind. On other systems nothing is ever found.
 */
final class Tracees {
  private static final long WAIT_NANOS = 5_000_000_000L;

  private Tracees() { }

  /**
   * Waits until a process is released: gone (or a zombie) if it was launched, not traced by
   * this JVM if it was attached to.
   *
   * @return a description of the problem, or empty once released
   */
  static Optional<String> awaitReleased(int pid, boolean launched) {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (true) {
      Optional<String> problem = problem(pid, launched);
      if (problem.isEmpty() || System.nanoTime() > deadline) {
        return problem;
      }
      sleep();
    }
  }

  /** Returns every process traced by a thread of this JVM now. */
  static Set<Integer> tracedByUs() {
    List<Integer> all;
    try {
      all = ProcFs.processes();
    } catch (UncheckedIOException e) {
      return Set.of(); // no /proc: not Linux
    }
    Set<Integer> traced = new TreeSet<>();
    for (int pid : all) {
      ProcFs.status(pid).filter(Tracees::tracedByUs).ifPresent(s -> traced.add(pid));
    }
    return traced;
  }

  private static Optional<String> problem(int pid, boolean launched) {
    Optional<Map<String, String>> found = ProcFs.status(pid);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> status = found.get();
    String state = status.getOrDefault("State", "");
    if (state.startsWith("Z")) {
      return Long.toString(ProcessHandle.current().pid()).equals(status.get("PPid"))
          ? Optional.of("process " + pid + " is a zombie child of this JVM: nobody reaped it")
          : Optional.empty();
    }
    if (launched) {
      return Optional.of("launched process " + pid + " is still alive after kill (" + state + ")");
    }
    return tracedByUs(status) ? Optional.of("attached process " + pid
        + " is still traced by this JVM after detach") : Optional.empty();
  }

  /** Tells whether the tracer a status names is a thread of this JVM. */
  private static boolean tracedByUs(Map<String, String> status) {
    String tracer = status.getOrDefault("TracerPid", "0");
    return !tracer.equals("0") && Files.exists(Path.of("/proc/self/task", tracer));
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
