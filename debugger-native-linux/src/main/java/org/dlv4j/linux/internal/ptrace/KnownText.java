package org.dlv4j.linux.internal.ptrace;

import java.util.Arrays;

/**
 * The aligned 8-byte words of code the backend last read or wrote with ptrace, by address, so
 * that writing a breakpoint instruction or the byte it replaced needs one
 * {@code PTRACE_POKEDATA} and no {@code PTRACE_PEEKDATA}, and so that a trap can be matched to
 * the breakpoint instruction the backend put there without asking the kernel.
 *
 * <p>A word stays known as long as nothing but the backend changes it. The owner drops
 * everything ({@link #clear()}) when the debugger writes data memory (which may reach code
 * through {@code /proc/pid/mem}) and when the process calls {@code execve}. What the target
 * does itself is not tracked: the backend relies on a traced program never rewriting or
 * remapping code it runs, as Go programs never do (their text is read-only and the runtime
 * patches none of it). The engine already relies on the same for the bytes under its
 * breakpoints, which it keeps to restore them.
 *
 * <p>An open-addressing table of primitive longs (no boxing, no allocation once grown) with
 * address 0 as the empty key; it never holds more than {@link #MAX_WORDS} words and starts
 * over when full. Tracer-only, not thread-safe.
 */
final class KnownText {
  /** At most 32768 words (1 MiB of tables): far more than any set of breakpoints needs. */
  static final int MAX_WORDS = 1 << 15;
  private static final int INITIAL_SLOTS = 64;

  private long[] addresses = new long[INITIAL_SLOTS];
  private long[] words = new long[INITIAL_SLOTS];
  private int size;

  /**
   * Tells whether the word at an aligned address is known.
   *
   * @param address a multiple of 8
   * @return whether {@link #word} can return it
   */
  boolean knows(long address) {
    return address != 0 && addresses[slot(address)] == address;
  }

  /**
   * Returns a known word.
   *
   * @param address a multiple of 8 that {@link #knows}
   * @return the word as it is in the target
   */
  long word(long address) {
    return words[slot(address)];
  }

  /**
   * Returns one byte of code if its word is known.
   *
   * @param address any address
   * @return the byte (0 to 255), or -1 if its word is not known
   */
  int byteAt(long address) {
    long aligned = address & ~7L;
    if (!knows(aligned)) {
      return -1;
    }
    return (int) (word(aligned) >>> (8 * (address & 7))) & 0xff;
  }

  /**
   * Records the word at an aligned address, as just read from or written to the target.
   *
   * @param address a multiple of 8; 0 is never recorded
   * @param word its value
   */
  void put(long address, long word) {
    if (address == 0) {
      return;
    }
    int slot = slot(address);
    if (addresses[slot] != address) {
      if (size + 1 > MAX_WORDS) {
        clear();
      } else if ((size + 1) * 2 > addresses.length) {
        grow();
      }
      slot = slot(address);
      size++;
    }
    addresses[slot] = address;
    words[slot] = word;
  }

  /** Forgets every word. */
  void clear() {
    if (size > 0) {
      Arrays.fill(addresses, 0);
      size = 0;
    }
  }

  /** Returns how many words are known. */
  int size() {
    return size;
  }

  /** The slot holding {@code address}, or the empty slot where it would go (linear probing). */
  private int slot(long address) {
    int mask = addresses.length - 1;
    int i = (int) (mix(address) & mask);
    while (addresses[i] != 0 && addresses[i] != address) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldAddresses = addresses;
    long[] oldWords = words;
    addresses = new long[oldAddresses.length * 2];
    words = new long[oldWords.length * 2];
    for (int i = 0; i < oldAddresses.length; i++) {
      if (oldAddresses[i] != 0) {
        int slot = slot(oldAddresses[i]);
        addresses[slot] = oldAddresses[i];
        words[slot] = oldWords[i];
      }
    }
  }

  private static long mix(long address) {
    long h = (address >>> 3) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
