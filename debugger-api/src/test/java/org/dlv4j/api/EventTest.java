package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EventTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void outputCopiesItsBytesAndComparesThem() {
    byte[] bytes = utf8("hello\n");
    Event.Output out = new Event.Output(7, Event.Output.Stream.STDOUT, bytes);
    bytes[0] = 'j';
    out.bytes()[1] = 'a';

    assertArrayEquals(utf8("hello\n"), out.bytes());
    assertEquals(new Event.Output(7, Event.Output.Stream.STDOUT, utf8("hello\n")), out);
    assertEquals(new Event.Output(7, Event.Output.Stream.STDOUT, utf8("hello\n")).hashCode(),
        out.hashCode());
    assertNotEquals(new Event.Output(7, Event.Output.Stream.STDERR, utf8("hello\n")), out);
    assertEquals("Output[pid=7, stream=STDOUT, 6 bytes]", out.toString());
    assertEquals(7, out.pid());
  }

  @Test
  void stoppedNeedsAStoppedState() {
    DebuggerState state = new DebuggerState(9, Optional.of(new StopReason.Manual()),
        Optional.empty(), List.of(new FakeThread(9)), Optional.empty(), false);

    assertEquals(9, new Event.Stopped(state).pid());
    assertEquals("a Stopped event needs a stopped state: " + DebuggerState.running(9),
        assertThrows(IllegalArgumentException.class,
            () -> new Event.Stopped(DebuggerState.running(9))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Event.Stopped(
        DebuggerState.exited(9, new StopReason.Exited(0, OptionalInt.empty()))));
  }

  @Test
  void exitStatusMatchesTheSignal() {
    assertEquals(OptionalInt.of(9), new Event.Exited(5, 137, OptionalInt.of(9)).signal());
    assertEquals("exitStatus of a process killed by signal 9 must be 137: 9",
        assertThrows(IllegalArgumentException.class,
            () -> new Event.Exited(5, 9, OptionalInt.of(9))).getMessage());
    assertEquals("exitStatus must be in 0..255: 256", assertThrows(
        IllegalArgumentException.class, () -> new StopReason.Exited(256, OptionalInt.empty()))
        .getMessage());
    assertEquals("signal must be positive: 0", assertThrows(IllegalArgumentException.class,
        () -> new StopReason.Exited(128, OptionalInt.of(0))).getMessage());
  }

  @Test
  void rejectsBadValues() {
    assertEquals("output without bytes", assertThrows(IllegalArgumentException.class,
        () -> new Event.Output(1, Event.Output.Stream.STDERR, new byte[0])).getMessage());
    assertEquals("stream is null", assertThrows(NullPointerException.class,
        () -> new Event.Output(1, null, new byte[1])).getMessage());
    assertEquals("pid must be positive: 0", assertThrows(IllegalArgumentException.class,
        () -> new Event.Resumed(0)).getMessage());
    assertEquals("pid must be positive: -4", assertThrows(IllegalArgumentException.class,
        () -> new Event.Detached(-4)).getMessage());
  }

  @Test
  void stopReasonsUseDelveNames() {
    assertEquals(List.of("launched", "attached", "exited", "breakpoint", "hardcoded breakpoint",
        "manual", "next finished", "signal received"), List.of(
            new StopReason.Launched(), new StopReason.Attached(),
            new StopReason.Exited(0, OptionalInt.empty()), new StopReason.BreakpointHit(),
            new StopReason.HardcodedBreakpoint(), new StopReason.Manual(),
            new StopReason.NextFinished(), new StopReason.SignalReceived(11))
        .stream().map(StopReason::name).toList());
    assertEquals("signal must be positive: -1", assertThrows(IllegalArgumentException.class,
        () -> new StopReason.SignalReceived(-1)).getMessage());
  }

  @Test
  void tracepointHitNeedsAThreadAndALocation() {
    Location at = new Location(0x4a1b2cL, "/src/main.go", 12, Optional.empty());
    Event.TracepointHit hit = new Event.TracepointHit(7, 2, 8, at);

    assertEquals(7, hit.pid());
    assertEquals(at, hit.location());
    assertEquals("threadId must be positive: 0", assertThrows(IllegalArgumentException.class,
        () -> new Event.TracepointHit(7, 2, 0, at)).getMessage());
    assertThrows(NullPointerException.class, () -> new Event.TracepointHit(7, 2, 8, null));
  }
}
