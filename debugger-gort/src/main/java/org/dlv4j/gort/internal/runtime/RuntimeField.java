package org.dlv4j.gort.internal.runtime;

/**
 * The runtime struct offsets and sizes the goroutine model and the unwinder read, each named by
 * its struct and its DWARF member path (an empty path is the struct's size). The
 * {@link RuntimeLayout} of a binary holds one value per constant.
 */
public enum RuntimeField {
  /** {@code g.stack.lo}: the lowest address of the goroutine's stack. */
  G_STACK_LO("runtime.g", "stack.lo"),
  /** {@code g.stack.hi}: the address just above the goroutine's stack. */
  G_STACK_HI("runtime.g", "stack.hi"),
  /** {@code g._panic}: the innermost active panic. */
  G_PANIC("runtime.g", "_panic"),
  /** {@code g._defer}: the newest record of the defer list. */
  G_DEFER("runtime.g", "_defer"),
  /** {@code g.m}: the M running the goroutine, or 0. */
  G_M("runtime.g", "m"),
  /** {@code g.sched.sp}: saved stack pointer of a goroutine that is not running. */
  G_SCHED_SP("runtime.g", "sched.sp"),
  /** {@code g.sched.pc}: saved program counter. */
  G_SCHED_PC("runtime.g", "sched.pc"),
  /** {@code g.sched.g}: the g the context belongs to. */
  G_SCHED_G("runtime.g", "sched.g"),
  /** {@code g.sched.ctxt}: saved closure context register. */
  G_SCHED_CTXT("runtime.g", "sched.ctxt"),
  /** {@code g.sched.lr}: saved link register (LR architectures). */
  G_SCHED_LR("runtime.g", "sched.lr"),
  /** {@code g.sched.bp}: saved frame pointer. */
  G_SCHED_BP("runtime.g", "sched.bp"),
  /** {@code g.syscallsp}: stack pointer at system call entry, if in a system call. */
  G_SYSCALLSP("runtime.g", "syscallsp"),
  /** {@code g.syscallpc}: program counter at system call entry. */
  G_SYSCALLPC("runtime.g", "syscallpc"),
  /** {@code g.atomicstatus} (a uint32, or the {@code value} of an {@code atomic.Uint32}). */
  G_STATUS("runtime.g", "atomicstatus"),
  /** {@code g.goid}: the goroutine id (uint64). */
  G_GOID("runtime.g", "goid"),
  /** {@code g.waitsince}: approximate time (nanotime) the goroutine blocked. */
  G_WAITSINCE("runtime.g", "waitsince"),
  /** {@code g.waitreason}: the waitReason (uint8) of a waiting goroutine. */
  G_WAITREASON("runtime.g", "waitreason"),
  /** {@code g.parentGoid}: the id of the goroutine that created this one. */
  G_PARENT_GOID("runtime.g", "parentGoid"),
  /** {@code g.gopc}: the pc after the {@code go} statement that created the goroutine. */
  G_GOPC("runtime.g", "gopc"),
  /** {@code g.ancestors}: ancestor tracebacks (only with GODEBUG=tracebackancestors). */
  G_ANCESTORS("runtime.g", "ancestors"),
  /** {@code g.startpc}: the entry of the goroutine's function. */
  G_STARTPC("runtime.g", "startpc"),
  /** {@code g.labels}: pointer to the pprof label set, or 0. */
  G_LABELS("runtime.g", "labels"),
  /** {@code sizeof(runtime.g)}. */
  G_SIZE("runtime.g", ""),
  /** {@code m.g0}: the M's scheduling goroutine (its system stack). */
  M_G0("runtime.m", "g0"),
  /** {@code m.procid}: the kernel thread id of the M. */
  M_PROCID("runtime.m", "procid"),
  /** {@code m.gsignal}: the M's signal-handling goroutine. */
  M_GSIGNAL("runtime.m", "gsignal"),
  /** {@code m.curg}: the user goroutine the M runs, or 0. */
  M_CURG("runtime.m", "curg"),
  /** {@code _defer.rangefunc}: whether the record heads a range-over-func defer list. */
  DEFER_RANGEFUNC("runtime._defer", "rangefunc"),
  /** {@code _defer.sp}: the stack pointer of the frame that deferred. */
  DEFER_SP("runtime._defer", "sp"),
  /** {@code _defer.pc}: the return address of the deferproc call. */
  DEFER_PC("runtime._defer", "pc"),
  /** {@code _defer.fn}: the deferred function value (a funcval pointer). */
  DEFER_FN("runtime._defer", "fn"),
  /** {@code _defer.link}: the next (older) record. */
  DEFER_LINK("runtime._defer", "link"),
  /** {@code sizeof(runtime._defer)}. */
  DEFER_SIZE("runtime._defer", "");

  private final String struct;
  private final String path;

  RuntimeField(String struct, String path) {
    this.struct = struct;
    this.path = path;
  }

  /** {@return the runtime struct the field belongs to, e.g. {@code runtime.g}} */
  public String struct() {
    return struct;
  }

  /** {@return the DWARF member path, e.g. {@code sched.sp}; empty for the struct's size} */
  public String path() {
    return path;
  }

  /** {@return whether this constant is a struct size rather than a member offset} */
  public boolean isSize() {
    return path.isEmpty();
  }
}
