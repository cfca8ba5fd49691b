/**
 * Stacks of a stopped Go process: the {@link org.dlv4j.gort.internal.stack.Unwinder} (pclntab
 * frame sizes as the runtime's own unwinder uses them, DWARF call frame information and frame
 * pointers for C code, crossings between system and goroutine stacks and out of signal
 * handlers through the kernel's signal frames, inlined frames from the
 * pclntab's inline trees, deferred calls attached to their frames) and the
 * {@link org.dlv4j.gort.internal.stack.GoroutineLister}, which combines it with the runtime
 * model into Delve's goroutine list (current, user, go-statement and start locations).
 *
 * <p>Sources of facts: {@code runtime/traceback.go} (the unwinder, symbolization at pc - 1,
 * TopFrame/SPWrite, stack jumps), {@code runtime/asm_*.s} (systemstack, mcall, morestack,
 * asmcgocall), {@code runtime/sys_linux_*.s} and {@code defs_linux_*.go} (sigtramp, ucontext
 * layouts), {@code runtime/symtabinl.go} (inline trees), Delve's documented behaviour for
 * user frames and start locations (runtime-internals.md §2.6, §3).
 *
 * <p><b>Trust.</b> Stacks are untrusted: every frame must move the stack pointer up and stay
 * inside the goroutine's stack, a non-Go return address on a goroutine stack ends the walk,
 * walks are bounded by a depth, and a problem is recorded on the last frame instead of thrown.
 */
package org.dlv4j.gort.internal.stack;
