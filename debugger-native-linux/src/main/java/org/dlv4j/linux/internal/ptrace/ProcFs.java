package org.dlv4j.linux.internal.ptrace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the few {@code /proc} facts the backend needs: threads, thread groups, pending signals. */
final class ProcFs {
  private ProcFs() { }

  /** Tells whether {@code /proc/pid} exists. */
  static boolean exists(int pid) {
    return Files.isDirectory(Path.of("/proc", Integer.toString(pid)));
  }

  /**
   * Lists the thread ids of a process.
   *
   * @return the tids, empty if the process is gone
   */
  static List<Integer> tasks(int pid) {
    List<Integer> tids = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
      s.forEach(p -> tids.add(Integer.parseInt(p.getFileName().toString())));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return tids;
  }

  /** Returns the thread-group id of a task (the pid it belongs to), or 0 if it is gone. */
  static int tgid(int tid) {
    return (int) statusField(Path.of("/proc", Integer.toString(tid), "status"), "Tgid:", 10);
  }

  /**
   * Tells whether a thread has a signal pending that was directed at it (sent to the thread,
   * or raised by an instruction it executed), not yet delivered.
   */
  static boolean hasPendingSignal(int pid, int tid, int signo) {
    long mask = statusField(Path.of("/proc", Integer.toString(pid), "task",
        Integer.toString(tid), "status"), "SigPnd:", 16);
    return (mask & (1L << (signo - 1))) != 0;
  }

  private static long statusField(Path status, String key, int radix) {
    for (String line : read(status).split("\n")) {
      if (line.startsWith(key)) {
        return Long.parseUnsignedLong(line.substring(key.length()).trim(), radix);
      }
    }
    return 0;
  }

  private static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return ""; // a task that vanished while reading; callers treat it as gone
    }
  }
}
