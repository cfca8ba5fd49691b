package org.dlv4j.linux.internal.ptrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dlv4j.api.DebuggerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tracer thread: one platform thread, inline nesting, exceptions, refusal of other threads. */
@Timeout(10)
class PtraceThreadTest {

  @Test
  void runsEveryTaskOnTheSameNamedPlatformThread() {
    try (PtraceThread t = new PtraceThread("dlv4j-ptrace-test")) {
      List<Thread> seen = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        seen.add(t.call(Thread::currentThread));
      }
      assertTrue(seen.stream().allMatch(s -> s == seen.get(0)));
      assertEquals("dlv4j-ptrace-test", seen.get(0).getName());
      assertTrue(seen.get(0).isDaemon());
    }
  }

  @Test
  void callsFromTheThreadItselfRunInline() {
    try (PtraceThread t = new PtraceThread("inline")) {
      int nested = t.call(() -> t.call(() -> 41) + 1);
      assertEquals(42, nested);
    }
  }

  @Test
  void exceptionsReachTheCallerAndTheThreadSurvives() {
    try (PtraceThread t = new PtraceThread("survivor")) {
      Thread before = t.call(Thread::currentThread);
      IllegalArgumentException e = new IllegalArgumentException("boom");
      assertSame(e, assertThrows(IllegalArgumentException.class, () -> t.call(() -> {
        throw e;
      })));
      DebuggerException wrapped = assertThrows(DebuggerException.class, () -> t.call(() -> {
        throw new IOException("checked");
      }));
      assertTrue(wrapped.getCause() instanceof IOException);
      assertSame(before, t.call(Thread::currentThread));
    }
  }

  @Test
  void checkCurrentRefusesOtherThreads() {
    try (PtraceThread t = new PtraceThread("owner")) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> t.checkCurrent("PTRACE_CONT"));
      assertTrue(e.getMessage().contains("PTRACE_CONT must run on the tracer thread owner"));
      t.call(() -> {
        t.checkCurrent("PTRACE_CONT");
        return null;
      });
    }
  }

  @Test
  void closedThreadRefusesWork() {
    PtraceThread t = new PtraceThread("closed");
    t.close();
    t.close(); // idempotent
    assertThrows(IllegalStateException.class, () -> t.call(() -> 1));
  }

  @Test
  void ptraceCallsOffTheTracerThreadAreRefused() {
    try (PtraceThread t = new PtraceThread("calls")) {
      Ptrace p = new Ptrace(t);
      assertThrows(IllegalStateException.class, () -> p.cont(1, 0));
      assertThrows(IllegalStateException.class, () -> p.waitpid(1, 0));
    }
  }
}
