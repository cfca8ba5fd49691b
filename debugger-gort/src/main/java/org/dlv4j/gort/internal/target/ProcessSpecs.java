package org.dlv4j.gort.internal.target;

import java.nio.file.Path;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Redirect;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;

/** Turns the client's {@link LaunchSpec} into the backend's exact {@link ProcessSpec}. */
final class ProcessSpecs {
  private ProcessSpecs() { }

  /**
   * Resolves the environment against the JVM's, the working directory against the JVM's, and
   * maps the redirects.
   *
   * @param spec the client's request
   * @param program the executable to run (the request's, or the one just built)
   * @return the backend's spec
   */
  static ProcessSpec of(LaunchSpec spec, Path program) {
    Path cwd = spec.workingDirectory().orElse(Path.of("")).toAbsolutePath();
    return new ProcessSpec(program.toAbsolutePath(), spec.args(),
        spec.environment().resolve(System.getenv()), cwd, stdio(spec.stdin()),
        stdio(spec.stdout()), stdio(spec.stderr()));
  }

  private static Stdio stdio(Redirect redirect) {
    if (redirect instanceof Redirect.Pipe) {
      return Stdio.pipe();
    }
    if (redirect instanceof Redirect.FromFile from) {
      return new Stdio.FromFile(from.path().toAbsolutePath());
    }
    if (redirect instanceof Redirect.ToFile to) {
      return new Stdio.ToFile(to.path().toAbsolutePath(), to.append());
    }
    return Stdio.inherit();
  }
}
