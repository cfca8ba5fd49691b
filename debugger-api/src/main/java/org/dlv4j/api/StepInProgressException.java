package org.dlv4j.api;

/**
 * A next, step or step out was asked for while another one is still in progress (Delve's
 * {@code "next while nexting"}): a breakpoint or a halt interrupted it
 * ({@link DebuggerState#nextInProgress()}). Finish it with {@link Target#resume()} or abandon it
 * with {@link Target#cancelNext()} first. The message is
 * {@code "cannot step in process 1234: a next is in progress (continue or cancel it first)"}.
 */
public class StepInProgressException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param pid the process
   * @param operation what was refused, e.g. {@code "step"}
   */
  public StepInProgressException(int pid, String operation) {
    super("cannot " + operation + " in process " + pid
        + ": a next is in progress (continue or cancel it first)");
  }
}
