package org.dlv4j.linux.amd64.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a test class: no process is traced by a thread of this JVM, and this JVM has no child
 * process left (running or zombie). Waits up to 5 s for children that are still exiting.
 */
final class NoLeakedProcesses implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> leaks;
    do {
      leaks = leaks();
      if (leaks.isEmpty()) {
        return;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    fail("leaked processes after " + context.getDisplayName() + ": " + leaks);
  }

  static List<String> leaks() throws IOException {
    long self = ProcessHandle.current().pid();
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String status;
        try {
          status = Files.readString(p.resolve("status"));
        } catch (IOException e) {
          continue; // gone
        }
        long tracer = field(status, "TracerPid:");
        long ppid = field(status, "PPid:");
        if (tracer != 0 && Files.exists(Path.of("/proc/self/task/" + tracer))) {
          leaks.add(name + " traced by our thread " + tracer);
        } else if (ppid == self) {
          leaks.add(name + " is our child (" + status.lines().findFirst().orElse("") + ")");
        }
      }
    }
    return leaks;
  }

  private static long field(String status, String key) {
    return status.lines().filter(l -> l.startsWith(key))
        .mapToLong(l -> Long.parseLong(l.substring(key.length()).trim())).findFirst().orElse(0);
  }
}
