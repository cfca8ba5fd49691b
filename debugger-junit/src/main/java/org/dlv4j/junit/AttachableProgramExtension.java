package org.dlv4j.junit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts an {@link AttachableProgram} before each test, waits until it
 * says it is ready, and kills it after each test: the setup of tests that attach to a running
 * program.
 *
 * <pre>{@code
 * @RegisterExtension
 * final AttachableProgramExtension spin =
 *     AttachableProgramExtension.of(GoBuild.fixture("spin").build()).readyWhen("ready");
 *
 * @AfterEach
 * void detachFirst(GoDebugSession session) {
 *   session.close(); // a traced process that is killed waits for its tracer
 * }
 *
 * @Test
 * void attaches(GoDebugSession session) {
 *   Target target = session.attach(spin.pid());
 *   ...
 * }
 * }</pre>
 *
 * <p>The program is killed after the test's {@code @AfterEach} methods, and before the
 * after-each callbacks of extensions registered earlier (such as {@link GoDebugExtension} on
 * the class): release a traced program in an {@code @AfterEach} method. Register one instance
 * per test instance (a non-static field); not thread-safe.
 */
public final class AttachableProgramExtension implements BeforeEachCallback, AfterEachCallback {
  private final Path executable;
  private final List<String> args;
  private final String readyLine;
  private AttachableProgram program;

  private AttachableProgramExtension(Path executable, List<String> args, String readyLine) {
    this.executable = executable;
    this.args = List.copyOf(args);
    this.readyLine = readyLine;
  }

  /**
   * Returns an extension that starts {@code executable} with {@code args} before each test.
   *
   * @param executable the program, e.g. a {@link GoBuild} result
   * @param args its arguments
   * @return the extension, which waits for nothing after the start
   */
  public static AttachableProgramExtension of(Path executable, String... args) {
    return new AttachableProgramExtension(executable, List.of(args), null);
  }

  /**
   * Returns a copy that, after starting the program, reads the first line of its standard
   * output and fails the test unless it is {@code line}: for a program that announces it has
   * set itself up (started its threads, reached its loop).
   *
   * @param line the whole first line, without its line terminator
   * @return the copy
   */
  public AttachableProgramExtension readyWhen(String line) {
    return new AttachableProgramExtension(executable, args, line);
  }

  /**
   * Returns the program of the current test.
   *
   * @return the program, started before the test
   * @throws IllegalStateException outside a test
   */
  public AttachableProgram program() {
    if (program == null) {
      throw new IllegalStateException(executable + " is started only for a test");
    }
    return program;
  }

  /**
   * Returns the process id of the current test's program.
   *
   * @return the id to attach to
   * @throws IllegalStateException outside a test
   */
  public int pid() {
    return program().pid();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException, InterruptedException {
    program = AttachableProgram.start(executable, args.toArray(new String[0]));
    if (readyLine != null) {
      String first = program.stdout().readLine();
      if (!readyLine.equals(first)) {
        AttachableProgram failed = program;
        program = null;
        failed.close();
        throw new AssertionError(executable + " printed " + (first == null ? "nothing"
            : "\"" + first + "\"") + " instead of \"" + readyLine + "\"");
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException, InterruptedException {
    AttachableProgram started = program;
    program = null;
    if (started != null) {
      started.close();
    }
  }
}
