package org.dlv4j.gort.internal.target;

import java.util.List;
import java.util.Optional;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.GoroutinePage;
import org.dlv4j.api.GoroutinesRequest;
import org.dlv4j.api.NoSuchGoroutineException;
import org.dlv4j.api.NoSuchThreadException;
import org.dlv4j.api.Thread;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoroutineQuery;
import org.dlv4j.gort.internal.stack.GoroutineLister;

/**
 * The public API's goroutine queries and selection changes: listing (Delve's
 * {@code ListGoroutines}: a page of {@code allgs}, filtered, then grouped), lookup by id, and
 * {@code switchThread}/{@code switchGoroutine} with the ClientHowto rules. Reads go through a
 * stop's {@link StopGoroutines}, so they cost nothing the second time. Stateless and
 * thread-safe.
 */
final class GoroutineViews {
  private final int pid;
  private final ApiViews views;

  GoroutineViews(int pid, ApiViews views) {
    this.pid = pid;
    this.views = views;
  }

  /** Lists a page of goroutines as Target.goroutines(request) does. */
  GoroutinePage page(StopGoroutines at, GoroutinesRequest request) {
    GoroutineLister.Page page = at.page(request.start(), request.count());
    List<org.dlv4j.gort.internal.runtime.Goroutine> kept =
        GoroutineQuery.filter(page.goroutines(), request.filters());
    if (request.grouping().isEmpty()) {
      return new GoroutinePage(convert(kept), page.next(), List.of(), false);
    }
    GoroutineQuery.Grouped<org.dlv4j.gort.internal.runtime.Goroutine> grouped =
        GoroutineQuery.group(kept, request.grouping().get());
    return new GoroutinePage(convert(grouped.goroutines()), page.next(), grouped.groups(),
        grouped.tooManyGroups());
  }

  /** Finds a live goroutine by id. */
  Optional<Goroutine> goroutine(StopGoroutines at, long goid) {
    return at.g(goid).map(g -> views.goroutine(at.describe(g)));
  }

  /** Returns the goroutine thread {@code tid} runs at this stop, if it runs one. */
  Optional<Goroutine> goroutineOfThread(StopGoroutines at, int tid) {
    return at.goroutineOf(tid).map(g -> views.goroutine(at.describe(g)));
  }

  /**
   * Makes a thread current (Delve's {@code SwitchThread}): the selected goroutine becomes the
   * one it runs, or none.
   *
   * @param state the current state of the stopped target
   * @param at the stop's goroutines
   * @param tid the thread
   * @return the new state, with the stop reason, threads and step state of {@code state}
   */
  DebuggerState switchThread(DebuggerState state, StopGoroutines at, int tid) {
    Thread thread = state.thread(tid).orElseThrow(() -> new NoSuchThreadException(pid, tid));
    return new DebuggerState(pid, state.stopReason(), Optional.of(thread), state.threads(),
        goroutineOfThread(at, tid), state.nextInProgress());
  }

  /**
   * Selects a goroutine (Delve's {@code SwitchGoroutine}): a goroutine a thread runs makes that
   * thread current; a parked one leaves the current thread as it was (ClientHowto).
   *
   * @param state the current state of the stopped target
   * @param at the stop's goroutines
   * @param goid the goroutine
   * @return the new state, with the stop reason, threads and step state of {@code state}
   */
  DebuggerState switchGoroutine(DebuggerState state, StopGoroutines at, long goid) {
    G g = at.g(goid).orElseThrow(() -> new NoSuchGoroutineException(pid, goid));
    Goroutine selected = views.goroutine(at.describe(g));
    Optional<Thread> current = selected.threadId().isPresent()
        ? state.thread(selected.threadId().getAsInt()).or(state::currentThread)
        : state.currentThread();
    return new DebuggerState(pid, state.stopReason(), current, state.threads(),
        Optional.of(selected), state.nextInProgress());
  }

  private List<Goroutine> convert(List<org.dlv4j.gort.internal.runtime.Goroutine> gs) {
    return views.goroutines(gs);
  }
}
