package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Target;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolves the same breakpoint specs as Delve and compares the addresses. Runs only where a
 * {@code dlv} binary is found (on the PATH or in {@code ~/go/bin}; install it with
 * {@code go install github.com/go-delve/delve/cmd/dlv@latest}); skipped elsewhere.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(120)
class DelveCrossCheckTest {
  private static final Pattern SET = Pattern.compile(
      "Breakpoint \\d+ set at 0x([0-9a-f]+) for |Breakpoint exists at .* at ([0-9a-f]+)$");

  @Test
  void functionAndLineBreakpointsResolveToDelvesAddresses(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target, @TempDir Path dir)
      throws Exception {
    Path dlv = dlv();
    List<BreakpointSpec> specs = List.of(BreakpointSpec.atFunction("main.main"),
        BreakpointSpec.atFunction("main.work"), BreakpointSpec.atFunction("fmt.Println"),
        BreakpointSpec.atFunction("strings.CutPrefix"), BreakpointSpec.atLine("main.go", 17),
        BreakpointSpec.atLine("main.go", 18), BreakpointSpec.atLine("main.go", 24),
        BreakpointSpec.atLine("main.go", 38), BreakpointSpec.atLine("main.go", 39));
    Path init = Files.writeString(dir.resolve("init"), String.join("\n",
        specs.stream().map(s -> "break " + s.locspec()).toList()) + "\nexit\n");

    List<Long> delve = delveAddresses(dlv, target.executable(), init);
    List<Long> ours = new ArrayList<>();
    for (BreakpointSpec spec : specs) {
      ours.add(target.createBreakpoint(spec).addrs().get(0));
    }

    assertEquals(hex(delve), hex(ours));
  }

  private static List<Long> delveAddresses(Path dlv, Path binary, Path init) throws Exception {
    Process p = dlvExec(dlv, binary, init).start();
    List<Long> found = new ArrayList<>();
    String out = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    for (String line : out.lines().toList()) {
      Matcher m = SET.matcher(line);
      if (m.find()) {
        found.add(Long.parseUnsignedLong(m.group(1) != null ? m.group(1) : m.group(2), 16));
      }
    }
    return found;
  }

  /**
   * Returns {@code dlv exec} of {@code binary} running the commands in {@code init}, output and
   * errors merged. The Go version check is off: a Delve newer than the toolchain refuses the
   * older releases we support, though what is compared here does not depend on the release.
   */
  static ProcessBuilder dlvExec(Path dlv, Path binary, Path init) {
    return new ProcessBuilder(dlv.toString(), "exec", binary.toString(), "--check-go-version=false",
        "--allow-non-terminal-interactive=true", "--init", init.toString())
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
  }

  /** Finds a dlv binary, or skips the test. */
  static Path dlv() {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      candidates.add(Path.of(dir, "dlv"));
    }
    candidates.add(Path.of(System.getProperty("user.home"), "go", "bin", "dlv"));
    Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
    assumeTrue(found.isPresent(), "no dlv binary: cross-check skipped");
    return found.get();
  }

  private static List<String> hex(List<Long> addresses) {
    return addresses.stream().map(Long::toHexString).toList();
  }
}
