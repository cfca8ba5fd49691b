package org.dlv4j.gort.internal.stack;

import java.util.Optional;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.ThreadG;

/**
 * Where a stack walk starts: registers, the g whose stack they are on, and the user goroutine
 * to switch to when the walk leaves a system stack. Immutable.
 *
 * @param pc the program counter
 * @param sp the stack pointer
 * @param bp the frame pointer
 * @param lr the link register (LR architectures; 0 if unknown)
 * @param stackOwner the g whose stack {@code sp} is on (a user g, or a g0/gsignal), if known
 * @param goroutine the user goroutine whose stack the walk continues on, if any
 * @param systemStack whether {@code sp} is on a system stack
 * @param savedByCall whether {@code pc} is a return address: a context the goroutine saved by
 *     calling into the scheduler (g.sched, g.syscallpc), so that its position is that of the
 *     call, {@code pc - 1}, as in the runtime's tracebacks; false for a thread's registers,
 *     which point at the next instruction to execute
 */
public record StackStart(long pc, long sp, long bp, long lr, Optional<G> stackOwner, Optional<G> goroutine,
    boolean systemStack, boolean savedByCall) {

  /**
   * Returns the start of a goroutine that no thread runs, as the runtime's own traceback
   * starts it: at {@code g.syscallpc/syscallsp} if it is in a system call, else at
   * {@code g.sched}.
   *
   * @param g the goroutine
   * @return the start
   */
  public static StackStart parked(G g) {
    return parked(g, true);
  }

  /**
   * Returns the start of a goroutine that no thread runs ({@link #parked}) with its innermost
   * frame positioned at {@code pc} itself rather than at the call before it: how a debugger
   * shows a parked goroutine (Delve's frame 0 is where the goroutine resumes, its current
   * location), where the runtime's traceback shows the call that parked it. Callers' frames
   * are positioned at their calls either way.
   *
   * @param g the goroutine
   * @return the start
   */
  public static StackStart parkedAtPc(G g) {
    return parked(g, false);
  }

  private static StackStart parked(G g, boolean savedByCall) {
    Optional<G> own = Optional.of(g);
    if (g.syscallSp() != 0) {
      return new StackStart(g.syscallPc(), g.syscallSp(), 0, 0, own, own, false, savedByCall);
    }
    return new StackStart(g.schedPc(), g.schedSp(), g.schedBp(), g.schedLr(), own, own, false, savedByCall);
  }

  /**
   * Returns the start of a thread's stack: its registers, on its current g's stack.
   *
   * @param thread the thread and what it runs
   * @return the start
   */
  public static StackStart ofThread(ThreadG thread) {
    var r = thread.regs();
    return new StackStart(r.pc(), r.sp(), r.bp(), r.lr(), thread.current(), thread.goroutine(),
        thread.systemStack(), false);
  }
}
