package org.dlv4j.gort.internal.bp;

/**
 * One temporary breakpoint of a next, step or step out (Delve's stepping breaklets): what it
 * means when it is reached, and whose it is. It applies only to the goroutine being stepped
 * (or, for a thread without a goroutine, to that thread) and, where {@link #sameFrame} is set,
 * only in one invocation of the function: the frame whose offset ({@code CFA - g.stack.hi},
 * unchanged when the runtime copies the stack) is {@link #frameOffset}. Immutable.
 *
 * @param kind what reaching it means
 * @param goroutineId the goroutine it applies to, or 0 to use {@code threadId}
 * @param threadId the thread it applies to when {@code goroutineId} is 0
 * @param sameFrame whether it applies only in the frame {@code frameOffset}
 * @param frameOffset the frame offset it applies in, if {@code sameFrame}
 */
public record StepBreaklet(Kind kind, long goroutineId, int threadId, boolean sameFrame,
    long frameOffset) {

  /** What reaching a stepping breakpoint means. */
  public enum Kind {
    /** The step ends here: a statement of the function, its return address, a callee's body. */
    NEXT,
    /**
     * The step ends here if the function is running as a deferred call, called by
     * {@code runtime.deferreturn} or {@code runtime.gopanic} (wrappers between them skipped).
     */
    DEFER,
    /** A call of the line being stepped: execute it and stop in the callee, if it has source. */
    CALL,
    /** The stepped goroutine returns into {@code runtime.goexit}: the step ends without a stop. */
    GOEXIT,
    /**
     * The stepped goroutine created a goroutine with a {@code go} statement of the stepped line
     * ({@code runtime.newproc1} just returned it): the step follows the new goroutine into the
     * function it starts, and the goroutine's other stepping breakpoints no longer apply.
     */
    GO
  }
}
