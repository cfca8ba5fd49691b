package org.dlv4j.gort.internal.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.internal.runtime.AllGs;
import org.dlv4j.gort.internal.runtime.CodeLocation;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.gort.internal.runtime.Labels;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.gort.internal.runtime.ThreadRegs;

/**
 * The goroutines of one stop, as Delve's {@code GoroutinesInfo} and {@code ConvertGoroutine}
 * present them: each live g of {@code allgs} with the thread running it (matched through each
 * thread's current g), its current location (the thread's pc if running, else where it
 * parked), its user location, go statement, start function, labels and whether it is a
 * runtime goroutine. Threads are resolved once, at construction. Not thread-safe: one lister
 * per stop and thread; drop it when the target resumes.
 *
 * <pre>{@code
 * GoRuntime rt = GoRuntime.load(elf, dwarf, pclntab, version, arch, loadBias);  // once per binary
 * // at a stop (registers are read on the tracer thread):
 * List<ThreadRegs> regs = new ArrayList<>();
 * for (ThreadBackend t : backend.threads()) {
 *   regs.add(ThreadRegs.of(t.registers(), rt.arch()));
 * }
 * GoroutineLister lister = new GoroutineLister(rt, TargetMemory.of(backend.memory()), regs);
 * List<Goroutine> page = lister.list(0, 0).goroutines();
 * List<Goroutine> user = GoroutineQuery.filter(page, List.of(GoroutineFilter.with(GoroutineField.USER, "")));
 * List<StackFrame> stack = lister.stacktrace(user.get(0).g(), Unwinder.DEFAULT_DEPTH);
 * }</pre>
 */
public final class GoroutineLister {
  /**
   * Goroutines whose stacks are read ahead together: enough for a few large reads, few enough
   * that the stack tops read (~1 MiB for 512 small stacks) are still in the CPU's cache when
   * they are walked. At 4096 the walks of a listing spent a third of their time waiting for
   * memory.
   */
  private static final int BATCH = 512;

  private final GoRuntime rt;
  private final TargetMemory memory;
  private final AllGs allGs;
  private final StackWindows windows;
  private final Unwinder unwinder;
  private final GoroutineLocations locations;
  private final List<ThreadG> threads;
  /** The addresses of the gs threads run, sorted, and each one's (first) thread. */
  private final long[] runningGs;
  private final ThreadG[] runningThreads;

  /**
   * Creates a lister for the current stop.
   *
   * @param rt the binary's runtime facts
   * @param memory the stopped process's memory
   * @param threads the registers of every stopped thread
   */
  public GoroutineLister(GoRuntime rt, TargetMemory memory, List<ThreadRegs> threads) {
    this.rt = rt;
    this.memory = memory;
    this.allGs = new AllGs(rt, memory);
    this.windows = new StackWindows(memory);
    this.unwinder = new Unwinder(rt, windows);
    this.locations = new GoroutineLocations(rt, unwinder);
    List<ThreadG> resolved = new ArrayList<>();
    TreeMap<Long, ThreadG> byG = new TreeMap<>();
    for (ThreadRegs regs : threads) {
      ThreadG t = ThreadG.of(rt, memory, allGs, regs);
      resolved.add(t);
      t.goroutine().ifPresent(g -> byG.putIfAbsent(g.address(), t));
    }
    this.threads = List.copyOf(resolved);
    this.runningGs = byG.keySet().stream().mapToLong(Long::longValue).toArray();
    this.runningThreads = byG.values().toArray(ThreadG[]::new);
  }

  /**
   * A page of goroutines.
   *
   * @param goroutines the live goroutines of the page, in {@code allgs} order
   * @param next where the next page starts, or -1 at the end
   * @param total the length of {@code allgs}
   */
  public record Page(List<Goroutine> goroutines, int next, int total) {
  }

  /** {@return what each thread runs, in the order the threads were given} */
  public List<ThreadG> threads() {
    return threads;
  }

  /** {@return the unwinder this lister uses (for the same stop)} */
  public Unwinder unwinder() {
    return unwinder;
  }

  /**
   * Lists goroutines as Delve pages them ({@code start}/{@code count} over {@code allgs}).
   *
   * @param start the first index of {@code allgs}
   * @param count how many live goroutines at most; 0 for all
   * @return the page
   */
  public Page list(int start, int count) {
    AllGs.Page page = allGs.read(start, count);
    List<AllGs.Entry> entries = page.entries();
    List<Goroutine> out = new ArrayList<>(entries.size());
    for (int from = 0; from < entries.size(); from += BATCH) {
      List<AllGs.Entry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
      readAhead(batch);
      for (AllGs.Entry e : batch) {
        out.add(describe(e));
      }
    }
    return new Page(out, page.next(), page.total());
  }

