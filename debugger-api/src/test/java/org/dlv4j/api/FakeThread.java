package org.dlv4j.api;

import java.util.List;
import java.util.Optional;

/** A thread snapshot with fixed values, to build {@link DebuggerState}s in tests. */
record FakeThread(int id, long pc, List<Breakpoint> breakpoints) implements Thread {
  FakeThread(int id) {
    this(id, 0x401000L, List.of());
  }

  @Override
  public Location location() {
    return new Location(pc, "", 0, Optional.empty());
  }

  @Override
  public Registers registers() {
    return new Registers(pc, 0xc000000000L, List.of(Register.of("rip", 16, pc)));
  }

  @Override
  public List<Register> floatingPointRegisters() {
    throw new StaleHandleException("thread " + id + " is a test snapshot");
  }

  @Override
  public AsmInstruction instruction() {
    throw new StaleHandleException("thread " + id + " is a test snapshot");
  }

  @Override
  public long goroutineId() {
    return 0;
  }
}
