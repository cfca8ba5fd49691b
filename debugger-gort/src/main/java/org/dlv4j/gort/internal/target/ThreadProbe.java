package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.internal.runtime.Bytes;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.RuntimeField;
import org.dlv4j.gort.internal.runtime.RuntimeLayout;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.internal.runtime.ThreadG;
import org.dlv4j.gort.internal.runtime.ThreadRegs;
import org.dlv4j.gort.internal.stack.GoroutineLister;
import org.dlv4j.gort.internal.stack.StackStart;
import org.dlv4j.spi.ThreadBackend;

/**
 * What the conditions of stepping breakpoints ask about a thread stopped at one (Delve's
 * pseudo-variables {@code runtime.curg.goid} and {@code runtime.frameoff}): the goroutine it
 * runs, read from its g (thread-local storage or the g register, then {@code g.goid}; the M's
 * current goroutine when the thread is on a system stack), and the offset of its innermost
 * frame, {@code CFA - g.stack.hi} with the CFA from the function's pcsp table (the absolute
 * CFA on a system stack, as the unwinder reports it). Works while other threads run: it reads
 * only the stopped thread's registers and the memory its g owns. It also reads the goroutine a
 * go statement just created ({@link #created}). Tracer thread only.
 */
final class ThreadProbe {
  private final GoRuntime rt;
  private final TargetMemory memory;
  private final int goidAt;
  private final int stackHiAt;
  private final int mAt;
  private final int curgAt;
  private final int startPcAt;
  private final byte[] word = new byte[8];

  /**
   * Creates the probe of one target.
   *
   * @param rt the program's runtime facts
   * @param memory the target's memory
   */
  ThreadProbe(GoRuntime rt, TargetMemory memory) {
    this.rt = rt;
    this.memory = memory;
    RuntimeLayout layout = rt.layout();
    this.goidAt = layout.get(RuntimeField.G_GOID);
    this.stackHiAt = layout.get(RuntimeField.G_STACK_HI);
    this.mAt = layout.get(RuntimeField.G_M);
    this.curgAt = layout.get(RuntimeField.M_CURG);
    this.startPcAt = layout.get(RuntimeField.G_STARTPC);
  }

  /** What a probe found out about one thread; fields are filled by {@link #read}. */
  static final class Facts {
    /** The goroutine the thread runs (the M's for a system stack), 0 if none. */
    long goroutineId;
    /** The offset of the innermost frame, as {@link org.dlv4j.gort.internal.stack.StackFrame#frameOffset()}. */
    long frameOffset;
    /** Whether {@link #frameOffset} is known (the pc's frame size is). */
    boolean frameKnown;
  }

  /**
   * Reads the goroutine and frame offset of a stopped thread.
   *
   * @param thread the thread
   * @param out where to put what was found
   */
  void read(ThreadBackend thread, Facts out) {
    ThreadRegs regs = ThreadRegs.of(thread.registers(), rt.arch());
    out.goroutineId = 0;
    out.frameKnown = false;
    long stackHi = 0;
    try {
      long g = rt.globals().gLocation().gOf(regs, memory);
      if (g != 0) {
        long goid = word(g + goidAt);
        if (goid != 0) {
          out.goroutineId = goid;
          stackHi = word(g + stackHiAt);
        } else { // g0 or gsignal: the goroutine is the M's, the frame offset absolute
          long m = word(g + mAt);
          long curg = m == 0 ? 0 : word(m + curgAt);
          out.goroutineId = curg == 0 ? 0 : word(curg + goidAt);
        }
      }
    } catch (MemoryAccessException e) {
      out.goroutineId = 0;
    }
    CodeMap code = rt.code();
    int fi = code.funcIndex(regs.pc());
    int delta = fi < 0 ? -1 : code.spDelta(fi, regs.pc());
    if (delta >= 0) {
      long cfa = regs.sp() + delta + (rt.usesLinkRegister() ? 0 : rt.ptrSize());
      out.frameOffset = cfa - stackHi;
      out.frameKnown = true;
    }
  }

  /** A goroutine the runtime just created: its id and the entry of the function it runs. */
  record Created(long goroutineId, long startPc) {
  }

  /**
   * Reads the goroutine {@code runtime.newproc1} just returned: the thread stands right after
   * its call, the new {@code *g} in the first result register of Go's register ABI.
   *
   * @param thread the thread
   * @return the goroutine, or empty if its g cannot be read
   */
  Optional<Created> created(ThreadBackend thread) {
    String result = rt.arch() == Arch.ARM64 ? "x0" : "rax";
    long g = thread.registers().value(result).orElse(0);
    try {
      return g == 0 ? Optional.empty() : Optional.of(new Created(word(g + goidAt),
          word(g + startPcAt)));
    } catch (MemoryAccessException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns where the innermost frames of a stopped thread's stack are, for the checks that
   * look at who called a function (deferred calls).
   *
   * @param thread the thread
   * @param depth how many frames at most
   * @return each frame's symbolization pc (a caller's call instruction), innermost first
   */
  List<Long> framePcs(ThreadBackend thread, int depth) {
    GoroutineLister lister = new GoroutineLister(rt, memory,
        List.of(ThreadRegs.of(thread.registers(), rt.arch())));
    ThreadG t = lister.threads().get(0);
    List<Long> pcs = new ArrayList<>(depth);
    lister.unwinder().walk(StackStart.ofThread(t), depth, frame -> pcs.add(frame.symbolPc()));
    return pcs;
  }

  private long word(long address) {
    memory.readFully(address, word, 0, 8);
    return Bytes.getLong(word, 0);
  }
}
