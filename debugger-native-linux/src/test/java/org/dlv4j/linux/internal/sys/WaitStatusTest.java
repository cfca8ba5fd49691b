package org.dlv4j.linux.internal.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Status words as the kernel builds them (kernel/exit.c, kernel/ptrace.c). */
class WaitStatusTest {

  @Test
  void exit() {
    int status = 7 << 8;
    assertTrue(WaitStatus.exited(status));
    assertFalse(WaitStatus.signaled(status));
    assertFalse(WaitStatus.stopped(status));
    assertEquals(7, WaitStatus.exitCode(status));
    assertEquals("exited(7)", WaitStatus.describe(status));
  }

  @Test
  void killedBySignalWithCoreDump() {
    int status = 0x80 | Signals.SIGSEGV;
    assertTrue(WaitStatus.signaled(status));
    assertFalse(WaitStatus.exited(status));
    assertEquals(Signals.SIGSEGV, WaitStatus.termSignal(status));
    assertEquals("killed(SIGSEGV)", WaitStatus.describe(status));
  }

  @Test
  void signalDeliveryStop() {
    int status = (Signals.SIGURG << 8) | 0x7f;
    assertTrue(WaitStatus.stopped(status));
    assertFalse(WaitStatus.signaled(status));
    assertEquals(Signals.SIGURG, WaitStatus.stopSignal(status));
    assertEquals(0, WaitStatus.event(status));
    assertEquals("stopped(SIGURG)", WaitStatus.describe(status));
  }

  @Test
  void ptraceEvents() {
    int clone = (WaitStatus.EVENT_CLONE << 16 | Signals.SIGTRAP << 8) | 0x7f;
    assertEquals(WaitStatus.EVENT_CLONE, WaitStatus.event(clone));
    assertEquals(Signals.SIGTRAP, WaitStatus.stopSignal(clone));
    int groupStop = (WaitStatus.EVENT_STOP << 16 | Signals.SIGSTOP << 8) | 0x7f;
    assertEquals(WaitStatus.EVENT_STOP, WaitStatus.event(groupStop));
    assertTrue(Signals.isStopSignal(WaitStatus.stopSignal(groupStop)));
    assertEquals("stopped(SIGSTOP, event 128)", WaitStatus.describe(groupStop));
  }

  @Test
  void signalNames() {
    assertEquals("SIGUSR1", Signals.name(10));
    assertEquals("SIG34", Signals.name(34));
    assertTrue(Signals.isSynchronousFault(Signals.SIGSEGV));
    assertFalse(Signals.isSynchronousFault(Signals.SIGURG));
  }
}
