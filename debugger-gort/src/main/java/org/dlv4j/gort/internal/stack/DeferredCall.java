package org.dlv4j.gort.internal.stack;

import org.dlv4j.gort.internal.runtime.CodeLocation;

/**
 * A deferred call that has not run yet: one record of the goroutine's {@code _defer} list
 * (runtime/runtime2.go), attached to the frame that deferred it. Open-coded defers (the
 * optimizing compiler's default for functions without defers in loops) are not in the list
 * until a panic runs them, so a debugger cannot see them, as in Delve. Immutable.
 *
 * @param address the record's address
 * @param sp {@code _defer.sp}: the stack pointer of the deferring frame
 * @param pc {@code _defer.pc}: the return address of the {@code deferproc} call, in the
 *     deferring function
 * @param fn the code pointer of the deferred function value (often a {@code deferwrap}
 *     wrapper), or 0
 * @param function where the deferred function starts, wrappers unwrapped
 * @param deferredAt the location of the {@code defer} statement ({@code pc - 1})
 * @param rangefunc whether the record heads a range-over-func defer list (whose entries are
 *     not expanded)
 */
public record DeferredCall(long address, long sp, long pc, long fn, CodeLocation function,
    CodeLocation deferredAt, boolean rangefunc) {
}
