package org.dlv4j.gort.internal.bp;

import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.Location;

/**
 * One breakpoint instruction in the target's code: the bytes it replaced, the logical
 * breakpoints that share its address and the temporary ones of a step in progress (Delve's
 * {@code Breakpoint} with its breaklets).
 */
public final class PhysicalBreakpoint {
  private final long address;
  private final byte[] original;
  private final Location location;
  private final List<LogicalBreakpoint> users = new ArrayList<>(2);
  private List<StepBreaklet> stepping = List.of();

  PhysicalBreakpoint(long address, byte[] original, Location location) {
    this.address = address;
    this.original = original;
    this.location = location;
  }

  /** {@return the address of the breakpoint instruction} */
  public long address() {
    return address;
  }

  /** {@return the source position and function of the address} */
  public Location location() {
    return location;
  }

  /** Returns the saved code bytes the instruction replaced; the table updates them in place. */
  byte[] original() {
    return original;
  }

  List<LogicalBreakpoint> users() {
    return users;
  }

  /**
   * Returns the temporary breakpoints of the step in progress at this address. Read it on the
   * thread that changes the table (the tracer).
   *
   * @return the breaklets, empty if none; unmodifiable
   */
  public List<StepBreaklet> stepping() {
    return stepping;
  }

  void addStepping(StepBreaklet b) {
    List<StepBreaklet> more = new ArrayList<>(stepping.size() + 1);
    more.addAll(stepping);
    more.add(b);
    stepping = List.copyOf(more);
  }

  void clearStepping() {
    stepping = List.of();
  }

  /** Tells whether nothing uses this instruction any more. */
  boolean unused() {
    return users.isEmpty() && stepping.isEmpty();
  }

  /**
   * Tells whether a hit here never stops the target and needs no look at the thread: every
   * breakpoint here is a tracepoint, and no step is in progress here.
   */
  boolean tracepointsOnly() {
    if (!stepping.isEmpty()) {
      return false;
    }
    for (LogicalBreakpoint b : users) {
      if (!b.tracepoint()) {
        return false;
      }
    }
    return true;
  }

  /** Tells whether a user breakpoint here (not a tracepoint) stops the target when hit. */
  boolean stopsForUser() {
    for (LogicalBreakpoint b : users) {
      if (!b.tracepoint()) {
        return true;
      }
    }
    return false;
  }
}
