package org.dlv4j.api;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A goroutine as it was at one stop, as Delve's {@code api.Goroutine}: its id, its scheduling
 * status, the thread running it, and the four locations a debugger shows. Immutable, and
 * never stale: it describes the stop it was taken at; ask {@link Target#goroutine(long)} again
 * after a resume.
 *
 * @param id the goroutine id ({@code g.goid}), positive; 0 only for an {@code unreadable} entry
 * @param status the runtime's status ({@code g.atomicstatus} without the scan bit): 0 idle,
 *     1 runnable, 2 running, 3 syscall, 4 waiting, 6 dead, 8 copystack, 9 preempted
 * @param waitReason the runtime's wait reason number ({@code g.waitreason}), 0 if none; its
 *     meaning depends on the Go version, {@code statusText} spells it out
 * @param statusText the status as the runtime's traceback header shows it: {@code "running"},
 *     {@code "runnable"}, {@code "syscall"}, or the wait reason, e.g. {@code "chan receive"}
 * @param threadId the thread running the goroutine, if one is
 * @param currentLocation where the goroutine is: the running thread's pc, or the pc saved
 *     when it was parked
 * @param userLocation the innermost frame that is not runtime code (Delve's
 *     {@code userCurrentLoc}), or {@code currentLocation} if every frame is
 * @param goStatementLocation the {@code go} statement that created it
 * @param startLocation the entry of the function it was started with, wrappers unwrapped
 * @param labels its pprof labels, sorted by key
 * @param system whether the runtime started it for itself (its start function is unexported
 *     runtime code), as Delve's {@code goroutines -s} tells
 * @param unreadable why the runtime's record of it could not be read, if it could not; then
 *     every other component is zero or empty
 */
public record Goroutine(long id, int status, int waitReason, String statusText,
    OptionalInt threadId, Location currentLocation, Location userLocation,
    Location goStatementLocation, Location startLocation, Map<String, String> labels,
    boolean system, Optional<String> unreadable) {

  /**
   * Validates and copies the components.
   *
   * @param id the goroutine id
   * @param status the runtime's status
   * @param waitReason the runtime's wait reason number
   * @param statusText the status as text
   * @param threadId the running thread
   * @param currentLocation where it is
   * @param userLocation where its user code is
   * @param goStatementLocation where it was created
   * @param startLocation where it started
   * @param labels its pprof labels
   * @param system whether a runtime goroutine
   * @param unreadable why it could not be read
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code id} is negative
   */
  public Goroutine {
    Checks.notNegative(id, "goroutine id");
    Checks.notNull(statusText, "statusText");
    Checks.notNull(threadId, "threadId");
    Checks.notNull(currentLocation, "currentLocation");
    Checks.notNull(userLocation, "userLocation");
    Checks.notNull(goStatementLocation, "goStatementLocation");
    Checks.notNull(startLocation, "startLocation");
    labels = Checks.sortedCopy(labels, "labels");
    Checks.notNull(unreadable, "unreadable");
  }

  /**
   * Tells whether a thread was running the goroutine at the stop.
   *
   * @return whether {@link #threadId()} is present
   */
  public boolean running() {
    return threadId.isPresent();
  }

  @Override
  public String toString() {
    return "goroutine " + id + " [" + statusText + "] " + userLocation;
  }
}
