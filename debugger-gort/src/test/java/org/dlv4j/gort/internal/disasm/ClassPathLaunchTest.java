package org.dlv4j.gort.internal.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link DisassembleMain} in a plain {@code java -cp} JVM (not surefire's), so the native
 * library must be found on the class path with no system property or install step. JNA then
 * extracts libcapstone.so from the capstone jar to its temporary directory.
 */
class ClassPathLaunchTest {

  @Test
  void arm64DisassemblesInAPlainJvm() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        DisassembleMain.class.getName(), "arm64", "02000094c0035fd6")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertEquals(List.of("0x1000 02000094 bl #0x1008", "0x1004 c0035fd6 ret"),
        out.lines().toList());
  }
}
