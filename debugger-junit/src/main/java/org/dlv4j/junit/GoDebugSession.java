package org.dlv4j.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.AttachSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Target;

/**
 * The debugging resources of one test: launches and attaches through one {@link Debugger},
 * remembers every {@link Target}, and on {@link #close()} kills launched programs, detaches
 * from attached ones, and checks that none of them is still alive or traced by this JVM.
 *
 * <p>{@link GoDebugExtension} injects one per test method and closes it after the test, failing
 * the test if a process survived; it can also be used on its own in try-with-resources:
 *
 * <pre>{@code
 * try (GoDebugSession session = new GoDebugSession()) {
 *   Target target = session.launch("hello", "gopher");
 *   target.createBreakpoint(BreakpointSpec.atFunction("main.greet"));
 *   target.resume();
 * }   // killed and verified here
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class GoDebugSession implements AutoCloseable {
  private final Debugger debugger;
  private final List<Target> targets = new ArrayList<>();

  /**
   * Creates a session with the debugger {@link Debugger#create()} finds.
   *
   * @throws org.dlv4j.api.EngineNotFoundException if no engine and backend are on the class path
   */
  public GoDebugSession() {
    this(Debugger.create());
  }

  /**
   * Creates a session with a given debugger.
   *
   * @param debugger the debugger to launch and attach with
   */
  public GoDebugSession(Debugger debugger) {
    this.debugger = java.util.Objects.requireNonNull(debugger, "debugger");
  }

  /**
   * Returns the debugger. Targets made with it directly are not tracked by this session.
   *
   * @return the debugger
   */
  public Debugger debugger() {
    return debugger;
  }

  /**
   * Builds a fixture directory under the test-data root (optimisations off, cached).
   *
   * @param fixture the directory, relative to the test-data root
   * @return the executable
   * @throws GoBuildException if the build fails
   */
  public Path build(String fixture) {
    return GoBuild.fixture(fixture).build();
  }

  /**
   * Builds a fixture and launches it with arguments, stopped at its first instruction.
   *
   * @param fixture the directory, relative to the test-data root
   * @param args the program's arguments
   * @return the tracked target
   */
  public Target launch(String fixture, String... args) {
    return launch(LaunchSpec.of(build(fixture), args));
  }

  /**
   * Launches a program and tracks the target.
   *
   * @param spec what to launch
   * @return the tracked target
   */
  public Target launch(LaunchSpec spec) {
    return track(debugger.launch(spec));
  }

  /**
   * Attaches to a process and tracks the target; {@link #close()} detaches, leaving it running.
   *
   * @param pid the process
   * @return the tracked target
   */
  public Target attach(int pid) {
    return track(debugger.attach(AttachSpec.of(pid)));
  }

  /**
   * Adds a target made elsewhere to the ones {@link #close()} releases and checks.
   *
   * @param target the target
   * @return {@code target}
   */
  public synchronized Target track(Target target) {
    targets.add(java.util.Objects.requireNonNull(target, "target"));
    return target;
  }

  /**
   * Kills every launched target, detaches every attached one, and checks that no launched
   * process is still alive and no tracked process is still traced by this JVM (waiting up to
   * 5 s for the kernel to finish).
   *
   * @throws AssertionError if a process survived or stayed traced; the message names it
   */
  @Override
  public void close() {
    List<Target> all;
    synchronized (this) {
      all = List.copyOf(targets);
      targets.clear();
    }
    List<String> problems = new ArrayList<>();
    for (Target target : all) {
      try {
        target.close();
      } catch (RuntimeException e) {
        problems.add("closing process " + target.pid() + " failed: " + e);
      }
    }
    for (Target target : all) {
      Tracees.awaitReleased(target.pid(), target.launched()).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("; ", problems));
    }
  }
}
