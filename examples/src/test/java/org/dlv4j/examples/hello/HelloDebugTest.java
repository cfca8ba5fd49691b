package org.dlv4j.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class HelloDebugTest {
  @Test
  void stopsInGreetPrintsTheThreadsAndRunsToTheEnd() {
    Path hello = GoBuild.testdataRoot().resolve("hello");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status = HelloDebug.run(hello, List.of("gopher"),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(0, status);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    String mainGo = hello.resolve("main.go").toString();
    assertTrue(lines.get(0).matches("launched /\\S+/hello as process \\d+, stopped at 0x[0-9a-f]+"),
        lines.get(0));
    assertEquals("breakpoint 1 at main.greet (" + mainGo + ":9)", lines.get(1));
    assertTrue(lines.get(2).matches("stopped \\(breakpoint\\) at " + mainGo.replace(".", "\\.")
        + ":9 main\\.greet 0x[0-9a-f]+"), lines.get(2));
    assertEquals("threads:", lines.get(3));
    long current = lines.stream().filter(l -> l.startsWith("* ")).count();
    assertEquals(1, current);
    assertTrue(lines.stream().filter(l -> l.startsWith("* ")).findFirst().orElseThrow()
        .endsWith(lines.get(2).substring(lines.get(2).indexOf(" at ") + 4)));
    assertEquals(List.of("continuing to the end", "exited with status 0"),
        lines.subList(lines.size() - 2, lines.size()));
  }
}
