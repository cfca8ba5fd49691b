package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Defer;
import org.dlv4j.api.NoSuchFrameException;
import org.dlv4j.api.NoSuchGoroutineException;
import org.dlv4j.api.NoSuchThreadException;
import org.dlv4j.api.Stackframe;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.gort.internal.stack.DeferredCall;
import org.dlv4j.gort.internal.stack.StackFrame;

/**
 * The public API's stack queries ({@code stacktrace}, {@code stacktraces},
 * {@code threadStacktrace}, {@code frame}), answered from a stop's {@link StopGoroutines}
 * (which walks each stack once per stop) and converted to {@link Stackframe}s. Stateless and
 * thread-safe.
 */
final class Stacks {
  private final int pid;
  private final ApiViews views;

  Stacks(int pid, ApiViews views) {
    this.pid = pid;
    this.views = views;
  }

  /**
   * Checks a requested depth and caps it at what one walk follows.
   *
   * @param depth the depth asked for
   * @return the depth to walk
   * @throws IllegalArgumentException if {@code depth} is not positive
   */
  static int checkDepth(int depth) {
    if (depth <= 0) {
      throw new IllegalArgumentException("depth must be positive: " + depth);
    }
    return Math.min(depth, StackMemo.MAX_DEPTH);
  }

  /**
   * Checks a requested frame index.
   *
   * @param index the index asked for
   * @throws IllegalArgumentException if {@code index} is negative
   */
  static void checkIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("frame index must not be negative: " + index);
    }
  }

  /** Returns a goroutine's frames (Target.stacktrace). */
  List<Stackframe> stacktrace(StopGoroutines at, long goid, int depth, boolean withDefers) {
    return convert(at.stacks(List.of(find(at, goid)), depth).get(0), withDefers);
  }

  /** Returns many goroutines' frames, walked together (Target.stacktraces). */
  Map<Long, List<Stackframe>> stacktraces(StopGoroutines at, List<Long> goids, int depth,
      boolean withDefers) {
    List<G> gs = new ArrayList<>(goids.size());
    for (long goid : goids) {
      gs.add(find(at, goid));
    }
    List<List<StackFrame>> stacks = at.stacks(gs, depth);
    Map<Long, List<Stackframe>> out = new LinkedHashMap<>();
    for (int i = 0; i < gs.size(); i++) {
      out.putIfAbsent(goids.get(i), convert(stacks.get(i), withDefers));
    }
    return out;
  }

  /** Returns a thread's frames (Target.threadStacktrace). */
  List<Stackframe> threadStacktrace(StopGoroutines at, DebuggerState state, int tid, int depth,
      boolean withDefers) {
    if (state.thread(tid).isEmpty()) {
      throw new NoSuchThreadException(pid, tid);
    }
    ThreadG thread = at.thread(tid).orElseThrow(() -> new DebuggerException("cannot unwind"
        + " thread " + tid + " of process " + pid + ": the program has no Go runtime dlv4j"
        + " can read"));
    return convert(at.threadStack(thread, depth), withDefers);
  }

  /** Returns frame {@code index} of a goroutine's stack, with its deferred calls (Target.frame). */
  Stackframe frame(StopGoroutines at, long goid, int index) {
    G g = find(at, goid);
    int depth = (int) Math.min(index + 1L, StackMemo.MAX_DEPTH);
    List<StackFrame> stack = at.stacks(List.of(g), depth).get(0);
    if (index >= stack.size()) {
      throw new NoSuchFrameException(pid, "goroutine " + goid, index, stack.size());
    }
    return frame(stack.get(index), true);
  }

  private G find(StopGoroutines at, long goid) {
    return at.g(goid).orElseThrow(() -> new NoSuchGoroutineException(pid, goid));
  }

  private List<Stackframe> convert(List<StackFrame> frames, boolean withDefers) {
    List<Stackframe> out = new ArrayList<>(frames.size());
    for (StackFrame f : frames) {
      out.add(frame(f, withDefers));
    }
    return out;
  }

  /**
   * Returns the public form of a frame. On a goroutine stack the frame pointer is given
   * relative to {@code g.stack.hi} as the CFA is ({@code frameOffset = cfa - stack.hi}, so
   * {@code stack.hi = cfa - frameOffset}); on a system stack both are absolute, as in Delve.
   */
  Stackframe frame(StackFrame f, boolean withDefers) {
    long stackHi = f.systemStack() ? 0 : f.cfa() - f.frameOffset();
    List<Defer> defers = withDefers ? f.defers().stream().map(this::defer).toList() : List.of();
    return new Stackframe(views.location(f.location()), f.sp(), f.cfa(), f.frameOffset(),
        f.bp() - stackHi, f.inlined(), f.systemStack(), defers, f.error());
  }

  private Defer defer(DeferredCall d) {
    return new Defer(views.location(d.function()), views.location(d.deferredAt()), d.sp(),
        Optional.empty());
  }
}
