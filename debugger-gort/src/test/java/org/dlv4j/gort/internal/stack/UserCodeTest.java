package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Delve's rules for user and runtime code (runtime-internals.md §2.6). */
class UserCodeTest {
  @Test
  void userFrames() {
    assertTrue(UserCode.isUserFrame("main.worker"));
    assertTrue(UserCode.isUserFrame("sync.(*Mutex).Lock"));
    assertTrue(UserCode.isUserFrame("runtime.Gosched"));
    assertTrue(UserCode.isUserFrame("github.com/x/y.(*T).M"));
    assertFalse(UserCode.isUserFrame("runtime.gopark"));
    assertFalse(UserCode.isUserFrame("runtime.(*Func).Name"));
    assertFalse(UserCode.isUserFrame("internal/sync.runtime_SemacquireMutex"));
    assertFalse(UserCode.isUserFrame("runtime/internal/atomic.Load"));
    assertFalse(UserCode.isUserFrame("iter.Pull.func1"));
    assertFalse(UserCode.isUserFrame("c_spin"));
  }

  @Test
  void systemGoroutinesAndPrivateRuntime() {
    assertTrue(UserCode.isSystemStart("runtime.forcegchelper"));
    assertTrue(UserCode.isSystemStart("runtime.runFinalizers"));
    assertFalse(UserCode.isSystemStart("runtime.main"));
    assertFalse(UserCode.isSystemStart("runtime.handleAsyncEvent"));
    assertFalse(UserCode.isSystemStart("main.worker"));
    assertTrue(UserCode.isPrivateRuntime("runtime.gopark"));
    assertFalse(UserCode.isPrivateRuntime("runtime.Gosched"));
    assertFalse(UserCode.isPrivateRuntime("runtime."));
    assertTrue(UserCode.isExportedRuntime("runtime.Gosched"));
    assertFalse(UserCode.isExportedRuntime("runtimex.Foo"));
  }
}
