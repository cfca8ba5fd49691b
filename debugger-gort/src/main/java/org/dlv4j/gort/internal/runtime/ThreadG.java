package org.dlv4j.gort.internal.runtime;

import java.util.Optional;
import org.dlv4j.api.MemoryAccessException;

/**
 * What one stopped thread is running: the g its registers say is current (a user goroutine,
 * or the M's g0 or gsignal while it runs on a system stack) and the user goroutine it works
 * for. Immutable.
 *
 * @param regs the thread's registers
 * @param current the g whose stack the thread's stack pointer is on, if any
 * @param goroutine the user goroutine: {@code current} itself, or {@code current.m.curg} when
 *     {@code current} is a g0/gsignal (goid 0); empty for a thread without one (idle in the
 *     scheduler, sysmon, or running C)
 * @param systemStack whether the thread runs on a system stack (g0 or gsignal)
 */
public record ThreadG(ThreadRegs regs, Optional<G> current, Optional<G> goroutine, boolean systemStack) {

  /**
   * Finds out what a thread runs (runtime-internals.md §2.5): reads its g, and for a g0 or
   * gsignal (goid 0) the M's current user goroutine. A thread inside {@code runtime.clone}
   * has no reliable TLS yet and gets none. A thread whose stack pointer is on its M's gsignal
   * stack runs the signal handler even if its g is not gsignal yet (the kernel called
   * {@code runtime.sigtramp}, which switches g only in {@code runtime.sigtrampgo}).
   *
   * @param rt the binary's runtime facts
   * @param memory the stopped target's memory
   * @param gs a reader for g structs
   * @param regs the thread's registers
   * @return what the thread runs; unreadable TLS or g memory gives a thread without a g
   */
  public static ThreadG of(GoRuntime rt, TargetMemory memory, AllGs gs, ThreadRegs regs) {
    int fn = rt.code().funcIndex(regs.pc());
    if (fn >= 0 && rt.code().is(fn, SpecialFunction.CLONE)) {
      return none(regs);
    }
    try {
      long address = rt.globals().gLocation().gOf(regs, memory);
      if (address == 0) {
        return none(regs);
      }
      G g = gs.readG(address);
      long m = g.m();
      Optional<G> handler = onStack(g, regs.sp()) ? Optional.empty() : signalStackOf(rt, memory, gs, m, regs.sp());
      if (g.goid() != 0) {
        return new ThreadG(regs, handler.or(() -> Optional.of(g)), Optional.of(g), handler.isPresent());
      }
      long curg = m == 0 ? 0 : memory.readLong(m + rt.layout().get(RuntimeField.M_CURG));
      Optional<G> user = curg == 0 ? Optional.empty() : Optional.of(gs.readG(curg));
      return new ThreadG(regs, handler.or(() -> Optional.of(g)), user, true);
    } catch (MemoryAccessException e) {
      return none(regs);
    }
  }

  /** Returns M {@code m}'s gsignal if {@code sp} is on its stack; empty if it cannot be read. */
  private static Optional<G> signalStackOf(GoRuntime rt, TargetMemory memory, AllGs gs, long m, long sp) {
    try {
      long gsignal = m == 0 ? 0 : memory.readLong(m + rt.layout().get(RuntimeField.M_GSIGNAL));
      return gsignal == 0 ? Optional.empty() : Optional.of(gs.readG(gsignal)).filter(s -> onStack(s, sp));
    } catch (MemoryAccessException e) {
      return Optional.empty();
    }
  }

  private static boolean onStack(G g, long sp) {
    return sp >= g.stackLo() && sp < g.stackHi();
  }

  private static ThreadG none(ThreadRegs regs) {
    return new ThreadG(regs, Optional.empty(), Optional.empty(), false);
  }
}
