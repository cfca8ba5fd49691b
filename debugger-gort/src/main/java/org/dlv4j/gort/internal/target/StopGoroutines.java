package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.gort.internal.runtime.ThreadRegs;
import org.dlv4j.gort.internal.stack.GoroutineLister;
import org.dlv4j.gort.internal.stack.StackFrame;
import org.dlv4j.gort.internal.stack.StackStart;
import org.dlv4j.spi.MemoryAccess;
import org.dlv4j.spi.RegisterFile;

/**
 * The goroutines of one stop: which goroutine each thread runs, and the
 * {@link GoroutineLister} that reads the rest, with everything it read kept until the next
 * stop replaces this object: pages of the goroutine list, goroutine records, the index by id
 * and the stacks walked ({@link StackMemo}). Asking twice at one stop reads the target once.
 * Built on the tracer thread while every thread is stopped; its memory reads go through the
 * stop's memory view, which works from any thread. Thread-safe: the methods that read are
 * synchronized, because the lister and the memos are not.
 */
final class StopGoroutines {
  private final Optional<GoroutineLister> lister;
  private final Map<Integer, ThreadG> threadByTid = new HashMap<>();
  private final Map<Integer, G> goroutineByThread = new HashMap<>();
  private final Map<Long, Goroutine> describedByAddress = new HashMap<>();
  private final Map<Long, GoroutineLister.Page> pages = new HashMap<>();
  /**
   * Pages whose records are not in {@link #describedByAddress} yet: indexing 100,000 goroutines
   * cost a listing a tenth of its time, so it waits until a goroutine is looked up.
   */
  private final List<GoroutineLister.Page> unindexed = new ArrayList<>();
  /** Every live g by id, made on first need (from the full listing, if one was read). */
  private Map<Long, G> byId;
  private final StackMemo<G> goroutineStacks = new StackMemo<>();
  private final StackMemo<Integer> threadStacks = new StackMemo<>();

  private StopGoroutines(Optional<GoroutineLister> lister) {
    this.lister = lister;
    lister.ifPresent(l -> {
      for (ThreadG t : l.threads()) {
        threadByTid.put(t.regs().tid(), t);
        t.goroutine().ifPresent(g -> goroutineByThread.put(t.regs().tid(), g));
      }
    });
  }

  /**
   * Reads what every stopped thread runs.
   *
   * @param runtime the program's runtime facts, if it has a readable Go runtime
   * @param memory the stopped process's memory
   * @param threads every stopped thread's registers
   * @return the goroutines of the stop (none without a runtime)
   */
  static StopGoroutines read(Optional<GoRuntime> runtime, MemoryAccess memory,
      List<RegisterFile> threads) {
    return new StopGoroutines(runtime.map(rt -> {
      List<ThreadRegs> regs = new ArrayList<>();
      threads.forEach(file -> regs.add(ThreadRegs.of(file, rt.arch())));
      return new GoroutineLister(rt, TargetMemory.of(memory), regs);
    }));
  }

  /** Returns the stop of a program without goroutines. */
  static StopGoroutines none() {
    return new StopGoroutines(Optional.empty());
  }

  /** Returns the goroutine thread {@code tid} runs, if it runs one. */
  Optional<G> goroutineOf(int tid) {
    return Optional.ofNullable(goroutineByThread.get(tid));
  }

  /** Returns the id of the goroutine thread {@code tid} runs, or 0. */
  long goroutineIdOf(int tid) {
    G g = goroutineByThread.get(tid);
    return g == null ? 0 : g.goid();
  }

  /** Returns what thread {@code tid} runs, if the program has a runtime and the thread exists. */
  Optional<ThreadG> thread(int tid) {
    return Optional.ofNullable(threadByTid.get(tid));
  }

  /**
   * Returns the reader of this stop's goroutines and stacks, if the program has a runtime. It
   * is not thread-safe and keeps nothing: prefer this object's methods, or synchronize on this
   * object while using it.
   */
  Optional<GoroutineLister> lister() {
    return lister;
  }