  /**
   * Returns the stacks of many goroutines, reading their live stack tops in bulk first.
   *
   * @param gs goroutines of this stop
   * @param depth the most frames per stack, inlined ones included
   * @return the stacks, in the order of {@code gs}
   */
  public List<List<StackFrame>> stacktraces(List<G> gs, int depth) {
    List<List<StackFrame>> out = new ArrayList<>(gs.size());
    for (int from = 0; from < gs.size(); from += BATCH) {
      List<G> batch = gs.subList(from, Math.min(gs.size(), from + BATCH));
      readAhead(batch);
      for (G g : batch) {
        out.add(stacktrace(g, depth));
      }
    }
    return out;
  }

  /**
   * Reads the live part of each parked goroutine's stack ahead, in a few large reads. The work
   * per goroutine is in {@link #window}, so that a fresh JVM compiles it early: the loops of
   * methods called a few hundred times run interpreted for most of a first listing.
   */
  private void readAhead(List<? extends AllGs.Entry> gs) {
    long[] starts = new long[gs.size()];
    long[] ends = new long[gs.size()];
    int n = 0;
    for (AllGs.Entry e : gs) {
      if (e instanceof G g) {
        n = window(g, starts, ends, n);
      }
    }
    windows.load(starts, ends, n);
  }

  /** Adds the live top of a parked goroutine's stack as window {@code n}; returns the new count. */
  private int window(G g, long[] starts, long[] ends, int n) {
    if (running(g) != null) {
      return n; // running: its thread's stack may be a system stack
    }
    long sp = g.syscallSp() != 0 ? g.syscallSp() : g.schedSp();
    if (sp < g.stackLo() || sp >= g.stackHi()) {
      return n;
    }
    starts[n] = sp;
    ends[n] = Math.min(g.stackHi(), sp + StackWindows.WINDOW);
    return n + 1;
  }

  /**
   * Finds a goroutine by id.
   *
   * @param goid the id
   * @return the goroutine, or empty if no live goroutine has that id
   */
  public Optional<Goroutine> find(long goid) {
    for (ThreadG t : threads) {
      if (t.goroutine().isPresent() && t.goroutine().get().goid() == goid) {
        return Optional.of(describe(t.goroutine().get()));
      }
    }
    for (G g : liveGs()) {
      if (g.goid() == goid) {
        return Optional.of(describe(g));
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the g of every live goroutine of {@code allgs}, in bulk and without describing them
   * (no locations, no stack walks): what an index by id needs.
   *
   * @return the readable live gs, in {@code allgs} order
   */
  public List<G> liveGs() {
    List<G> out = new ArrayList<>();
    for (AllGs.Entry e : allGs.read(0, 0).entries()) {
      if (e instanceof G g) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * Returns where a goroutine's stack walk starts, as a debugger shows it: the registers of the
   * thread running it, or the context it parked with, its innermost frame positioned where it
   * resumes ({@link StackStart#parkedAtPc}, so that frame 0 is at its current location, as in
   * Delve).
   *
   * @param g a goroutine of this stop
   * @return the start
   */
  public StackStart startOf(G g) {
    return startOf(running(g), g);
  }

  private static StackStart startOf(ThreadG thread, G g) {
    return thread != null ? StackStart.ofThread(thread) : StackStart.parkedAtPc(g);
  }

  /** Returns the thread running {@code g}, or {@code null} if none does. */
  private ThreadG running(G g) {
    int i = Arrays.binarySearch(runningGs, g.address());
    return i < 0 ? null : runningThreads[i];
  }

  /**
   * Returns a goroutine's stack, with its deferred calls attached.
   *
   * @param g a goroutine of this stop
   * @param depth the most frames, inlined ones included
   * @return the frames, innermost first
   */
  public List<StackFrame> stacktrace(G g, int depth) {
    return unwinder.stacktrace(startOf(g), depth);
  }

  /** Builds the record of an entry of {@code allgs}. */
  private Goroutine describe(AllGs.Entry e) {
    return e instanceof G g ? describe(g) : Goroutine.unreadable(e.address(), ((AllGs.Unreadable) e).reason());
  }

  /**
   * Builds the goroutine record of a g of this stop, e.g. the goroutine of the thread that hit
   * a breakpoint ({@link ThreadG#goroutine()}).
   *
   * @param g a live g
   * @return its record, with locations and labels
   */
  public Goroutine describe(G g) {
    ThreadG thread = running(g);
    StackStart start = startOf(thread, g);
    CodeLocation current = locations.current(start.pc());
    GoroutineLocations.Start started = locations.start(g.startPc());
    Map<String, String> labels;
    try {
      labels = Labels.read(memory, rt.layout().labelFormat(), g.labels());
    } catch (MemoryAccessException e) {
      labels = Map.of();
    }
    return new Goroutine(g, thread == null ? OptionalInt.empty() : OptionalInt.of(thread.regs().tid()),
        thread != null && thread.systemStack(), start.pc(), start.sp(), start.bp(), current,
        locations.user(start, current), locations.goStatement(g.gopc()), started.location(), labels,
        started.system(), rt.waitReasons().name(g.waitReason()), Optional.empty());
  }
}
