package org.dlv4j.spi;

/**
 * Creates process backends for one operating system and architecture. Implementations are
 * found with {@link java.util.ServiceLoader}; the engine uses the first whose
 * {@link #supportsHost()} is true. Implementations are stateless and thread-safe.
 */
public interface TargetBackendProvider {

  /**
   * Tells whether this provider can control processes on the machine the JVM runs on (same
   * operating system and architecture, required kernel facilities present).
   *
   * @return {@code true} if {@link #launch} and {@link #attach} can work here
   */
  boolean supportsHost();

  /**
   * Returns the facts about the architecture of the processes this provider controls.
   *
   * @return the architecture, never {@code null}
   */
  ArchSupport arch();

  /**
   * Starts a program under the debugger. When this returns, the new process is stopped
   * before its first instruction (at the ELF entry point, or the dynamic loader's entry for a
   * dynamically linked program) with a single thread.
   *
   * @param spec what to run, with which arguments, environment, directory and stdio
   * @return the backend of the stopped process; the caller closes it
   * @throws org.dlv4j.api.LaunchException if the program is missing, a directory, not an ELF
   *     file for this architecture, or the process could not be created or exited before
   *     reaching its first instruction; the message names the path
   * @throws org.dlv4j.api.PermissionDeniedException if the program or a redirection file may
   *     not be executed or opened, or the process may not be traced
   */
  ProcessBackend launch(ProcessSpec spec);

  /**
   * Attaches to a running process. When this returns, every thread of the process is traced
   * and stopped.
   *
   * @param pid the process id
   * @return the backend of the stopped process; the caller closes it (which detaches)
   * @throws org.dlv4j.api.NoSuchProcessException if no process {@code pid} exists
   * @throws org.dlv4j.api.PermissionDeniedException if the process may not be traced, for
   *     example because another debugger already traces it or it belongs to another user
   * @throws org.dlv4j.api.DebuggerException if the process cannot be traced for another reason
   */
  ProcessBackend attach(int pid);
}
