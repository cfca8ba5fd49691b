package org.dlv4j.api;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Something that happened to a target, delivered to its {@link EventListener}s.
 *
 * <p><b>Ordering.</b> Each target delivers its events on one event thread, one at a time, in
 * the order they happened, to listeners in the order they were added:
 *
 * <ul>
 *   <li>Every {@link Target#resume()} and step that lets the target run produces one
 *       {@link Resumed}, then {@link Output} and {@link TracepointHit} events, then exactly one
 *       {@link Stopped} (with the state the call returns) or one {@link Exited}. Resumes the
 *       engine makes internally, for example to step over a breakpoint, produce no events.
 *   <li>All output the program wrote to a {@link Redirect#PIPE} before it stopped or ended is
 *       delivered before the {@code Stopped} or {@code Exited} event. Each stream's bytes arrive
 *       in order, never lost or duplicated; stdout and stderr are not ordered relative to each
 *       other.
 *   <li>{@link Exited} comes at most once: when the process ended while running, or was
 *       killed. {@link Detached} comes exactly once, after every other event, when the target
 *       is detached or closed.
 *   <li>Delivery is asynchronous: {@code resume()} may return before or after listeners saw
 *       its {@code Stopped} event. The initial stop of {@link Debugger#launch} and
 *       {@link Debugger#attach} is not an event.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. New variants may be added in later versions.
 */
public sealed interface Event {
  /**
   * Returns the process id of the target the event is about.
   *
   * @return the pid
   */
  int pid();

  /**
   * The target was resumed and is running.
   *
   * @param pid the target's process id
   */
  record Resumed(int pid) implements Event {
    /**
     * Validates the pid.
     *
     * @param pid the target's process id
     * @throws IllegalArgumentException if {@code pid} is not positive
     */
    public Resumed {
      Checks.positive(pid, "pid");
    }
  }

  /**
   * The target stopped. The state tells why ({@link DebuggerState#stopReason()}) and, for a
   * breakpoint, which threads hit which breakpoints ({@link DebuggerState#breakpointsHit()},
   * {@link DebuggerState#threadsAtBreakpoints()}).
   *
   * @param state the state at the stop; never running or exited
   */
  record Stopped(DebuggerState state) implements Event {
    /**
     * Validates the state.
     *
     * @param state the state at the stop; never running or exited
     * @throws NullPointerException if {@code state} is null
     * @throws IllegalArgumentException if {@code state} is running or exited
     */
    public Stopped {
      if (Checks.notNull(state, "state").running() || state.exited()) {
        throw new IllegalArgumentException("a Stopped event needs a stopped state: " + state);
      }
    }

    @Override
    public int pid() {
      return state.pid();
    }
  }

  /**
   * Bytes the program wrote to a stdout or stderr that is a {@link Redirect#PIPE}. Chunks are
   * as the pipe delivered them: a line may be split across events, or several lines joined.
   *
   * @param pid the target's process id
   * @param stream which stream the bytes were written to
   * @param bytes the bytes, at least one
   */
  record Output(int pid, Stream stream, byte[] bytes) implements Event {
    /** The standard stream an {@link Output} comes from. */
    public enum Stream {
      /** Standard output, descriptor 1. */
      STDOUT,
      /** Standard error, descriptor 2. */
      STDERR
    }

    /**
     * Validates and copies the components.
     *
     * @param pid the target's process id
     * @param stream which stream the bytes were written to
     * @param bytes the bytes, at least one
     * @throws NullPointerException if {@code stream} or {@code bytes} is null
     * @throws IllegalArgumentException if {@code pid} is not positive or {@code bytes} is empty
     */
    public Output {
      Checks.positive(pid, "pid");
      Checks.notNull(stream, "stream");
      if (Checks.notNull(bytes, "bytes").length == 0) {
        throw new IllegalArgumentException("output without bytes");
      }
      bytes = bytes.clone();
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return the bytes as the program wrote them
     */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /**
     * Compares pid, stream and bytes.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an output event with the same pid, stream and bytes
     */
    @Override
    public boolean equals(Object o) {
      return o instanceof Output other && pid == other.pid && stream == other.stream
          && Arrays.equals(bytes, other.bytes);
    }

    /**
     * Hashes pid, stream and bytes.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
      return (pid * 31 + stream.hashCode()) * 31 + Arrays.hashCode(bytes);
    }

    /**
     * Returns {@code "Output[pid=1234, stream=STDOUT, 6 bytes]"}.
     *
     * @return a description without the bytes
     */
    @Override
    public String toString() {
      return "Output[pid=" + pid + ", stream=" + stream + ", " + bytes.length + " bytes]";
    }
  }

  /**
   * A thread passed a tracepoint (a breakpoint whose {@link BreakpointOptions#tracepoint()} is
   * set): the hit was counted and the thread went on without stopping the target. Comes between
   * the {@link Resumed} and the {@link Stopped} or {@link Exited} of the resume during which it
   * happened, in hit order. Engines create these events only while the target has listeners.
   *
   * @param pid the target's process id
   * @param breakpointId the id of the tracepoint
   * @param threadId the thread that passed it
   * @param location where: the tracepoint's address, with its source position and function
   */
  record TracepointHit(int pid, int breakpointId, int threadId, Location location)
      implements Event {
    /**
     * Validates the components.
     *
     * @param pid the target's process id
     * @param breakpointId the id of the tracepoint
     * @param threadId the thread that passed it
     * @param location where: the tracepoint's address, with its source position and function
     * @throws NullPointerException if {@code location} is null
     * @throws IllegalArgumentException if {@code pid} or {@code threadId} is not positive
     */
    public TracepointHit {
      Checks.positive(pid, "pid");
      Checks.positive(threadId, "threadId");
      Checks.notNull(location, "location");
    }
  }

  /**
   * The process ended: it exited, a signal killed it, or {@link Target#kill()} did.
   *
   * @param pid the process id it had
   * @param exitStatus its exit code (0..255), or {@code 128 + signal} if a signal killed it
   * @param signal the signal that killed it, if one did
   */
  record Exited(int pid, int exitStatus, OptionalInt signal) implements Event {
    /**
     * Validates the components.
     *
     * @param pid the process id it had
     * @param exitStatus its exit code (0..255), or {@code 128 + signal} if a signal killed it
     * @param signal the signal that killed it, if one did
     * @throws NullPointerException if {@code signal} is null
     * @throws IllegalArgumentException if {@code pid} is not positive, {@code exitStatus} is
     *     not in 0..255 or, with a signal, not {@code 128 + signal}
     */
    public Exited {
      Checks.positive(pid, "pid");
      Checks.exit(exitStatus, signal);
    }
  }

  /**
   * The target was detached or closed; no events follow.
   *
   * @param pid the process id it had
   */
  record Detached(int pid) implements Event {
    /**
     * Validates the pid.
     *
     * @param pid the process id it had
     * @throws IllegalArgumentException if {@code pid} is not positive
     */
    public Detached {
      Checks.positive(pid, "pid");
    }
  }
}
