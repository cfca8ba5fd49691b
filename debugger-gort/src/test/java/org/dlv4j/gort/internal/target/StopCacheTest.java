package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.GoroutineField;
import org.dlv4j.api.GoroutineFilter;
import org.dlv4j.api.GoroutineGrouping;
import org.dlv4j.api.GoroutinePage;
import org.dlv4j.api.GoroutinesRequest;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.api.Thread;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.spi.MemoryAccess;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.TargetBackendProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Asking twice at one stop costs no target reads: the engine runs on a backend whose memory
 * counts every read, and the counter must not move while the same questions are asked again
 * (and while questions whose answers are already known are asked), until the next stop.
 */
@Timeout(60)
class StopCacheTest {
  @Test
  void askingAgainAtTheSameStopReadsNothing() {
    Path binary = GoBuild.fixture("goroutines-many").build();
    AtomicLong reads = new AtomicLong();
    try (Target target = launchCounted(binary, reads, "200")) {
      target.createBreakpoint(BreakpointSpec.atFunction("main.stopHere"));
      target.createBreakpoint(BreakpointSpec.atFunction("fmt.Println"));
      DebuggerState stop = target.resume();
      assertEquals(new StopReason.BreakpointHit(), stop.stopReason().orElseThrow());

      long before = reads.get();
      List<Goroutine> all = target.goroutines();
      assertTrue(reads.get() > before, "the first listing reads the target");
      GoroutinesRequest grouped = GoroutinesRequest.all()
          .filter(GoroutineFilter.without(GoroutineField.RUNNING, ""))
          .groupBy(new GoroutineGrouping(GoroutineField.USER_LOCATION, "", 3, 10));
      long read = reads.get();
      assertEquals(all, target.goroutines());
      GoroutinePage page = target.goroutines(grouped);
      assertEquals(page, target.goroutines(grouped));
      for (Goroutine g : all) {
        assertEquals(Optional.of(g), target.goroutine(g.id()));
      }
      assertEquals(Optional.empty(), target.goroutine(123_456_789));
      unchanged(read, reads, "listing again, filtering, grouping, finding by id");

      Goroutine some = all.get(all.size() / 2);
      List<Stackframe> stack = target.stacktrace(some.id(), 50, true);
      read = reads.get();
      assertEquals(stack, target.stacktrace(some.id(), 50, true));
      assertEquals(stack.subList(0, 3), target.stacktrace(some.id(), 3, true));
      assertEquals(stack.get(2), target.frame(some.id(), 2));
      unchanged(read, reads, "the same stack, a shorter one, one of its frames");

      List<Long> ids = all.stream().map(Goroutine::id).toList();
      Map<Long, List<Stackframe>> stacks = target.stacktraces(ids, 50, false);
      read = reads.get();
      assertEquals(stacks, target.stacktraces(ids, 50, false));
      for (Thread t : stop.threads()) {
        target.threadStacktrace(t.id(), 50, false);
      }
      long threadsRead = reads.get();
      for (Thread t : stop.threads()) {
        target.threadStacktrace(t.id(), 50, false);
      }
      target.switchGoroutine(some.id());
      target.switchThread(stop.currentThread().orElseThrow().id());
      unchanged(threadsRead, reads, "thread stacks again, switching");
      assertTrue(threadsRead >= read);

      DebuggerState next = target.resume(); // into fmt.Println, called by stopHere
      assertEquals(new StopReason.BreakpointHit(), next.stopReason().orElseThrow());
      long atNext = reads.get();
      List<Goroutine> again = target.goroutines();
      assertTrue(reads.get() > atNext, "a new stop reads the target again");
      assertNotEquals(all, again, "goroutine 1 has moved into fmt.Println");
    }
  }

  private static void unchanged(long expected, AtomicLong reads, String what) {
    assertEquals(expected, reads.get(), what + " must not read the target");
  }

  /** Launches a program on the host's backend, its memory wrapped to count reads. */
  private static Target launchCounted(Path binary, AtomicLong reads, String... args) {
    TargetBackendProvider provider = ServiceLoader.load(TargetBackendProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(TargetBackendProvider::supportsHost)
        .findFirst().orElseThrow(() -> new AssertionError("no backend for this host"));
    ProcessBackend real = provider.launch(ProcessSpecs.of(LaunchSpec.of(binary, args), binary));
    MemoryAccess memory = counting(MemoryAccess.class, real.memory(), reads);
    ProcessBackend backend = proxy(ProcessBackend.class, real,
        (proxy, method, a) -> method.getName().equals("memory") ? memory
            : call(method, real, a));
    return TargetImpl.start(backend, binary, binary, () -> { }, new StopReason.Launched());
  }

  private static <T> T counting(Class<T> type, T real, AtomicLong reads) {
    return proxy(type, real, (proxy, method, a) -> {
      if (method.getName().startsWith("read")) {
        reads.incrementAndGet();
      }
      return call(method, real, a);
    });
  }

  private static <T> T proxy(Class<T> type, T real, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(StopCacheTest.class.getClassLoader(),
        new Class<?>[] {type}, handler));
  }

  private static Object call(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
