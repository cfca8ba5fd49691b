package org.dlv4j.gort.internal.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One goroutine as a debugger shows it at a stop, Delve's {@code proc.G} with its derived
 * locations: the runtime's g, the thread running it, where it is, where its user code is, where
 * it was created and started, its pprof labels and whether the runtime owns it. Immutable.
 *
 * @param g the runtime's g (all zero but the address if {@code unreadable})
 * @param threadId the thread running it, if one is
 * @param systemStack whether that thread is on a system stack (g0/gsignal) on its behalf
 * @param pc where it is: the thread's pc if running, else {@code g.sched.pc}
 * @param sp the stack pointer that goes with {@code pc}
 * @param bp the frame pointer that goes with {@code pc}
 * @param current the location of {@code pc}
 * @param user the topmost frame in user code (Delve's rules), else {@code current}
 * @param goStatement the location of the {@code go} statement that created it
 * @param start the location of its function, wrappers unwrapped
 * @param labels its pprof labels, sorted by key
 * @param system whether the runtime started it (its start function is private runtime code)
 * @param waitReasonName the name of its wait reason, {@code ""} if none
 * @param unreadable why its g could not be read, if so
 */
public record Goroutine(G g, OptionalInt threadId, boolean systemStack, long pc, long sp, long bp,
    CodeLocation current, CodeLocation user, CodeLocation goStatement, CodeLocation start,
    Map<String, String> labels, boolean system, String waitReasonName, Optional<String> unreadable)
    implements GoroutineFacts {

  /**
   * Copies the labels.
   *
   * @param g the g
   * @param threadId the running thread
   * @param systemStack whether on a system stack
   * @param pc the current pc
   * @param sp the current sp
   * @param bp the current bp
   * @param current the current location
   * @param user the user location
   * @param goStatement the go statement's location
   * @param start the start function's location
   * @param labels the labels
   * @param system whether a runtime goroutine
   * @param waitReasonName the wait reason's name
   * @param unreadable why unreadable
   */
  public Goroutine {
    labels = Map.copyOf(labels);
  }

  /**
   * Returns the entry of an {@code allgs} slot whose g could not be read.
   *
   * @param address the g pointer
   * @param reason why it could not be read
   * @return a goroutine with id 0, no locations and the reason
   */
  public static Goroutine unreadable(long address, String reason) {
    G zero = new G(address, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CodeLocation none = CodeLocation.unknown(0);
    return new Goroutine(zero, OptionalInt.empty(), false, 0, 0, 0, none, none, none, none, Map.of(), false, "",
        Optional.of(reason));
  }

  /** {@return the goroutine id} */
  public long id() {
    return g.goid();
  }

  /** {@return the status as the runtime's traceback header shows it, e.g. {@code "chan receive"}} */
  public String statusText() {
    return unreadable.isPresent() ? "unreadable" : GStatus.describe(g.status(), waitReasonName);
  }

  @Override
  public boolean running() {
    return threadId.isPresent();
  }

  @Override
  public String toString() {
    return "goroutine " + id() + " [" + statusText() + "] " + user;
  }
}
