package org.dlv4j.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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
    Set<Integer> traced = new TreeSet<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
          .mapToInt(Integer::parseInt).filter(Tracees::tracedByUs).forEach(traced::add);
    } catch (IOException e) {
      return traced; // no /proc: not Linux
    }
    return traced;
  }

  private static Optional<String> problem(int pid, boolean launched) {
    Optional<String> status = status(pid);
    if (status.isEmpty()) {
      return Optional.empty();
    }
    if (field(status.get(), "State:").startsWith("Z")) {
      return field(status.get(), "PPid:").equals(Long.toString(ProcessHandle.current().pid()))
          ? Optional.of("process " + pid + " is a zombie child of this JVM: nobody reaped it")
          : Optional.empty();
    }
    if (launched) {
      return Optional.of("launched process " + pid + " is still alive after kill ("
          + field(status.get(), "State:") + ")");
    }
    return tracedByUs(pid) ? Optional.of("attached process " + pid
        + " is still traced by this JVM after detach") : Optional.empty();
  }

  private static boolean tracedByUs(int pid) {
    return status(pid).map(s -> field(s, "TracerPid:")).filter(t -> !t.equals("0"))
        .filter(t -> Files.exists(Path.of("/proc/self/task", t))).isPresent();
  }

  private static Optional<String> status(int pid) {
    try {
      return Optional.of(Files.readString(Path.of("/proc", Integer.toString(pid), "status")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // it vanished while being read
    }
  }

  private static String field(String status, String key) {
    return status.lines().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length()).trim())
        .findFirst().orElse("");
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