  /**
   * Returns a page of the goroutine list ({@link GoroutineLister#list}), read once.
   *
   * @param start the first index of {@code allgs}
   * @param count how many live goroutines at most; 0 for all
   * @return the page; empty without a runtime
   */
  synchronized GoroutineLister.Page page(int start, int count) {
    if (lister.isEmpty()) {
      return new GoroutineLister.Page(List.of(), -1, 0);
    }
    long key = pageKey(start, count);
    GoroutineLister.Page page = pages.get(key);
    if (page == null) {
      page = lister.get().list(start, count);
      pages.put(key, page);
      unindexed.add(page);
    }
    return page;
  }

  private static long pageKey(int start, int count) {
    return (long) start << 32 | count;
  }

  /**
   * Finds a live goroutine's g by id: among the threads' goroutines, else in an index of every
   * live g, read in bulk once.
   *
   * @param goid the id
   * @return the g, or empty if no live goroutine has that id
   */
  synchronized Optional<G> g(long goid) {
    for (G g : goroutineByThread.values()) {
      if (g.goid() == goid) {
        return Optional.of(g);
      }
    }
    if (lister.isEmpty()) {
      return Optional.empty();
    }
    if (byId == null) {
      byId = index();
    }
    return Optional.ofNullable(byId.get(goid));
  }

  /** Indexes every live g by id: those of the full listing if it was read, else read in bulk. */
  private Map<Long, G> index() {
    GoroutineLister.Page all = pages.get(pageKey(0, 0));
    Map<Long, G> out = new HashMap<>();
    if (all != null) {
      for (Goroutine g : all.goroutines()) {
        if (g.unreadable().isEmpty()) {
          out.putIfAbsent(g.id(), g.g());
        }
      }
      return out;
    }
    for (G g : lister.get().liveGs()) {
      out.putIfAbsent(g.goid(), g);
    }
    return out;
  }

  /**
   * Returns the record of a goroutine of this stop, built once.
   *
   * @param g a live g of this stop
   * @return its record
   * @throws IllegalStateException if the program has no runtime (then there are no gs)
   */
  synchronized Goroutine describe(G g) {
    for (GoroutineLister.Page page : unindexed) {
      for (Goroutine known : page.goroutines()) {
        if (known.unreadable().isEmpty()) {
          describedByAddress.putIfAbsent(known.g().address(), known);
        }
      }
    }
    unindexed.clear();
    return describedByAddress.computeIfAbsent(g.address(), a -> requireLister().describe(g));
  }

  /**
   * Returns the first {@code depth} frames of goroutines' stacks, walking those not walked
   * deep enough yet together (their stacks are read ahead in bulk).
   *
   * @param gs live gs of this stop
   * @param depth the most frames per stack, 1 to {@link StackMemo#MAX_DEPTH}
   * @return the stacks, with deferred calls attached, in the order of {@code gs}
   */
  synchronized List<List<StackFrame>> stacks(List<G> gs, int depth) {
    return goroutineStacks.get(gs, depth, (missing, d) -> requireLister().stacktraces(missing, d));
  }

  /**
   * Returns the first {@code depth} frames of a thread's stack: its goroutine's stack if it
   * runs one, else the walk from its registers.
   *
   * @param thread a thread of this stop
   * @param depth the most frames, 1 to {@link StackMemo#MAX_DEPTH}
   * @return the frames
   */
  synchronized List<StackFrame> threadStack(ThreadG thread, int depth) {
    if (thread.goroutine().isPresent()) {
      return stacks(List.of(thread.goroutine().get()), depth).get(0);
    }
    return threadStacks.get(List.of(thread.regs().tid()), depth, (tids, d) -> List.of(
        requireLister().unwinder().stacktrace(StackStart.ofThread(thread), d))).get(0);
  }

  private GoroutineLister requireLister() {
    return lister.orElseThrow(() -> new IllegalStateException("the program has no Go runtime"));
  }
}
