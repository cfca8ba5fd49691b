package org.dlv4j.gort.internal.runtime;

/**
 * Runtime functions the unwinder treats specially, found by name because their
 * {@code abi.FuncID} numbers change between Go versions (internal/abi/symtab.go).
 */
public enum SpecialFunction {
  /** Stack growth: runs on g0 after saving the growing function's context in g.sched. */
  MORESTACK("runtime.morestack"),
  /** Runs a function on g0 and switches back; its g0 frame continues at g.sched.sp. */
  SYSTEMSTACK("runtime.systemstack"),
  /** The fake caller pc systemstack leaves in g.sched. */
  SYSTEMSTACK_SWITCH("runtime.systemstack_switch"),
  /** Switches to g0 to call a function that never returns to it (park_m, goexit0…). */
  MCALL("runtime.mcall"),
  /** A fault turned into a call: the caller's pc is the faulting instruction. */
  SIGPANIC("runtime.sigpanic"),
  /** An asynchronous preemption injected as a call: the caller's pc was interrupted. */
  ASYNC_PREEMPT("runtime.asyncPreempt"),
  /** A debugger call injection: the caller's pc was interrupted. */
  DEBUG_CALL_V2("runtime.debugCallV2"),
  /** Calls C on g0; the goroutine's context is in g.syscallsp/pc. */
  ASMCGOCALL("runtime.asmcgocall"),
  /** Enters Go from C on the goroutine stack: its caller is C, where unwinding ends. */
  CGOCALLBACK("runtime.cgocallback"),
  /** The signal handler the kernel calls: the interrupted registers are in the signal frame above it. */
  SIGTRAMP("runtime.sigtramp"),
  /**
   * The signal handler the kernel calls instead in a binary with runtime/cgo: a frameless
   * trampoline that jumps to sigtramp (or to runtime/cgo's traceback), so the signal frame is
   * above it as above sigtramp.
   */
  CGO_SIGTRAMP("runtime.cgoSigtramp"),
  /** Thread creation: while in it, the TLS g of the new thread is not yet valid. */
  CLONE("runtime.clone");

  private final String symbol;

  SpecialFunction(String symbol) {
    this.symbol = symbol;
  }

  /** {@return the function's symbol name} */
  public String symbol() {
    return symbol;
  }
}
