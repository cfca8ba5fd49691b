package org.dlv4j.gort.internal.bp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;

/** One user breakpoint: its request, where it resolved to, and its hit counts. */
final class LogicalBreakpoint {
  private final int id;
  private final BreakpointSpec spec;
  private final List<Long> addrs;
  private final String file;
  private final int line;
  private final Optional<String> function;
  private long totalHits;
  private final Map<Long, Long> hitsByGoroutine = new TreeMap<>();

  LogicalBreakpoint(int id, BreakpointSpec spec, List<Long> addrs, String file, int line,
      Optional<String> function) {
    this.id = id;
    this.spec = spec;
    this.addrs = List.copyOf(addrs);
    this.file = file;
    this.line = line;
    this.function = function;
  }

  int id() {
    return id;
  }

  List<Long> addrs() {
    return addrs;
  }

  boolean tracepoint() {
    return spec.options().tracepoint();
  }

  Optional<String> name() {
    return spec.options().name();
  }

  /** Counts one hit by a thread running goroutine {@code goroutineId} (0: none). */
  void hit(long goroutineId) {
    totalHits++;
    hitsByGoroutine.merge(goroutineId, 1L, Long::sum);
  }

  Breakpoint snapshot() {
    return new Breakpoint(id, spec, addrs, file, line, function, totalHits, hitsByGoroutine,
        false);
  }
}
