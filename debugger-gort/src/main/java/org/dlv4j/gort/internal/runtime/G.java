package org.dlv4j.gort.internal.runtime;

/**
 * The fields of one {@code runtime.g} a debugger reads, as the struct held them at the stop.
 * Immutable.
 *
 * @param address the g's address
 * @param goid the goroutine id
 * @param status the raw {@code atomicstatus} (see {@link GStatus})
 * @param waitReason the raw {@code waitreason}
 * @param waitSince {@code waitsince}: nanotime when it blocked, or 0
 * @param stackLo the lowest address of its stack
 * @param stackHi the address just above its stack
 * @param schedPc {@code sched.pc}: where it resumes
 * @param schedSp {@code sched.sp}
 * @param schedBp {@code sched.bp}
 * @param schedLr {@code sched.lr} (LR architectures)
 * @param syscallPc {@code syscallpc}, 0 unless in a system call
 * @param syscallSp {@code syscallsp}, 0 unless in a system call
 * @param m {@code g.m}: the M running it, or 0
 * @param deferPtr {@code g._defer}: the newest defer record, or 0
 * @param panicPtr {@code g._panic}: the innermost panic, or 0
 * @param gopc the pc after the {@code go} statement that created it
 * @param startPc the entry of its function
 * @param parentGoid the id of the goroutine that created it, or 0
 * @param labels {@code g.labels}: the pprof label set, or 0
 */
public record G(
    long address,
    long goid,
    int status,
    int waitReason,
    long waitSince,
    long stackLo,
    long stackHi,
    long schedPc,
    long schedSp,
    long schedBp,
    long schedLr,
    long syscallPc,
    long syscallSp,
    long m,
    long deferPtr,
    long panicPtr,
    long gopc,
    long startPc,
    long parentGoid,
    long labels) implements AllGs.Entry {

  /** {@return whether the goroutine is dead (not listed)} */
  public boolean isDead() {
    return GStatus.isDead(status);
  }
}
