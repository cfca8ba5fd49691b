package org.dlv4j.examples.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class TraceTest {
  private static final Path BASIC = GoBuild.fixture("engine-basic").build();
  private static final String MAIN_GO = GoBuild.testdataRoot().resolve("engine-basic/main.go")
      .toString();

  @Test
  void printsEveryEntryOfTheMatchingFunctionsThenTheTotals() {
    Result r = trace(BASIC.toString(), "^main\\.work$", "--", "loops=3", "exit=4");

    assertEquals(4, r.status);
    assertEquals(List.of("> main.work " + MAIN_GO + ":17", "> main.work " + MAIN_GO + ":17",
        "> main.work " + MAIN_GO + ":17", "hits: 3, exit status: 4"), r.out.lines().toList());
    assertEquals("", r.err);
  }

  @Test
  void quietPrintsOnlyTheTotals() {
    Result r = trace("--quiet", BASIC.toString(), "^main\\.(work|main)$", "--", "loops=1000");

    assertEquals(0, r.status);
    assertEquals("hits: 1001, exit status: 0\n", r.out);
  }

  @Test
  void badUsageAndNoMatchingFunction() {
    assertEquals(2, trace(BASIC.toString()).status);
    assertEquals("usage: trace [--quiet] BINARY REGEX [-- ARGS...]\n",
        trace(BASIC.toString()).err);
    Result none = trace(BASIC.toString(), "^nothing\\.matches$");
    assertEquals(1, none.status);
    assertEquals("no function matches ^nothing\\.matches$\n", none.err);
    Result missing = trace("/nonexistent/binary", "main");
    assertEquals(1, missing.status);
    assertEquals("trace: cannot read /nonexistent/binary: no such file\n", missing.err);
  }

  private record Result(int status, String out, String err) { }

  private static Result trace(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Trace.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
