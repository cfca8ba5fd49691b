package org.dlv4j.gort.internal.target;

import java.util.List;
import org.dlv4j.api.AsmInstruction;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.Location;
import org.dlv4j.api.Register;
import org.dlv4j.api.Registers;
import org.dlv4j.api.Thread;

/**
 * A thread as it was at one stop. The values captured at the stop are plain fields; the
 * floating point registers and the instruction at the pc are read on demand through the
 * target, which refuses once the stop epoch has moved on.
 */
final class ThreadSnapshot implements Thread {
  private final TargetImpl target;
  private final long epoch;
  private final int id;
  private final Location location;
  private final Registers registers;
  private final List<Breakpoint> breakpoints;
  private final long goroutineId;
  private List<Register> floatingPoint;
  private AsmInstruction instruction;

  ThreadSnapshot(TargetImpl target, long epoch, int id, Location location, Registers registers,
      List<Breakpoint> breakpoints, long goroutineId) {
    this.target = target;
    this.epoch = epoch;
    this.id = id;
    this.location = location;
    this.registers = registers;
    this.breakpoints = List.copyOf(breakpoints);
    this.goroutineId = goroutineId;
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public long pc() {
    return location.pc();
  }

  @Override
  public Location location() {
    return location;
  }

  @Override
  public Registers registers() {
    return registers;
  }

  @Override
  public synchronized List<Register> floatingPointRegisters() {
    if (floatingPoint == null) {
      floatingPoint = target.floatingPointRegisters(id, epoch);
    } else {
      target.checkCurrent(id, epoch);
    }
    return floatingPoint;
  }

  @Override
  public List<Breakpoint> breakpoints() {
    return breakpoints;
  }

  @Override
  public synchronized AsmInstruction instruction() {
    if (instruction == null) {
      instruction = target.instruction(id, epoch, pc());
    } else {
      target.checkCurrent(id, epoch);
    }
    return instruction;
  }

  @Override
  public long goroutineId() {
    return goroutineId;
  }

  @Override
  public String toString() {
    return "Thread[" + id + " at " + location + (breakpoints.isEmpty() ? ""
        : ", breakpoints " + breakpoints.stream().map(Breakpoint::id).toList()) + "]";
  }
}
