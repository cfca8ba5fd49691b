package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.gort.internal.runtime.ThreadRegs;
import org.dlv4j.gort.internal.stack.GoroutineLister;
import org.dlv4j.spi.MemoryAccess;
import org.dlv4j.spi.RegisterFile;

/**
 * The goroutines of one stop: which goroutine each thread runs, and the
 * {@link GoroutineLister} that reads the rest, created on first use. Built on the tracer
 * thread while every thread is stopped; its memory reads go through the stop's memory view.
 * Replaced at every stop, so asking twice at one stop reads the target once.
 */
final class StopGoroutines {
  private final Optional<GoroutineLister> lister;
  private final Map<Integer, G> goroutineByThread = new HashMap<>();

  private StopGoroutines(Optional<GoroutineLister> lister) {
    this.lister = lister;
    lister.ifPresent(l -> {
      for (ThreadG t : l.threads()) {
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

  /** Returns the reader of this stop's goroutines and stacks, if the program has a runtime. */
  Optional<GoroutineLister> lister() {
    return lister;
  }
}
