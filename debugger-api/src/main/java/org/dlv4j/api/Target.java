package org.dlv4j.api;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
   * Steps the selected goroutine to the next source line of its current function, over calls
   * (Delve's {@code next}); with no selected goroutine, the current thread. It stops at the
   * next line of the same function invocation (recursive calls of it do not count), at its
   * caller when the function returns, or in a function it deferred when the return runs it.
   * The goroutine is followed when the scheduler moves it to another thread; other goroutines
   * run meanwhile. If another stop comes first (a breakpoint, a halt), this returns that stop
   * with {@link DebuggerState#nextInProgress()} set: the next {@link #resume()} finishes the
   * step, {@link #cancelNext()} abandons it. Produces {@link Event.Resumed} and then
   * {@link Event.Stopped} or {@link Event.Exited}.
   *
   * @return the new state: {@link StopReason.NextFinished} with the goroutine's thread as
   *     current thread, another stop, or exited
   * @throws StepInProgressException if a next, step or step out is in progress
   * @throws NoSourceException if the selected goroutine (or thread) stands where there is no
   *     source line
   * @throws TargetRunningException if another thread is resuming or stepping
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws IllegalStateException if called from an {@link EventListener}
   * @throws DebuggerException if the process cannot be controlled
   */
  DebuggerState next();

  /**
   * Steps the selected goroutine to the next source line, into the functions called on the
   * current line (Delve's {@code step}): closures, method values, interface and deferred calls
   * included, stopping after the callee's prologue. Unexported runtime functions and code
   * without source are stepped over, and compiler-generated wrappers are stepped through to
   * the function they wrap. A {@code go} statement on the line is followed: the step stops
   * after the prologue of the function the new goroutine runs, and that goroutine becomes the
   * selected one. Otherwise as {@link #next()}.
   *
   * @return the new state, as {@link #next()}
   * @throws StepInProgressException if a next, step or step out is in progress
   * @throws NoSourceException if the selected goroutine (or thread) has no source line
   * @throws TargetRunningException if another thread is resuming or stepping
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws IllegalStateException if called from an {@link EventListener}
   * @throws DebuggerException if the process cannot be controlled
   */
  DebuggerState step();

  /**
   * Runs the selected goroutine until its current function returns to its caller (Delve's
   * {@code stepOut}), stopping first in any function the return runs as a deferred call.
   * Otherwise as {@link #next()}.
   *
   * @return the new state, as {@link #next()}
   * @throws StepInProgressException if a next, step or step out is in progress
   * @throws NoSourceException if the selected goroutine (or thread) has no source line
   * @throws TargetRunningException if another thread is resuming or stepping
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws IllegalStateException if called from an {@link EventListener}
   * @throws DebuggerException if the process cannot be controlled
   */
  DebuggerState stepOut();

  /**
   * Abandons a next, step or step out that another stop interrupted (Delve's
   * {@code CancelNext}): its temporary breakpoints are removed and
   * {@link DebuggerState#nextInProgress()} becomes false. Does nothing if none is in progress.
   *
   * @return the current state, with {@code nextInProgress} false
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws DebuggerException if a breakpoint instruction cannot be removed
   */
  DebuggerState cancelNext();

  /**
   * Makes a thread the current thread (Delve's {@code switchThread}); the selected goroutine
   * becomes the one it runs, or none.
   *
   * @param threadId the thread's id
   * @return the current state with that current thread
   * @throws NoSuchThreadException if the process has no thread with that id
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  DebuggerState switchThread(int threadId);

  /**
   * Selects the goroutine that next, step and step out act on (Delve's
   * {@code switchGoroutine}). A parked goroutine can be selected: the current thread then
   * stays as it was, and the two no longer match; a running one makes its thread current.
   *
   * @param goroutineId the goroutine's id
   * @return the current state with that selected goroutine
   * @throws NoSuchGoroutineException if no live goroutine has that id
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  DebuggerState switchGoroutine(long goroutineId);

  /**
   * Lists goroutines (Delve's {@code ListGoroutines}): a window of the runtime's goroutine
   * array, filtered and optionally grouped, dead goroutines left out. The goroutines are read
   * in bulk once per stop; listing again at the same stop costs no target reads.
   *
   * @param request the window, filters and grouping
   * @return the page
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws DebuggerException if the runtime's goroutine array cannot be read
   */
  GoroutinePage goroutines(GoroutinesRequest request);

  /**
   * Lists every live goroutine in the runtime's array order.
   *
   * @return the goroutines
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws DebuggerException if the runtime's goroutine array cannot be read
   */
  default List<Goroutine> goroutines() {
    return goroutines(GoroutinesRequest.all()).goroutines();
  }

  /**
   * Finds a live goroutine by id.
   *
   * @param goroutineId the goroutine's id
   * @return the goroutine as it is at this stop, or empty if none has that id
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  Optional<Goroutine> goroutine(long goroutineId);

  /**
   * Unwinds a goroutine's stack (Delve's {@code Stacktrace}): from the running thread's
   * registers when a thread runs it (crossing from a system stack back to the goroutine's),
   * else from the registers the scheduler saved. Inlined calls are frames of their own.
   * Asking again at the same stop costs no target reads.
   *
   * @param goroutineId the goroutine's id
   * @param depth how many frames to return at most, 1 or more
   * @param withDefers whether to attach the pending deferred calls to their frames
   * @return the frames, innermost first
   * @throws NoSuchGoroutineException if no live goroutine has that id
   * @throws IllegalArgumentException if {@code depth} is not positive
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  List<Stackframe> stacktrace(long goroutineId, int depth, boolean withDefers);

  /**
   * Unwinds the stacks of many goroutines at once, reading the target in bulk: the way to
   * print every stack of a large program (a "jstack for Go").
   *
   * @param goroutineIds the goroutines' ids
   * @param depth how many frames per stack at most, 1 or more
   * @param withDefers whether to attach the pending deferred calls to their frames
   * @return each goroutine's frames, innermost first, by id in the order asked
   * @throws NoSuchGoroutineException if an id names no live goroutine
   * @throws IllegalArgumentException if {@code depth} is not positive
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  Map<Long, List<Stackframe>> stacktraces(List<Long> goroutineIds, int depth,
      boolean withDefers);

  /**
   * Unwinds a thread's stack from its registers, whatever it runs: a goroutine (then the same
   * frames as {@link #stacktrace}), the scheduler on a system stack, or non-Go code as far as
   * frame information reaches.
   *
   * @param threadId the thread's id
   * @param depth how many frames to return at most, 1 or more
   * @param withDefers whether to attach the pending deferred calls to their frames
   * @return the frames, innermost first
   * @throws NoSuchThreadException if the process has no thread with that id
   * @throws IllegalArgumentException if {@code depth} is not positive
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   * @throws DebuggerException if the program has no Go runtime the engine can read, so that
   *     nothing can be unwound
   */
  List<Stackframe> threadStacktrace(int threadId, int depth, boolean withDefers);

  /**
   * Returns one frame of a goroutine's stack, with its deferred calls.
   *
   * @param goroutineId the goroutine's id
   * @param index the frame's index, 0 for the innermost; inlined calls count
   * @return the frame
   * @throws NoSuchGoroutineException if no live goroutine has that id
   * @throws NoSuchFrameException if the stack has no frame {@code index}
   * @throws IllegalArgumentException if {@code index} is negative
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  Stackframe frame(long goroutineId, int index);

  /**
   * Disassembles the instructions that start in {@code [start, end)} (Delve's
   * {@code Disassemble}), showing the program's own bytes where breakpoints are planted.
   * {@link AsmInstruction#atPc()} marks the current thread's pc.
   *
   * @param start the first address
   * @param end the address after the last byte
   * @param syntax the assembly syntax
   * @return the instructions, ascending
   * @throws IllegalArgumentException if {@code end} is below {@code start} or the range is
   *     over 1 MiB
   * @throws MemoryAccessException if the range cannot be read
   * @throws DisassemblerUnavailableException if no disassembler loads for the architecture
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  List<AsmInstruction> disassemble(long start, long end, AsmSyntax syntax);

  /**
   * Disassembles the whole function that contains {@code pc}, as {@link #disassemble}.
   *
   * @param pc an address inside the function
   * @param syntax the assembly syntax
   * @return the function's instructions, ascending
   * @throws LocationNotFoundException if no function contains {@code pc}
   * @throws DisassemblerUnavailableException if no disassembler loads for the architecture
   * @throws TargetRunningException if the target is running
   * @throws TargetExitedException if the process has ended
   * @throws TargetDetachedException if the target has been detached
   */
  List<AsmInstruction> disassembleFunction(long pc, AsmSyntax syntax);

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
