package org.dlv4j.linux.internal.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.dlv4j.spi.MemoryAccess;
import org.dlv4j.api.MemoryAccessException;

/**
 * {@link MemoryAccess} for a Linux process: reads of at most one page go through a
 * {@link PageCache} while every thread is stopped, everything else goes straight to
 * {@link RemoteMemory}. The owning process calls {@link #invalidate()} before any thread runs.
 */
public final class LinuxMemory implements MemoryAccess {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** What the memory needs to know about its process. */
  public interface Owner {
    /** Tells whether every thread is stopped, so memory cannot change behind the cache. */
    boolean allStopped();

    /** Returns the exit status if the process has ended. */
    OptionalInt exitStatus();
  }

  private final RemoteMemory remote;
  private final Owner owner;
  private final PageCache cache;
  private final boolean useCache;
  private final LinuxMemory uncached;
  /** Counts writes through either view, so that copies of code can tell they may be stale. */
  private final AtomicLong writes;
  private final PageCache.Filler filler = this::fill;
  private final ThreadLocal<byte[]> word = ThreadLocal.withInitial(() -> new byte[8]);

  /**
   * Creates the memory of process {@code pid}.
   *
   * @param pid the process
   * @param owner tells when caching is safe and how the process ended
   */
  public LinuxMemory(int pid, Owner owner) {
    this.remote = new RemoteMemory(pid, owner::exitStatus);
    this.owner = owner;
    this.cache = new PageCache();
    this.useCache = true;
    this.writes = new AtomicLong();
    this.uncached = new LinuxMemory(this);
  }

  /** The uncached view of {@code cached}: same target, same cache to invalidate on writes. */
  private LinuxMemory(LinuxMemory cached) {
    this.remote = cached.remote;
    this.owner = cached.owner;
    this.cache = cached.cache;
    this.useCache = false;
    this.writes = cached.writes;
    this.uncached = this;
  }

  /** Drops every cached page; called before any thread runs and after code writes. */
  public void invalidate() {
    cache.invalidate();
  }

  /** Returns how many pages the cache has read from the target (for tests and benchmarks). */
  public long pageFills() {
    return cache.fills();
  }

  /**
   * Returns how many writes have started through this memory (either view) so far; a change
   * means target memory, possibly code, may have changed.
   */
  public long writeCount() {
    return writes.get();
  }

  /** Releases the /proc/pid/mem descriptor, if one was opened. */
  public void close() {
    remote.close();
  }

  @Override
  public int read(long address, byte[] dst, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, dst.length);
    if (length == 0) {
      return 0;
    }
    if (!useCache || length > PageCache.PAGE || !owner.allStopped()) {
      return remote.read(address, dst, offset, length);
    }
    long asOf = cache.epoch();
    int done = 0;
    while (done < length) {
      long a = address + done;
      long page = a & -PageCache.PAGE;
      int inPage = (int) (a - page);
      int n = Math.min(length - done, PageCache.PAGE - inPage);
      if (!cache.copy(page, asOf, inPage, dst, offset + done, n, filler)) {
        // not cacheable (partly unmapped, or the target resumed): read the rest directly
        return done + readRest(a, dst, offset + done, length - done, done > 0);
      }
      done += n;
    }
    return done;
  }

  private int readRest(long address, byte[] dst, int offset, int length, boolean partialOk) {
    try {
      return remote.read(address, dst, offset, length);
    } catch (MemoryAccessException e) {
      if (partialOk) {
        return 0; // readable memory ended at a page boundary
      }
      throw e;
    }
  }

  @Override
  public int read(long address, ByteBuffer dst) {
    return remote.read(address, dst);
  }

  @Override
  public long readLong(long address) {
    byte[] b = word.get();
    readFully(address, b, 0, 8);
    return (long) LONG_LE.get(b, 0);
  }

  @Override
  public int readInt(long address) {
    byte[] b = word.get();
    readFully(address, b, 0, 4);
    return (int) INT_LE.get(b, 0);
  }

  @Override
  public void write(long address, byte[] src, int offset, int length) {
    writes.incrementAndGet();
    invalidate();
    remote.write(address, src, offset, length);
    invalidate();
  }

  @Override
  public MemoryAccess uncached() {
    return uncached;
  }

  private int fill(long pageAddress, byte[] page) {
    try {
      return remote.read(pageAddress, page, 0, PageCache.PAGE);
    } catch (RuntimeException e) {
      return 0; // unreadable page: the caller retries uncached and reports the exact address
    }
  }

  @Override
  public String toString() {
    return "memory of process " + remote.pid() + (useCache ? "" : " (uncached)");
  }
}
