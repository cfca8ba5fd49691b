package org.dlv4j.gort.internal.target;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.Event;
import org.dlv4j.api.EventListener;

/** Records a target's events, thread-safely, and waits for the last one. */
final class EventLog implements EventListener {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(Event event) {
    events.add(event);
    notifyAll();
  }

  /** Waits (up to 10 s) until an event of the given type has arrived. */
  synchronized void awaitEvent(Class<? extends Event> type) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (events.stream().noneMatch(type::isInstance)) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("no " + type.getSimpleName() + " in " + events);
      }
      wait(left);
    }
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Returns the event types in order, merging consecutive Output events into one entry. */
  synchronized List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    for (Event e : events) {
      String kind = e.getClass().getSimpleName();
      boolean repeated = !kinds.isEmpty() && kinds.get(kinds.size() - 1).equals(kind);
      if (!(kind.equals("Output") && repeated)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  /** Returns what the program wrote to one piped stream, in order. */
  synchronized String output(Event.Output.Stream stream) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Event e : events) {
      if (e instanceof Event.Output out && out.stream() == stream) {
        bytes.writeBytes(out.bytes());
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
