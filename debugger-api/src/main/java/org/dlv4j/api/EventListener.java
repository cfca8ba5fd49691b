package org.dlv4j.api;

/**
 * Receives a target's {@link Event}s; register it with {@link Target#addListener}.
 *
 * <p>Listeners run on the target's event thread, one event at a time, never on the thread that
 * controls the process, and never concurrently with each other for the same target. They
 * should return quickly: while a listener runs, later events wait, and a program writing to a
 * {@link Redirect#PIPE} blocks once its pipe is full. A listener may call {@link Target}
 * methods that do not wait for the target ({@link Target#state()}, {@link Target#halt()},
 * {@link Target#breakpoints()}, and the queries of a stopped target); calling
 * {@link Target#resume()}, a step, {@link Target#detach()} or {@link Target#kill()} from a
 * listener throws {@link IllegalStateException}. An exception a listener throws is logged (on
 * the {@code System.Logger} named {@code "debugger"}) and does not stop delivery.
 */
@FunctionalInterface
public interface EventListener {
  /**
   * Handles one event.
   *
   * @param event the event; its data is immutable and may be kept
   */
  void onEvent(Event event);
}
