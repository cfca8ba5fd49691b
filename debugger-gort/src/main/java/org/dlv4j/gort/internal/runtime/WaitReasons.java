package org.dlv4j.gort.internal.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.gort.GoVersion;
import org.dlv4j.gort.pclntab.ImageMemory;

/**
 * The names of the runtime's wait reasons ({@code runtime.waitReason}, a uint8 in
 * {@code g.waitreason}): what a waiting goroutine waits for. The numbering changes between
 * Go versions, so a binary's own table ({@code runtime.waitReasonStrings}, read from its
 * image) is preferred; binaries without a symbol table use the table of their Go version,
 * transcribed from each toolchain's {@code runtime/runtime2.go} and checked against the
 * binaries' own tables by {@code WaitReasonsTest}. Immutable.
 */
public final class WaitReasons {
  /** What the runtime prints for a reason beyond its table. */
  public static final String UNKNOWN = "unknown wait reason";

  /** More reasons than this in a binary's table means it is not the table. */
  private static final int MAX_REASONS = 256;
  private static final int MAX_NAME = 128;

  private static final List<String> GO122 = List.of("", "GC assist marking", "IO wait",
      "chan receive (nil chan)", "chan send (nil chan)", "dumping heap", "garbage collection",
      "garbage collection scan", "panicwait", "select", "select (no cases)", "GC assist wait",
      "GC sweep wait", "GC scavenge wait", "chan receive", "chan send", "finalizer wait",
      "force gc (idle)", "semacquire", "sleep", "sync.Cond.Wait", "sync.Mutex.Lock",
      "sync.RWMutex.RLock", "sync.RWMutex.Lock", "trace reader (blocked)", "wait for GC cycle",
      "GC worker (idle)", "GC worker (active)", "preempted", "debug call", "GC mark termination",
      "stopping the world", "flushing proc caches", "trace goroutine status", "trace proc status",
      "page trace flush", "coroutine");
  private static final List<String> GO123 = concat(GO122, List.of("GC weak to strong wait"));
  private static final List<String> GO124 = List.of("", "GC assist marking", "IO wait",
      "chan receive (nil chan)", "chan send (nil chan)", "dumping heap", "garbage collection",
      "garbage collection scan", "panicwait", "select", "select (no cases)", "GC assist wait",
      "GC sweep wait", "GC scavenge wait", "chan receive", "chan send", "finalizer wait",
      "force gc (idle)", "semacquire", "sleep", "sync.Cond.Wait", "sync.Mutex.Lock",
      "sync.RWMutex.RLock", "sync.RWMutex.Lock", "sync.WaitGroup.Wait", "trace reader (blocked)",
      "wait for GC cycle", "GC worker (idle)", "GC worker (active)", "preempted", "debug call",
      "GC mark termination", "stopping the world", "flushing proc caches", "trace goroutine status",
      "trace proc status", "page trace flush", "coroutine", "GC weak to strong wait", "synctest.Run",
      "synctest.Wait", "chan receive (synctest)", "chan send (synctest)", "select (synctest)");
  /** Reasons 27 and later of Go 1.25 and 1.26, which number them alike. */
  private static final List<String> GO125_TAIL = List.of("wait for GC cycle", "GC worker (idle)",
      "GC worker (active)", "preempted", "debug call", "GC mark termination", "stopping the world",
      "flushing proc caches", "trace goroutine status", "trace proc status", "page trace flush",
      "coroutine", "GC weak to strong wait", "synctest.Run", "synctest.Wait", "chan receive (durable)",
      "chan send (durable)", "select (durable)", "sync.WaitGroup.Wait (durable)", "cleanup wait");
  private static final List<String> GO125 = concat(List.of("", "GC assist marking", "IO wait",
      "chan receive (nil chan)", "chan send (nil chan)", "dumping heap", "garbage collection",
      "garbage collection scan", "panicwait", "select", "select (no cases)", "GC assist wait",
      "GC sweep wait", "GC scavenge wait", "chan receive", "chan send", "finalizer wait",
      "force gc (idle)", "GOMAXPROCS updater (idle)", "semacquire", "sleep", "sync.Cond.Wait",
      "sync.Mutex.Lock", "sync.RWMutex.RLock", "sync.RWMutex.Lock", "sync.WaitGroup.Wait",
      "trace reader (blocked)"), GO125_TAIL);
  /** Go 1.26 moved the reasons that mean "blocked forever" to one range (runtime2.go). */
  private static final List<String> GO126 = concat(List.of("", "GC assist marking", "IO wait",
      "dumping heap", "garbage collection", "garbage collection scan", "panicwait", "GC assist wait",
      "GC sweep wait", "GC scavenge wait", "finalizer wait", "force gc (idle)",
      "GOMAXPROCS updater (idle)", "semacquire", "sleep", "chan receive (nil chan)",
      "chan send (nil chan)", "select (no cases)", "select", "chan receive", "chan send",
      "sync.Cond.Wait", "sync.Mutex.Lock", "sync.RWMutex.RLock", "sync.RWMutex.Lock",
      "sync.WaitGroup.Wait", "trace reader (blocked)"), GO125_TAIL);

