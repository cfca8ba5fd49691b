package org.dlv4j.spi;

import org.dlv4j.api.AttachSpec;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Target;

/**
 * A debugger engine: the implementation behind {@link org.dlv4j.api.Debugger}. This interface
 * is for implementors; clients use {@code Debugger}.
 *
 * <p>Engines are found with {@link java.util.ServiceLoader}: declare
 * {@code provides org.dlv4j.spi.DebuggerEngine with ...} in the engine's module, or list the
 * class in {@code META-INF/services/org.dlv4j.spi.DebuggerEngine}. {@code Debugger} creates one
 * instance per lookup, asks {@link #supports} and uses the first engine that says yes.
 *
 * <p>Implementations must be thread-safe: {@link #launch} and {@link #attach} may be called
 * concurrently, and the targets they return must honour every contract of
 * {@link Target}. Engines report failures with the {@link org.dlv4j.api.DebuggerException}
 * subclasses that {@code Debugger}'s methods document, translating low-level errors at one
 * place.
 */
public interface DebuggerEngine {
  /**
   * Tells whether this engine can debug processes of a platform here. It must be cheap, must
   * not throw, and should say no when a part it needs (such as the native backend for the
   * platform) is missing, so that {@code Debugger} can report the missing artifact.
   *
   * @param os the operating system in {@code GOOS} spelling, e.g. {@code "linux"}
   * @param arch the architecture in {@code GOARCH} spelling, e.g. {@code "amd64"}
   * @return whether {@link #launch} and {@link #attach} work for that platform
   */
  boolean supports(String os, String arch);

  /**
   * Launches a program as {@link org.dlv4j.api.Debugger#launch(LaunchSpec)} documents: builds
   * it first if asked, starts it traced, and returns it stopped at its first instruction.
   *
   * @param spec the validated launch request, never null
   * @return the target, stopped with {@link org.dlv4j.api.StopReason.Launched}
   * @throws org.dlv4j.api.LaunchException if the program cannot be built or started
   * @throws org.dlv4j.api.PermissionDeniedException if tracing is forbidden
   * @throws org.dlv4j.api.DebuggerException for other failures
   */
  Target launch(LaunchSpec spec);

  /**
   * Attaches to a process as {@link org.dlv4j.api.Debugger#attach(AttachSpec)} documents and
   * returns it with every thread stopped.
   *
   * @param spec the validated attach request, never null
   * @return the target, stopped with {@link org.dlv4j.api.StopReason.Attached}
   * @throws org.dlv4j.api.NoSuchProcessException if the process does not exist
   * @throws org.dlv4j.api.PermissionDeniedException if tracing is forbidden
   * @throws org.dlv4j.api.DebuggerException for other failures
   */
  Target attach(AttachSpec spec);
}
