package org.dlv4j.spi;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A traced process: its threads, its memory, and the primitives the engine builds
 * continue/step/halt on. Created by {@link TargetBackendProvider#launch(ProcessSpec)} or
 * {@link TargetBackendProvider#attach(int)} with every thread stopped.
 *
 * <p>Thread-safety: each backend owns one dedicated platform thread, the <em>tracer</em>, that
 * issues every ptrace and wait call. Methods marked <em>tracer-only</em> throw
 * {@link IllegalStateException} when called from another thread; the engine runs them (its
 * whole continue loop, typically) inside {@link #onTracer(Callable)}:
 *
 * <pre>{@code
 * WaitEvent stop = backend.onTracer(() -> {
 *   backend.resumeAll();
 *   return backend.waitEvent();
 * });
 * }</pre>
 *
 * <p>{@link #pid()}, {@link #launched()}, {@link #arch()}, {@link #isAlive()},
 * {@link #memory()}, {@link #requestHalt()}, {@link #kill()}, {@link #close()} and the stdio
 * streams work from any thread.
 *
 * <p>After the process ended, tracer-only operations throw
 * {@link org.dlv4j.api.TargetExitedException}; after {@link #detach()} they throw
 * {@link IllegalStateException}.
 */
public interface ProcessBackend extends AutoCloseable {

  /**
   * Returns the process id.
   *
   * @return the pid
   */
  int pid();

  /**
   * Tells whether the backend started the process ({@code true}) or attached to it.
   *
   * @return {@code true} if launched
   */
  boolean launched();

  /**
   * Returns the architecture of the process.
   *
   * @return the architecture facts
   */
  ArchSupport arch();

  /**
   * Tells whether the process still exists under this backend (not exited, killed or
   * detached).
   *
   * @return {@code true} while the process can be controlled
   */
  boolean isAlive();

  /**
   * Runs a task on the tracer thread and returns its result. Called on the tracer thread
   * itself, runs the task directly. Calls from other threads queue up and run one at a time.
   *
   * @param task the work, typically a sequence of tracer-only calls
   * @param <T> the result type
   * @return what the task returned
   * @throws org.dlv4j.api.DebuggerException what the task threw, unchanged if unchecked and
   *     wrapped otherwise; also if the caller is interrupted while waiting (the task keeps
   *     running)
   */
  <T> T onTracer(Callable<T> task);

  /**
   * Runs a task without a result on the tracer thread; see {@link #onTracer(Callable)}.
   *
   * @param task the work, typically a sequence of tracer-only calls
   * @throws org.dlv4j.api.DebuggerException what the task threw, as for
   *     {@link #onTracer(Callable)}
   */
  default void onTracer(Runnable task) {
    onTracer(() -> {
      task.run();
      return null;
    });
  }

  /**
   * Returns the live threads, the main thread first. Tracer-only.
   *
   * @return a snapshot list
   */
  List<ThreadBackend> threads();

  /**
   * Waits until a running thread reports something worth the engine's attention. Thread
   * creation is absorbed (the new thread is registered and resumed), as are the backend's own
   * stops. Tracer-only; blocks until an event arrives or {@link #requestHalt()} is called.
   *
   * @return the event; the thread it names (if any) is stopped, others keep their state
   * @throws IllegalStateException if no thread is running (nothing could ever arrive)
   * @throws org.dlv4j.api.TargetExitedException if the process already ended
   */
  WaitEvent waitEvent();

  /**
   * Resumes one stopped thread with its pending signal, as {@link #resumeAll()} resumes every
   * thread: the signal a {@link WaitEvent.Signal} reported, or one that arrived during
   * {@link #singleStep(ThreadBackend)}, is delivered. Tracer-only.
   *
   * @param thread a stopped thread
   * @throws IllegalStateException if the thread is not stopped
   */
  void resume(ThreadBackend thread);

  /**
   * Resumes one stopped thread with a chosen signal instead of its pending one. Tracer-only.
   *
   * @param thread a stopped thread
   * @param signal the signal to deliver as it resumes, or 0 for none (this discards a pending
   *     signal reported by {@link WaitEvent.Signal})
   * @throws IllegalStateException if the thread is not stopped
   */
  void resume(ThreadBackend thread, int signal);

  /**
   * Resumes every stopped thread, each with its pending signal (the one reported by a
   * {@link WaitEvent.Signal} and not yet discarded). Tracer-only.
   */
  void resumeAll();

  /**
   * Stops every running thread and waits until all are stopped. Tracer-only.
   *
   * @return what threads reported instead of a plain stop, in arrival order: traps and signals
   *     that arrived first (signals stay pending for {@link #resumeAll()}), a halt request,
   *     thread exits, or the process's end; empty if every thread simply stopped
   */
  List<WaitEvent> stopAll();

  /**
   * Executes one instruction of a stopped thread; the other threads keep their state.
   * Signals that arrive meanwhile become the thread's pending signal (synchronous faults are
   * delivered, so the step ends at the handler). Tracer-only.
   *
   * <p>The step ends with the stepping thread's next trap, reported as a {@link WaitEvent.Trap}
   * with code {@link WaitEvent.Trap#TRAP_TRACE} however the kernel ended it: after the
   * instruction, at the exit of the system call a {@code syscall} instruction made, or at the
   * trap of a breakpoint instruction it executed. The backend does not ask the kernel what
   * raised a SIGTRAP of the thread it steps (one system call less per step), so a
   * {@code SIGTRAP} sent to that thread with {@code kill(2)} during the step would be taken
   * for the step's end and lost. A step over a system call that blocks takes as long as the
   * call; {@link #requestHalt()} from another thread interrupts it (the call is restarted
   * when the thread next runs), which ends the step with that trap or with
   * {@link WaitEvent.HaltRequested}; a halt not reported by the step is reported by the next
   * {@link #waitEvent()}.
   *
   * @param thread a stopped thread
   * @return the {@link WaitEvent.Trap} that ended the step (code
   *     {@link WaitEvent.Trap#TRAP_TRACE}), a {@link WaitEvent.HaltRequested} that cut it
   *     short, or the thread's or process's end
   * @throws IllegalStateException if the thread is not stopped
   */
  WaitEvent singleStep(ThreadBackend thread);

  /**
   * Writes code (breakpoint instructions and the original bytes they replaced) with word-sized
   * read-modify-write ptrace pokes, which work on read-only text and keep instruction caches
   * coherent. Never use {@link MemoryAccess#write} for code. Tracer-only; needs a stopped
   * thread.
   *
   * @param address the first address
   * @param bytes the bytes to write
   * @throws org.dlv4j.api.MemoryAccessException if the range is not mapped
   */
  void writeText(long address, byte[] bytes);

  /**
   * Ends debugging. An attached process is released running, with every thread detached (the
   * backend restores nothing: remove breakpoints first); a launched process is killed and
   * reaped. Tracer-only; idempotent.
   */
  void detach();

  /**
   * Kills the process (a launched one with its whole process group) and reaps it. Works from
   * any thread, also while another thread waits in {@link #waitEvent()}, which then returns
   * {@link WaitEvent.Killed}. Idempotent.
   */
  void kill();

  /**
   * Makes a running target stop: a {@link #waitEvent()} blocked now, or the next one, returns
   * {@link WaitEvent.HaltRequested}. Works from any thread and returns at once.
   */
  void requestHalt();

  /**
   * Returns the target's memory. Works from any thread.
   *
   * @return the memory accessor, the same object every time
   */
  MemoryAccess memory();

  /**
   * Returns the write end of the process's standard input if it was launched with
   * {@link Stdio#pipe()} for stdin.
   *
   * @return the stream (closing it gives the process end-of-file), or empty
   */
  Optional<OutputStream> stdin();

  /**
   * Returns the read end of the process's standard output if it was launched with
   * {@link Stdio#pipe()} for stdout.
   *
   * @return the stream, or empty
   */
  Optional<InputStream> stdout();

  /**
   * Returns the read end of the process's standard error if it was launched with
   * {@link Stdio#pipe()} for stderr.
   *
   * @return the stream, or empty
   */
  Optional<InputStream> stderr();

  /**
   * Releases the process as {@link #detach()} does (killing a launched one), then stops the
   * tracer thread. Works from any thread; idempotent.
   */
  @Override
  void close();
}