  private final List<String> names;
  private final String source;

  private WaitReasons(List<String> names, String source) {
    this.names = List.copyOf(names);
    this.source = source;
  }

  /**
   * Returns the table of a Go version: its own for 1.22 to 1.26, the nearest otherwise.
   *
   * @param version the binary's Go version
   * @return the table
   */
  public static WaitReasons forVersion(GoVersion version) {
    int minor = version.major() > 1 ? 26 : Math.max(22, Math.min(26, version.minor()));
    List<String> names = switch (minor) {
      case 22 -> GO122;
      case 23 -> GO123;
      case 24 -> GO124;
      case 25 -> GO125;
      default -> GO126;
    };
    return new WaitReasons(names, "go1." + minor + " table");
  }

  /**
   * Reads a binary's own table: {@code runtime.waitReasonStrings}, an array of Go strings, from
   * the binary's image.
   *
   * @param address the link-time address of the array
   * @param size the array's size in bytes (16 per string on 64-bit targets)
   * @param image the binary's sections by address
   * @return the table, or empty if the bytes are not a plausible table of strings
   */
  public static Optional<WaitReasons> fromImage(long address, long size, ImageMemory image) {
    if (size <= 0 || size % 16 != 0 || size / 16 > MAX_REASONS) {
      return Optional.empty();
    }
    Optional<ByteBuffer> array = image.bytesAt(address);
    if (array.isEmpty() || array.get().remaining() < size) {
      return Optional.empty();
    }
    ByteBuffer headers = array.get().order(ByteOrder.LITTLE_ENDIAN);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < size; i += 16) {
      long ptr = headers.getLong(i);
      long len = headers.getLong(i + 8);
      if (len == 0) {
        names.add("");
        continue;
      }
      Optional<ByteBuffer> chars = image.bytesAt(ptr);
      if (len < 0 || len > MAX_NAME || chars.isEmpty() || chars.get().remaining() < len) {
        return Optional.empty();
      }
      byte[] b = new byte[(int) len];
      chars.get().get(0, b);
      names.add(new String(b, StandardCharsets.UTF_8));
    }
    return Optional.of(new WaitReasons(names, "runtime.waitReasonStrings"));
  }

  /**
   * Returns the name of a wait reason, as the runtime prints it.
   *
   * @param reason the {@code g.waitreason} value
   * @return the name; {@code ""} for 0, {@link #UNKNOWN} past the table
   */
  public String name(int reason) {
    return reason >= 0 && reason < names.size() ? names.get(reason) : UNKNOWN;
  }

  /** {@return every name, indexed by reason} */
  public List<String> names() {
    return names;
  }

  /** {@return where the names came from: the binary, or a version's table} */
  public String source() {
    return source;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "WaitReasons[" + names.size() + " from " + source + "]";
  }
}
