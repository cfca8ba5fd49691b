package org.dlv4j.gort.internal.bp;

import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.Location;

/**
 * One breakpoint instruction in the target's code: the bytes it replaced and the logical
 * breakpoints that share its address (Delve's {@code Breakpoint} with its breaklets).
 */
public final class PhysicalBreakpoint {
  private final long address;
  private final byte[] original;
  private final Location location;
  private final List<LogicalBreakpoint> users = new ArrayList<>(2);

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

  /** Tells whether every breakpoint here is a tracepoint, so a hit never stops the target. */
  boolean tracepointsOnly() {
    for (LogicalBreakpoint b : users) {
      if (!b.tracepoint()) {
        return false;
      }
    }
    return true;
  }
}
