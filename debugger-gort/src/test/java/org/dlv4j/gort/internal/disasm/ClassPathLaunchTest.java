package org.dlv4j.gort.internal.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link DisassembleMain} in a plain {@code java -cp} JVM (not surefire's), so the native
 * libraries must be found on the class path with no system property or install step: JNA
 * extracts libcapstone.so from the capstone jar, {@link LlvmLoader} copies libLLVM.so out of
 * the llvm jar, loads it and deletes the copy.
 */
class ClassPathLaunchTest {
  @TempDir
  Path tmp;

  @Test
  void arm64DisassemblesInAPlainJvm() throws IOException, InterruptedException {
    assertEquals(List.of("0x1000 02000094 bl #0x1008", "0x1004 c0035fd6 ret"),
        run("arm64", "02000094c0035fd6", "gnu"));
  }

  @Test
  void amd64DisassemblesInAPlainJvmAndLeavesNoCopyBehind() throws IOException,
      InterruptedException {
    assertEquals(List.of("0x1000 e800000000 call 0x1005", "0x1005 c3 ret"),
        run("amd64", "e800000000c3", "intel"));
    try (Stream<Path> left = Files.walk(tmp)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains("LLVM"))
          .toList());
    }
  }

  private List<String> run(String arch, String hex, String syntax) throws IOException,
      InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"), DisassembleMain.class.getName(), arch, hex,
        syntax).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.lines().toList();
  }
}
