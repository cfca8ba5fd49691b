package org.dlv4j.linux.amd64.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlv4j.junit.ProcFs;
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

  static List<String> leaks() {
    String self = Long.toString(ProcessHandle.current().pid());
    List<String> leaks = new ArrayList<>();
    for (int pid : ProcFs.processes()) {
      Map<String, String> status = ProcFs.status(pid).orElse(null);
      if (status == null) {
        continue; // gone
      }
      String tracer = status.getOrDefault("TracerPid", "0");
      if (!tracer.equals("0") && Files.exists(Path.of("/proc/self/task", tracer))) {
        leaks.add(pid + " traced by our thread " + tracer);
      } else if (self.equals(status.get("PPid"))) {
        leaks.add(pid + " is our child (Name: " + status.get("Name") + ")");
      }
    }
    return leaks;
  }
}
