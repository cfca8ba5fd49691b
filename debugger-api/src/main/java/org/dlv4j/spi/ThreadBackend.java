package org.dlv4j.spi;

/**
 * One traced OS thread of a target process. Handles stay valid while the thread lives; after
 * it exits, operations throw {@link org.dlv4j.api.NoSuchProcessException} or
 * {@link org.dlv4j.api.TargetExitedException}.
 *
 * <p>Thread-safety: {@link #tid()} and {@link #isStopped()} work from any thread; the others
 * issue ptrace calls and are tracer-only (see {@link ProcessBackend#onTracer}).
 */
public interface ThreadBackend {

  /**
   * Returns the kernel thread id.
   *
   * @return the tid (the pid for the process's main thread)
   */
  int tid();

  /**
   * Tells whether the thread is stopped under the debugger's control (its registers can be
   * read and it can be stepped).
   *
   * @return {@code true} if stopped
   */
  boolean isStopped();

  /**
   * Returns the thread's registers. They are read from the kernel once per stop and cached
   * until the thread resumes. Tracer-only.
   *
   * @return the registers at the current stop
   * @throws IllegalStateException if the thread is running, or when called off the tracer
   *     thread
   */
  RegisterFile registers();

  /**
   * Writes the general-purpose registers (all of them, as held by {@code registers}, usually a
   * modified copy of {@link #registers()}). Tracer-only.
   *
   * @param registers the values to write
   * @throws IllegalStateException if the thread is running, or when called off the tracer
   *     thread
   */
  void setRegisters(RegisterFile registers);

  /**
   * Sets the program counter, keeping every other register. Tracer-only.
   *
   * @param pc the address of the next instruction to execute
   * @throws IllegalStateException if the thread is running, or when called off the tracer
   *     thread
   */
  void setPc(long pc);
}
