package org.dlv4j.gort.internal.target;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.dlv4j.api.AttachSpec;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Program;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.spi.DebuggerEngine;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.TargetBackendProvider;

/**
 * dlv4j's Go engine, found by {@link org.dlv4j.api.Debugger} through {@link ServiceLoader}. It
 * controls processes through the first {@link TargetBackendProvider} that supports the host
 * (for example {@code debugger-native-linux-amd64}), builds Go packages for
 * {@link Program.GoBuild} and {@link Program.GoTest}, and returns {@link TargetImpl}s.
 * Stateless and thread-safe.
 */
public final class GoEngine implements DebuggerEngine {
  private static final System.Logger LOG = System.getLogger("debugger");

  /** Creates the engine; the backend is looked up on first use. */
  public GoEngine() {
    // ServiceLoader needs a public no-argument constructor
  }

  @Override
  public boolean supports(String os, String arch) {
    return "linux".equals(os) && provider().filter(p -> p.arch().name().equals(arch))
        .isPresent();
  }

  @Override
  public Target launch(LaunchSpec spec) {
    TargetBackendProvider provider = requireProvider();
    GoBuilder.Built built = spec.program() instanceof Program.Executable ? null
        : GoBuilder.build(spec.program());
    Path program = built != null ? built.binary()
        : ((Program.Executable) spec.program()).path().toAbsolutePath();
    Runnable cleanup = built != null ? built::delete : () -> { };
    ProcessBackend backend;
    try {
      backend = provider.launch(ProcessSpecs.of(spec, program));
    } catch (RuntimeException e) {
      cleanup.run();
      throw e;
    }
    LOG.log(Level.DEBUG, () -> "launched " + program + " as process " + backend.pid());
    try {
      return TargetImpl.start(backend, program, program, cleanup, new StopReason.Launched());
    } catch (RuntimeException e) {
      cleanup.run();
      throw e;
    }
  }

  @Override
  public Target attach(AttachSpec spec) {
    ProcessBackend backend = requireProvider().attach(spec.pid());
    Path image = spec.executable().orElse(Path.of("/proc", Integer.toString(spec.pid()), "exe"));
    Path executable = spec.executable().orElseGet(() -> exeLink(spec.pid(), image));
    LOG.log(Level.DEBUG, () -> "attached to process " + spec.pid() + " (" + executable + ")");
    return TargetImpl.start(backend, executable, image, () -> { }, new StopReason.Attached());
  }

  private static Path exeLink(int pid, Path link) {
    try {
      return Files.readSymbolicLink(link);
    } catch (IOException | UnsupportedOperationException e) {
      return link;
    }
  }

  private static TargetBackendProvider requireProvider() {
    return provider().orElseThrow(() -> new org.dlv4j.api.EngineNotFoundException(
        System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT),
        System.getProperty("os.arch")));
  }

  private static Optional<TargetBackendProvider> provider() {
    try {
      for (TargetBackendProvider p : ServiceLoader.load(TargetBackendProvider.class,
          GoEngine.class.getClassLoader())) {
        if (p.supportsHost()) {
          return Optional.of(p);
        }
      }
    } catch (ServiceConfigurationError e) {
      LOG.log(Level.WARNING, "cannot load a dlv4j backend", e);
    }
    return Optional.empty();
  }
}
