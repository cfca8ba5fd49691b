package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ExceptionMessagesTest {
  @Test
  void messagesNameWhatFailedAndOnWhat() {
    assertEquals("no thread 4321 in process 1234",
        new NoSuchThreadException(1234, 4321).getMessage());
    assertEquals("no breakpoint with id 7 in process 1234",
        new NoSuchBreakpointException(1234, 7).getMessage());
    assertEquals("could not find main.go:99: no code on that line",
        new LocationNotFoundException("main.go:99", "no code on that line").getMessage());
    assertEquals("cannot read memory: process 1234 is running",
        new TargetRunningException(1234, "read memory").getMessage());
    assertEquals("cannot continue: detached from process 1234",
        new TargetDetachedException(1234, "continue").getMessage());
    assertEquals("cannot read 16 bytes at 0x7f0000000000 in process 1234: not mapped",
        new MemoryAccessException("read", 1234, 0x7f0000000000L, 16, "not mapped").getMessage());
    assertEquals("no dlv4j engine for linux/arm64: add debugger-gort and "
        + "debugger-native-linux-arm64 to the class/module path",
        new EngineNotFoundException("linux", "arm64").getMessage());
  }

  @Test
  void fieldsAndCauses() {
    IOException cause = new IOException("EFAULT");
    MemoryAccessException e =
        new MemoryAccessException("write", 5, -8L, 8, "not mapped", cause);

    assertEquals("cannot write 8 bytes at 0xfffffffffffffff8 in process 5: not mapped",
        e.getMessage());
    assertEquals(5, e.pid());
    assertEquals(-8L, e.address());
    assertEquals(8, e.length());
    assertSame(cause, e.getCause());
    assertEquals(4321, new NoSuchThreadException(1234, 4321).threadId());
    assertEquals(1234, new NoSuchThreadException(1234, 4321).pid());
    assertEquals(7, new NoSuchBreakpointException(1234, 7).breakpointId());
    assertEquals("main.nope", new LocationNotFoundException("main.nope", "no function").location());
    assertEquals(3, new TargetRunningException(3, "step").pid());
    assertEquals(3, new TargetDetachedException(3, "step").pid());
    assertEquals("linux", new EngineNotFoundException("linux", "arm64").os());
    assertEquals("arm64", new EngineNotFoundException("linux", "arm64").arch());
  }
}
