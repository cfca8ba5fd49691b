package org.dlv4j.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program started untraced for a test to attach to. It runs as a grandchild of this JVM,
 * through {@code /bin/sh} which waits for it: the JDK's process reaper waits for the shell only,
 * so it never consumes the ptrace stops of the program once a debugger attaches.
 *
 * <pre>{@code
 * try (AttachableProgram spin = AttachableProgram.start(GoBuild.fixture("spin").build())) {
 *   assertEquals("ready", spin.stdout().readLine());
 *   Target target = session.attach(spin.pid());
 *   ...
 * }
 * }</pre>
 *
 * <p>Close after detaching: a traced process that is killed waits for its tracer.
 */
public final class AttachableProgram implements AutoCloseable {
  private static final long SHELL_EXIT_SECONDS = 10;

  private final Process shell;
  private final BufferedReader stdout;
  private final int pid;

  private AttachableProgram(Process shell, BufferedReader stdout, int pid) {
    this.shell = shell;
    this.stdout = stdout;
    this.pid = pid;
  }

  /**
   * Starts {@code executable} with {@code args}, its standard error inherited, and returns once
   * its pid is known.
   *
   * @throws IOException if the shell cannot be started or ends before telling the pid
   */
  public static AttachableProgram start(Path executable, String... args) throws IOException {
    // The background shell tells its own pid, then becomes the program (exec keeps the pid):
    // so the pid is the first line, before anything the program prints.
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
        "/bin/sh -c 'echo $$; exec \"$0\" \"$@\"' \"$0\" \"$@\" & wait", executable.toString()));
    command.addAll(List.of(args));
    Process shell = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader stdout = new BufferedReader(new InputStreamReader(shell.getInputStream(),
        StandardCharsets.UTF_8));
    String pid = stdout.readLine();
    if (pid == null) {
      shell.destroyForcibly();
      throw new IOException("the shell starting " + executable + " ended without its pid");
    }
    return new AttachableProgram(shell, stdout, Integer.parseInt(pid.trim()));
  }

  /** Returns the program's process id, to attach to. */
  public int pid() {
    return pid;
  }

  /** Returns the program's standard output. */
  public BufferedReader stdout() {
    return stdout;
  }

  /**
   * Kills the program and waits for the shell to end.
   *
   * @throws IllegalStateException if the shell is still waiting after 10 seconds (the program
   *     is probably still traced)
   */
  @Override
  public void close() throws IOException, InterruptedException {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    boolean ended = shell.waitFor(SHELL_EXIT_SECONDS, TimeUnit.SECONDS);
    stdout.close();
    shell.getOutputStream().close();
    if (!ended) {
      throw new IllegalStateException("the shell of process " + pid + " still waits for it");
    }
  }
}
