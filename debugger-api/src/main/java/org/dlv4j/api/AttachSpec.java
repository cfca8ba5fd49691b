package org.dlv4j.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to attach to a running process ({@code dlv attach <pid> [executable]}).
 *
 * <pre>{@code
 * Target target = debugger.attach(AttachSpec.of(pid).withExecutable(Path.of("build/app.debug")));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. The canonical constructor may gain components in
 * later versions: prefer {@link #of(int)} and the {@code withX} methods.
 *
 * @param pid the process to attach to
 * @param executable the ELF file to read symbols and debug information from; empty means the
 *     process's own executable ({@code /proc/<pid>/exe}). Give it when that file is gone or
 *     stripped and a copy with debug information exists.
 */
public record AttachSpec(int pid, Optional<Path> executable) {
  /**
   * Validates the components (the process is checked at attach time).
   *
   * @param pid the process to attach to
   * @param executable the ELF file to read symbols and debug information from; empty means the
   *     process's own executable ({@code /proc/<pid>/exe}). Give it when that file is gone or
   *     stripped and a copy with debug information exists.
   * @throws NullPointerException if {@code executable} is null
   * @throws IllegalArgumentException if {@code pid} is not positive or {@code executable} is
   *     the empty path
   */
  public AttachSpec {
    Checks.positive(pid, "pid");
    Checks.notNull(executable, "executable").ifPresent(path -> Checks.path(path, "executable"));
  }

  /**
   * Returns a spec that attaches to {@code pid} and reads its own executable.
   *
   * @param pid the process to attach to
   * @return the spec
   * @throws IllegalArgumentException if {@code pid} is not positive
   */
  public static AttachSpec of(int pid) {
    return new AttachSpec(pid, Optional.empty());
  }

  /**
   * Returns a copy that reads symbols and debug information from {@code executable}.
   *
   * @param executable an ELF file built from the same sources and flags as the process
   * @return the new spec
   * @throws NullPointerException if {@code executable} is null
   * @throws IllegalArgumentException if {@code executable} is the empty path
   */
  public AttachSpec withExecutable(Path executable) {
    return new AttachSpec(pid, Optional.of(Checks.notNull(executable, "executable")));
  }
}
