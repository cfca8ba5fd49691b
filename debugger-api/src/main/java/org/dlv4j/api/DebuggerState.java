package org.dlv4j.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The state of a target at one moment, as Delve's {@code api.DebuggerState}: running, stopped
 * (with the reason and every thread), or exited (with the exit status). {@link Target#resume()}
 * and the steps return it; {@link Target#state()} reports the latest one.
 *
 * <ul>
 *   <li>Running: {@code stopReason} is empty; there are no threads, no current thread and no
 *       selected goroutine.
 *   <li>Stopped: {@code stopReason} is present and not {@link StopReason.Exited}; every thread
 *       of the process is listed.
 *   <li>Exited: {@code stopReason} is a {@link StopReason.Exited}; there are no threads.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. The {@link Thread} snapshots inside belong to the
 * stop this state describes (see {@link Thread} for what that means after the next resume).
 *
 * @param pid the target's process id
 * @param stopReason why the target is stopped, or that it exited; empty while it runs
 * @param currentThread the thread that caused the stop (the one at a breakpoint, the one that
 *     stepped), or another stopped thread if none did (a manual stop); empty unless stopped
 * @param threads every thread of the process at the stop, ascending by id; empty unless
 *     stopped
 * @param selectedGoroutine the goroutine that next, step and step out act on (Delve's
 *     {@code currentGoroutine}): after a stop, the one the current thread runs; after
 *     {@link Target#switchGoroutine(long)}, the one chosen, which may be parked. Empty if the
 *     current thread runs none (a system stack, a non-Go thread), or the engine does not read
 *     goroutines. Clients prefer it over {@code currentThread} (Delve's ClientHowto).
 * @param nextInProgress whether a next, step or step out was interrupted by another stop (a
 *     breakpoint, a halt): the next {@link Target#resume()} finishes it,
 *     {@link Target#cancelNext()} abandons it, and no other step starts meanwhile
 */
public record DebuggerState(
    int pid,
    Optional<StopReason> stopReason,
    Optional<Thread> currentThread,
    List<Thread> threads,
    Optional<Goroutine> selectedGoroutine,
    boolean nextInProgress) {

  /**
   * Validates and copies the components.
   *
   * @param pid the target's process id
   * @param stopReason why the target is stopped, or that it exited; empty while it runs
   * @param currentThread the thread that caused the stop (the one at a breakpoint, the one that
   *     stepped), or another stopped thread if none did (a manual stop); empty unless stopped
   * @param threads every thread of the process at the stop, ascending by id; empty unless
   *     stopped
   * @param selectedGoroutine the goroutine that next, step and step out act on
   * @param nextInProgress whether a next, step or step out was interrupted by another stop
   * @throws NullPointerException if a component or a thread is null
   * @throws IllegalArgumentException if {@code pid} is not positive, the threads are not strictly ascending by id, the current thread is not
   *     among the threads, or a running or exited state has threads, a current thread or a
   *     selected goroutine
   */
  public DebuggerState {
    Checks.positive(pid, "pid");
    Checks.notNull(stopReason, "stopReason");
    Checks.notNull(currentThread, "currentThread");
    threads = Checks.copy(threads, "threads");
    Checks.notNull(selectedGoroutine, "selectedGoroutine");
    List<Integer> ids = threads.stream().map(Thread::id).toList();
    for (int i = 1; i < ids.size(); i++) {
      if (ids.get(i - 1) >= ids.get(i)) {
        throw new IllegalArgumentException("threads must be ascending by id: " + ids);
      }
    }
    currentThread.ifPresent(current -> {
      if (!ids.contains(current.id())) {
        throw new IllegalArgumentException("current thread " + current.id()
            + " is not among the threads " + ids);
      }
    });
    boolean stopped = stopReason.isPresent() && !(stopReason.get() instanceof StopReason.Exited);
    if (!stopped && (!threads.isEmpty() || selectedGoroutine.isPresent())) {
      throw new IllegalArgumentException((stopReason.isEmpty() ? "a running" : "an exited")
          + " state has no threads and no selected goroutine");
    }
  }

  /**
   * Returns the state of a running target.
   *
   * @param pid the target's process id
   * @return a state without stop reason or threads
   * @throws IllegalArgumentException if {@code pid} is not positive
   */
  public static DebuggerState running(int pid) {
    return new DebuggerState(pid, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false);
  }

  /**
   * Returns the state of a target whose process has ended.
   *
   * @param pid the process id it had
   * @param exited how it ended
   * @return a state with that stop reason and no threads
   * @throws NullPointerException if {@code exited} is null
   * @throws IllegalArgumentException if {@code pid} is not positive
   */
  public static DebuggerState exited(int pid, StopReason.Exited exited) {
    return new DebuggerState(pid, Optional.of(Checks.notNull(exited, "exited")),
        Optional.empty(), List.of(), Optional.empty(), false);
  }

  /**
   * Tells whether the target was running when this state was taken.
   *
   * @return whether there is no stop reason
   */
  public boolean running() {
    return stopReason.isEmpty();
  }

  /**
   * Tells whether the process has ended.
   *
   * @return whether the stop reason is {@link StopReason.Exited}
   */
  public boolean exited() {
    return stopReason.orElse(null) instanceof StopReason.Exited;
  }

  /**
   * Returns the exit status of an ended process, as Delve's {@code exitStatus}.
   *
   * @return the exit code, or {@code 128 + signal}; empty unless {@link #exited()}
   */
  public OptionalInt exitStatus() {
    return stopReason.orElse(null) instanceof StopReason.Exited e
        ? OptionalInt.of(e.exitStatus())
        : OptionalInt.empty();
  }

  /**
   * Finds a thread of this stop by id.
   *
   * @param id the thread id
   * @return the thread, or empty if the process had no such thread at this stop
   */
  public Optional<Thread> thread(int id) {
    return threads.stream().filter(t -> t.id() == id).findFirst();
  }

  /**
   * Returns the threads that stopped at a user breakpoint.
   *
   * @return the threads whose {@link Thread#breakpoints()} is not empty, ascending by id
   */
  public List<Thread> threadsAtBreakpoints() {
    return threads.stream().filter(t -> !t.breakpoints().isEmpty()).toList();
  }

  /**
   * Returns the breakpoints hit at this stop, each once even if several threads hit it.
   *
   * @return the breakpoints as the first thread that hit each reports them, ascending by id
   */
  public List<Breakpoint> breakpointsHit() {
    Map<Integer, Breakpoint> byId = new TreeMap<>();
    for (Thread thread : threads) {
      thread.breakpoints().forEach(b -> byId.putIfAbsent(b.id(), b));
    }
    return List.copyOf(byId.values());
  }
}
