package org.dlv4j.api;

import java.lang.System.Logger.Level;
import java.util.ServiceLoader;
import org.dlv4j.spi.DebuggerEngine;

/**
 * The entry point of dlv4j: launches Go programs under the debugger, or attaches to running
 * ones, and returns a {@link Target} to control each.
 *
 * <pre>{@code
 * Debugger debugger = Debugger.create();
 * try (Target target = debugger.launch(LaunchSpec.of(Path.of("bin/server"), "--port", "8080"))) {
 *   target.createBreakpoint(BreakpointSpec.atFunction("main.handle"));
 *   DebuggerState state = target.resume();
 *   // ...
 * }
 * try (Target target = debugger.attach(4242)) {   // detaching leaves it running
 *   System.out.println(target.state().threads());
 * }
 * }</pre>
 *
 * <p>The work is done by a {@link DebuggerEngine} found with {@link ServiceLoader}: add the
 * engine ({@code debugger-gort}) and the backend for the platform (for example
 * {@code debugger-native-linux-amd64}) to the class or module path. A {@code Debugger} is
 * immutable and thread-safe; one instance may launch and attach to any number of targets, which
 * are independent of each other and of the {@code Debugger}.
 */
public final class Debugger {
  private static final System.Logger LOG = System.getLogger("debugger");

  private final DebuggerEngine engine;

  private Debugger(DebuggerEngine engine) {
    this.engine = engine;
  }

  /**
   * Returns a debugger for the JVM's platform, with the first engine that supports it among
   * those {@link ServiceLoader#load(Class)} finds (providers in the module graph, and on the
   * class path of the thread context class loader).
   *
   * @return the debugger
   * @throws EngineNotFoundException if no engine supports the JVM's platform
   * @throws java.util.ServiceConfigurationError if an engine provider cannot be loaded
   */
  public static Debugger create() {
    return create(ServiceLoader.load(DebuggerEngine.class));
  }

  /**
   * Returns a debugger for the JVM's platform, with the first engine that supports it among
   * the providers {@code loader} can see. Use it where the thread context class loader does
   * not see dlv4j's jars, for example in a plugin.
   *
   * @param loader the class loader to find engines with
   * @return the debugger
   * @throws NullPointerException if {@code loader} is null
   * @throws EngineNotFoundException if no engine supports the JVM's platform
   * @throws java.util.ServiceConfigurationError if an engine provider cannot be loaded
   */
  public static Debugger create(ClassLoader loader) {
    return create(ServiceLoader.load(DebuggerEngine.class, Checks.notNull(loader, "loader")));
  }

  /**
   * Returns a debugger that uses the given engine, whatever platform it supports: for
   * dependency injection and for tests of engines.
   *
   * @param engine the engine
   * @return the debugger
   * @throws NullPointerException if {@code engine} is null
   */
  public static Debugger using(DebuggerEngine engine) {
    return new Debugger(Checks.notNull(engine, "engine"));
  }

  private static Debugger create(ServiceLoader<DebuggerEngine> engines) {
    return create(engines, HostPlatform.goos(System.getProperty("os.name")),
        HostPlatform.goarch(System.getProperty("os.arch")));
  }

  /** Picks the first engine that supports {@code os}/{@code arch}; visible for tests. */
  static Debugger create(Iterable<DebuggerEngine> engines, String os, String arch) {
    for (DebuggerEngine engine : engines) {
      if (engine.supports(os, arch)) {
        LOG.log(Level.DEBUG, () -> "engine " + engine.getClass().getName() + " for " + os + "/"
            + arch);
        return new Debugger(engine);
      }
    }
    throw new EngineNotFoundException(os, arch);
  }

  /**
   * Starts a program under the debugger (building it first for {@link Program.GoBuild} and
   * {@link Program.GoTest}) and returns it stopped at its first instruction, with
   * {@link StopReason.Launched}.
   *
   * @param spec what to run and how
   * @return the target, stopped; close it to kill the program and release its resources
   * @throws NullPointerException if {@code spec} is null
   * @throws LaunchException if the program does not exist, is not an executable ELF file for
   *     this machine, the working directory or a redirect file cannot be used, or the Go build
   *     fails
   * @throws PermissionDeniedException if the operating system forbids tracing the program
   * @throws DebuggerException if the program cannot be read or traced for another reason
   */
  public Target launch(LaunchSpec spec) {
    return engine.launch(Checks.notNull(spec, "spec"));
  }

  /**
   * Attaches to a running process and stops all its threads, with
   * {@link StopReason.Attached}; reads its own executable.
   *
   * @param pid the process to attach to
   * @return the target, stopped; close it to release the process, running
   * @throws IllegalArgumentException if {@code pid} is not positive
   * @throws NoSuchProcessException if no process has that id
   * @throws PermissionDeniedException if the operating system forbids tracing it (another
   *     user's process, one already traced, or a ptrace policy)
   * @throws DebuggerException if the process cannot be read or traced for another reason
   */
  public Target attach(int pid) {
    return attach(AttachSpec.of(pid));
  }

  /**
   * Attaches to a running process and stops all its threads, with
   * {@link StopReason.Attached}.
   *
   * @param spec the process, and optionally the executable to read
   * @return the target, stopped; close it to release the process, running
   * @throws NullPointerException if {@code spec} is null
   * @throws NoSuchProcessException if no process has that id
   * @throws PermissionDeniedException if the operating system forbids tracing it
   * @throws DebuggerException if the process or executable cannot be read or traced
   */
  public Target attach(AttachSpec spec) {
    return engine.attach(Checks.notNull(spec, "spec"));
  }

  /**
   * Returns the name of the engine's class, for diagnostics.
   *
   * @return e.g. {@code "Debugger[org.dlv4j.gort.GortEngine]"}
   */
  @Override
  public String toString() {
    return "Debugger[" + engine.getClass().getName() + "]";
  }
}
