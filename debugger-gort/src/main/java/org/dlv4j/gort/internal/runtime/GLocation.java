package org.dlv4j.gort.internal.runtime;

/**
 * Where a thread's current g is, by the rules of the binary's platform and link mode (reference
 * runtime-internals.md §2.5). Immutable.
 */
public sealed interface GLocation {

  /**
   * Returns the address of the thread's current g, or 0 if the thread has none.
   *
   * @param regs the thread's registers
   * @param memory the target's memory
   * @return the g pointer, or 0
   * @throws org.dlv4j.api.MemoryAccessException if the TLS slot is unreadable
   */
  long gOf(ThreadRegs regs, TargetMemory memory);

  /**
   * The g is in thread-local storage, at a fixed offset from the thread pointer: amd64 always
   * (fs_base; Go code also keeps it in R14, but not assembly, signal handlers or C), and
   * arm64 binaries that use cgo (TPIDR_EL0).
   *
   * @param offset the offset from the thread pointer to the g slot
   */
  record TlsSlot(long offset) implements GLocation {
    @Override
    public long gOf(ThreadRegs regs, TargetMemory memory) {
      return regs.tlsBase() == 0 ? 0 : memory.readLong(regs.tlsBase() + offset);
    }
  }

  /** The g is in Go's g register: arm64 binaries without cgo keep it in X28 at all times. */
  record GRegister() implements GLocation {
    @Override
    public long gOf(ThreadRegs regs, TargetMemory memory) {
      return regs.gRegister();
    }
  }
}
