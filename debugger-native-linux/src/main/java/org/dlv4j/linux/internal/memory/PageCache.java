package org.dlv4j.linux.internal.memory;

/**
 * A small direct-mapped cache of 4 KiB target pages, valid for one stop. Every entry is
 * tagged with the epoch it was read in; {@link #invalidate()} starts a new epoch, which makes
 * every entry stale at once without touching them. Thread-safe (one lock; fills happen under
 * it, so concurrent readers of one page cost one system call).
 */
final class PageCache {
  static final int PAGE = 4096;
  private static final int SLOTS = 256; // 1 MiB of pages at most

  /** Fills one page; returns how many bytes of it could be read. */
  @FunctionalInterface
  interface Filler {
    int fill(long pageAddress, byte[] page);
  }

  private final long[] tags = new long[SLOTS];
  private final long[] epochs = new long[SLOTS];
  private final byte[][] pages = new byte[SLOTS][];
  private long epoch = 1;
  private long fills;

  /** Returns the current epoch; entries of older epochs are stale. */
  synchronized long epoch() {
    return epoch;
  }

  /** Makes every entry stale. */
  synchronized void invalidate() {
    epoch++;
  }

  /** Returns how many pages were read from the target so far (for tests and benchmarks). */
  synchronized long fills() {
    return fills;
  }

  /**
   * Copies bytes of one page out of the cache, filling it first if needed.
   *
   * @param pageAddress a page-aligned target address
   * @param asOf the epoch the caller saw before deciding to use the cache
   * @param inPage where in the page to start
   * @param dst where to copy
   * @param offset where in {@code dst} to start
   * @param length how many bytes (within the page)
   * @param filler reads a page from the target
   * @return false if the page is not wholly readable (nothing copied)
   */
  synchronized boolean copy(long pageAddress, long asOf, int inPage, byte[] dst, int offset,
      int length, Filler filler) {
    byte[] page = page(pageAddress, asOf, filler);
    if (page == null) {
      return false;
    }
    System.arraycopy(page, inPage, dst, offset, length);
    return true;
  }

  private byte[] page(long pageAddress, long asOf, Filler filler) {
    int slot = (int) ((pageAddress >>> 12) & (SLOTS - 1));
    if (pages[slot] != null && tags[slot] == pageAddress && epochs[slot] == epoch) {
      return pages[slot];
    }
    if (asOf != epoch) {
      return null; // the target resumed since the caller looked: do not cache what it reads
    }
    byte[] page = pages[slot] != null ? pages[slot] : new byte[PAGE];
    fills++;
    if (filler.fill(pageAddress, page) != PAGE) {
      tags[slot] = -1;
      return null;
    }
    pages[slot] = page;
    tags[slot] = pageAddress;
    epochs[slot] = epoch;
    return page;
  }
}
