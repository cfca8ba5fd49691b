package org.dlv4j.api;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One process under the debugger, launched or attached to by a {@link Debugger}. Closing it
 * detaches ({@link #detach()}).
 *
 * <pre>{@code
 * Debugger debugger = Debugger.create();
 * try (Target target = debugger.launch(LaunchSpec.goBuild(Path.of("cmd/hello")))) {
 *   target.createBreakpoint(BreakpointSpec.atLine("main.go", 12));
 *   DebuggerState state = target.resume();
 *   while (!state.exited()) {
 *     for (org.dlv4j.api.Thread thread : state.threadsAtBreakpoints()) {
 *       System.out.println("thread " + thread.id() + " at " + thread.location());
 *     }
 *     state = target.resume();
 *   }
 *   System.out.println("exit status " + state.exitStatus().getAsInt());
 * }
 * }</pre>
 *
 * <p><b>States.</b> A target is <em>stopped</em> (every thread is stopped; it can be inspected
 * and changed), <em>running</em> (a thread is inside {@link #resume()} or a step),
 * <em>exited</em> (the process has ended; the target still holds its resources), or
 * <em>detached</em> (after {@link #detach()}, {@link #close()}). {@link Debugger#launch} and
 * {@link Debugger#attach} return it stopped.
 *
 * <ul>
 *   <li>Operations that need a stopped target throw {@link TargetRunningException} while it
 *       runs, {@link TargetExitedException} (with the pid and exit status) once it has exited,
 *       and {@link TargetDetachedException} once it is detached.
 *   <li>Exiting is a state, not an error: {@link #resume()} and the steps return a
 *       {@link DebuggerState} with {@link DebuggerState#exited()} set when the process ends
 *       while they run, as Delve does. Only a later call that needs the process throws.
 *   <li>{@link #pid()}, {@link #launched()}, {@link #executable()} and the listener methods
 *       work in every state; {@link #halt()}, {@link #detach()} and {@link #close()} never throw
 *       because of the state.
 * </ul>
 *
 * <p><b>Threads.</b> Implementations are thread-safe. One call that lets the target run
 * ({@link #resume()} or a step) may be in progress at a time; while it blocks, any other thread
 * may call {@link #state()}, {@link #halt()}, {@link #breakpoints()}, {@link #kill()} or
 * {@link #detach()}. Other calls from other threads are serialised. No call runs on the
 * caller's behalf on the thread that traces the process, and listeners run on an event thread
 * of their own (see {@link EventListener} and {@link Event} for ordering).
 *
 * <pre>{@code
 * java.lang.Thread watchdog = new java.lang.Thread(() -> {
 *   sleepQuietly(Duration.ofSeconds(5));
 *   target.halt();                  // the resume() below returns with StopReason.Manual
 * });
 * watchdog.start();
 * DebuggerState state = target.resume();
 * }</pre>
 *
 * <p><b>Handles.</b> {@link Thread} objects are snapshots of one stop; see {@link Thread} for
 * which of their methods throw {@link StaleHandleException} after the next resume.
 * {@link Breakpoint} and {@link DebuggerState} are immutable records and never go stale.
 */
public interface Target extends AutoCloseable {
  /**
   * Returns the process id. Works in every state.
   *
   * @return the pid
   */
  int pid();

  /**
   * Tells whether dlv4j started this process ({@link Debugger#launch}) rather than attaching
   * to it. A launched process is killed when the target is detached; an attached one keeps
   * running. Works in every state.
   *
   * @return {@code true} if launched, {@code false} if attached
   */
  boolean launched();

  /**
   * Returns the ELF file whose symbols and debug information describe the process: the file
   * launched (for a Go build, the temporary binary, deleted on detach), or the attached
   * process's executable. Works in every state.
   *
   * @return the path of the executable
   */
  Path executable();

  /**
   * Returns the write end of the program's stdin when it was launched with
   * {@link Redirect#PIPE}. Closing the stream gives the program end-of-file. Writes block
   * while the pipe is full and fail with an {@link java.io.IOException} once the program has
   * exited or the target is detached. The stream is thread-safe.
   *
   * @return the stream, or empty if stdin is not a pipe (always empty for attached targets)
   */
  Optional<OutputStream> stdin();

  /**
   * Returns the current state without waiting: the state of the latest stop (the one the last
   * {@link #resume()} or step returned), a running state while the target runs (as Delve's
   * non-blocking {@code State}), or the exited state after the process ended.
   *
   * @return the current state
   * @throws TargetDetachedException if the target has been detached
   */
  DebuggerState state();

  /**
   * Resumes every thread and blocks until the target stops again: at a breakpoint, at a
   * hardcoded breakpoint, after {@link #halt()}, or because the process ended (Delve's
   * {@code continue}). A thread that stands at a breakpoint executes the instruction under it
   * first. Signals the program receives are passed to it. Produces a {@link Event.Resumed}
   * and then a {@link Event.Stopped} or {@link Event.Exited} event.
   *
   * @return the new state: stopped with its reason, or exited
   * @throws TargetRunningException if another thread is already resuming or stepping
   * @throws TargetExitedException if the process had already ended before this call
   * @throws TargetDetachedException if the target is detached before or while this call runs
   * @throws IllegalStateException if called from an {@link EventListener}
   * @throws DebuggerException if the process cannot be controlled (for example a ptrace error)
   */
  DebuggerState resume();

  /**
   * Asks the running target to stop; returns without waiting. The {@link #resume()} or step in
   * progress then returns with {@link StopReason.Manual} (or with another reason if the target
   * stopped for it first). A halt made after {@code resume()} was called and before it returned
   * is never lost. When no call is letting the target run, or the target has exited or is
   * detached, it does nothing. May be called from any thread, including listeners.
   */
  void halt();

  /**
   * Executes one machine instruction on one thread while every other thread stays stopped
   * (Delve's {@code stepInstruction}), and blocks until it is done. A breakpoint under the
   * thread's program counter is stepped over. A thread blocked in a system call may take long;
   * {@link #halt()} ends the wait. Produces a {@link Event.Resumed} and then a
   * {@link Event.Stopped} or {@link Event.Exited} event.
   *
   * @param threadId the id of the thread to step
   * @return the new state with {@link StopReason.NextFinished} and the stepped thread as current
   *     thread, or exited if the instruction ended the process
   * @throws NoSuchThreadException if the target has no thread with that id
   * @throws TargetRunningException if another thread is resuming or stepping
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws IllegalStateException if called from an {@link EventListener}
   * @throws DebuggerException if the thread cannot be stepped
   */
  DebuggerState stepInstruction(int threadId);

  /**
   * Creates a breakpoint and plants it at every address its spec resolves to. Breakpoints at
   * the same address as existing ones are allowed; each counts its own hits. Target memory
   * reads ({@link #readMemory}) never show the breakpoint instructions.
   *
   * @param spec where to stop, and the breakpoint's options
   * @return the new breakpoint, with the next free id and no hits
   * @throws LocationNotFoundException if the spec resolves to no address
   * @throws IllegalArgumentException if another breakpoint already has the spec's name
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws DebuggerException if a breakpoint instruction cannot be written
   */
  Breakpoint createBreakpoint(BreakpointSpec spec);

  /**
   * Returns every user breakpoint as it is now: hit counts as of the latest stop. Works while
   * the target runs and after it exited.
   *
   * @return the breakpoints, ascending by id
   * @throws TargetDetachedException if the target has been detached
   */
  List<Breakpoint> breakpoints();

  /**
   * Finds a user breakpoint by id. Works while the target runs and after it exited.
   *
   * @param id the breakpoint's id
   * @return the breakpoint as it is now, or empty if no breakpoint has that id
   * @throws TargetDetachedException if the target has been detached
   */
  Optional<Breakpoint> breakpoint(int id);

  /**
   * Removes a breakpoint; the addresses it alone used get their original instructions back.
   *
   * @param id the breakpoint's id
   * @return the removed breakpoint as it was last
   * @throws NoSuchBreakpointException if no breakpoint has that id
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws DebuggerException if an original instruction cannot be written back
   */
  Breakpoint clearBreakpoint(int id);

  /**
   * Returns every thread of the stopped process: the same snapshots as
   * {@link DebuggerState#threads()} of {@link #state()}.
   *
   * @return the threads, ascending by id
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  List<Thread> threads();

  /**
   * Returns one thread of the stopped process.
   *
   * @param threadId the thread's id
   * @return the thread's snapshot at the current stop
   * @throws NoSuchThreadException if the process has no thread with that id
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  Thread thread(int threadId);

  /**
   * Reads target memory. The bytes are the program's own: where a breakpoint is planted, the
   * original instruction bytes are returned.
   *
   * @param address the first address (unsigned)
   * @param length the number of bytes, 0 or more
   * @return a new array of {@code length} bytes
   * @throws IllegalArgumentException if {@code length} is negative
   * @throws MemoryAccessException if a byte of the range cannot be read; nothing is returned
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  byte[] readMemory(long address, int length);

  /**
   * Writes target memory, code included. Where a breakpoint is planted, the write replaces the
   * saved original bytes and the breakpoint stays in place.
   *
   * @param address the first address (unsigned)
   * @param data the bytes to write; not retained
   * @throws NullPointerException if {@code data} is null
   * @throws MemoryAccessException if a byte of the range cannot be written; the range may then
   *     be partly written
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  void writeMemory(long address, byte[] data);

  /**
   * Ends the debugging session and releases every resource (the tracing thread, pipes, a
   * binary built for the launch). A launched process is killed ({@link Event.Exited}); an
   * attached one has every breakpoint removed and is released running. If the target is
   * running, it is halted first and the pending {@link #resume()} or step throws
   * {@link TargetDetachedException}. Ends with a {@link Event.Detached} event. Does nothing if
   * already detached. May be called from any thread except listeners.
   *
   * @throws IllegalStateException if called from an {@link EventListener}
   * @throws DebuggerException if the process could not be released cleanly; the target is
   *     detached anyway
   */
  void detach();

  /**
   * Kills the process (SIGKILL) and waits until it is gone; the target is then exited, with
   * exit status 137 and signal 9, and still has to be detached or closed. If the target is
   * running, the pending {@link #resume()} or step returns that exited state. Does nothing if
   * the process has already ended. May be called from any thread except listeners.
   *
   * @throws TargetDetachedException if the target has been detached
   * @throws IllegalStateException if called from an {@link EventListener}
   * @throws DebuggerException if the process cannot be killed
   */
  void kill();

  /**
   * Detaches: the same as {@link #detach()}, so that try-with-resources ends the session.
   *
   * @throws IllegalStateException if called from an {@link EventListener}
   * @throws DebuggerException if the process could not be released cleanly
   */
  @Override
  void close();

  /**
   * Registers a listener for this target's events, from the next event on. Adding a listener
   * that is already registered does nothing. Works in every state.
   *
   * @param listener the listener
   * @throws NullPointerException if {@code listener} is null
   */
  void addListener(EventListener listener);

  /**
   * Unregisters a listener: no event whose delivery starts after this call returns reaches
   * it. Does nothing if it is not registered. Works in every state.
   *
   * @param listener the listener
   * @throws NullPointerException if {@code listener} is null
   */
  void removeListener(EventListener listener);
}
