package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Optional;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.Target;
import org.dlv4j.api.Thread;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * switchThread and switchGoroutine with Delve's ClientHowto rules, on goroutines-states
 * stopped at main.stopHere: a parked goroutine can be selected while the current thread stays;
 * a goroutine a thread runs brings its thread; a thread brings the goroutine it runs, or none.
 * The stop itself (reason, threads, step state) is unchanged and no Stopped event is posted.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(60)
class SwitchGoroutineTest {
  @Test
  void aParkedGoroutineIsSelectedAndTheCurrentThreadStays(
      @GoProgram(value = "goroutines-states", args = {"states", "/dev/null"},
          env = "GOGC=off") Target target) throws Exception {
    EventLog log = new EventLog();
    target.addListener(log);
    DebuggerState stop = StatesStop.runToStop(target);
    Goroutine recv = StatesStop.startedIn(target, "main.recvWorker");

    DebuggerState switched = target.switchGoroutine(recv.id());

    assertEquals(Optional.of(recv), switched.selectedGoroutine());
    assertEquals(stop.currentThread(), switched.currentThread());
    assertNotEquals(recv.id(), switched.currentThread().orElseThrow().goroutineId(),
        "the selected goroutine and the current thread no longer match");
    assertSameStop(stop, switched);
    assertEquals(switched, target.state());

    DebuggerState end = target.resume(); // the fixture returns from main after stopHere
    assertEquals(0, end.exitStatus().getAsInt());
    log.awaitEvent(org.dlv4j.api.Event.Exited.class);
    assertEquals(List.of("Resumed", "Stopped", "Resumed", "Exited"), log.kinds(),
        "no Stopped event for the switch");
  }

  @Test
  void switchingBetweenThreadsAndTheGoroutinesTheyRun(
      @GoProgram(value = "goroutines-states", args = {"states", "/dev/null"},
          env = "GOGC=off") Target target) {
    DebuggerState stop = StatesStop.runToStop(target);
    Thread trap = stop.currentThread().orElseThrow();
    Goroutine syscall = StatesStop.startedIn(target, "main.syscallWorker");
    Thread syscallThread = stop.thread(syscall.threadId().orElseThrow()).orElseThrow();
    Thread idle = stop.threads().stream().filter(t -> t.goroutineId() == 0).findFirst()
        .orElseThrow(() -> new AssertionError("no thread without a goroutine (sysmon's)"));

    DebuggerState onSyscall = target.switchGoroutine(syscall.id());
    assertEquals(Optional.of(syscallThread), onSyscall.currentThread(),
        "a running goroutine makes its thread current");
    assertEquals(Optional.of(syscall), onSyscall.selectedGoroutine());
    assertSameStop(stop, onSyscall);

    DebuggerState onIdle = target.switchThread(idle.id());
    assertEquals(Optional.of(idle), onIdle.currentThread());
    assertEquals(Optional.empty(), onIdle.selectedGoroutine(), "its thread runs no goroutine");
    assertSameStop(stop, onIdle);
    assertEquals(onIdle, target.state());

    DebuggerState onSyscallThread = target.switchThread(syscallThread.id());
    assertEquals(Optional.of(syscall), onSyscallThread.selectedGoroutine());

    DebuggerState back = target.switchThread(trap.id());
    assertEquals(stop, back, "the stop's own selection again");
    assertEquals(target.goroutine(1), back.selectedGoroutine());
    assertEquals(stop, target.switchGoroutine(1));
  }

  private static void assertSameStop(DebuggerState stop, DebuggerState switched) {
    assertEquals(stop.pid(), switched.pid());
    assertEquals(stop.stopReason(), switched.stopReason());
    assertEquals(stop.threads(), switched.threads());
    assertEquals(stop.nextInProgress(), switched.nextInProgress());
  }
}
