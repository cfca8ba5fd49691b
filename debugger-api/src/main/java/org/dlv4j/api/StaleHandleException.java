package org.dlv4j.api;

/**
 * A handle tied to one stop of the target (a thread snapshot, a frame, a goroutine, a value)
 * was used after the target resumed. Ask the target again for a fresh handle.
 */
public class StaleHandleException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the stale handle and the stops involved.
   *
   * @param message which handle, from which stop, and the current stop
   */
  public StaleHandleException(String message) {
    super(message);
  }
}
