package org.dlv4j.gort.internal.target;

import java.lang.System.Logger.Level;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dlv4j.api.Event;
import org.dlv4j.api.EventListener;

/**
 * Delivers one target's events to its listeners on a thread of its own, one at a time, in the
 * order they were posted. A listener that throws is logged and does not stop delivery.
 */
final class EventDispatcher {
  private static final System.Logger LOG = System.getLogger("debugger");

  private final CopyOnWriteArrayList<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread;
  private volatile java.lang.Thread deliveryThread;

  EventDispatcher(int pid) {
    this.thread = Executors.newSingleThreadExecutor(task -> {
      java.lang.Thread t = new java.lang.Thread(task, "dlv4j-events-" + pid);
      t.setDaemon(true);
      deliveryThread = t;
      return t;
    });
  }

  void add(EventListener listener) {
    listeners.addIfAbsent(listener);
  }

  void remove(EventListener listener) {
    listeners.remove(listener);
  }

  /** Tells whether anyone listens, so that events nobody sees need not be built. */
  boolean hasListeners() {
    return !listeners.isEmpty();
  }

  /** Tells whether the caller is a listener, which must not wait for the target. */
  boolean onDeliveryThread() {
    return java.lang.Thread.currentThread() == deliveryThread;
  }

  /** Queues an event for every listener registered when its delivery starts. */
  void post(Event event) {
    thread.execute(() -> {
      for (EventListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException | AssertionError e) {
          LOG.log(Level.WARNING, "listener " + listener + " failed on " + event, e);
        }
      }
    });
  }

  /**
   * Posts a last event, then lets the thread end once everything queued is delivered. Waits a
   * little for that unless called by a listener.
   */
  void close(Event last) {
    post(last);
    thread.shutdown();
    if (!onDeliveryThread()) {
      try {
        thread.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        java.lang.Thread.currentThread().interrupt();
      }
    }
  }
}
