package org.dlv4j.gort.pclntab;

import java.nio.charset.StandardCharsets;

/**
 * Function name to function index: an open-addressing hash table of function indexes keyed by
 * the name bytes in funcnametab, so no name is decoded to build it or to look one up. Where
 * several functions share a name, the first (lowest entry) wins.
 */
final class NameIndex {
  private final Strings names;
  private final FuncTab funcs;
  /** Function index + 1 per slot; 0 = empty. */
  private final int[] slots;
  private final int mask;

  private NameIndex(Strings names, FuncTab funcs, int[] slots) {
    this.names = names;
    this.funcs = funcs;
    this.slots = slots;
    this.mask = slots.length - 1;
  }

  /** Builds the index over all functions. */
  static NameIndex build(Strings names, FuncTab funcs) {
    int n = funcs.count();
    int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
    NameIndex index = new NameIndex(names, funcs, new int[capacity]);
    for (int i = 0; i < n; i++) {
      index.insert(i);
    }
    return index;
  }

  /** Returns the index of the first function called {@code name}, or -1. */
  int find(String name) {
    byte[] key = name.getBytes(StandardCharsets.UTF_8);
    for (int s = spread(Strings.hash(key)) & mask; slots[s] != 0; s = (s + 1) & mask) {
      int f = slots[s] - 1;
      if (names.equalsAt(nameOff(f), key)) {
        return f;
      }
    }
    return -1;
  }

  private void insert(int f) {
    long off = nameOff(f);
    int s = spread(names.hashAt(off)) & mask;
    for (; slots[s] != 0; s = (s + 1) & mask) {
      if (names.sameAt(nameOff(slots[s] - 1), off)) {
        return;
      }
    }
    slots[s] = f + 1;
  }

  private long nameOff(int f) {
    return funcs.field(f, FuncTab.NAME_OFF) & 0xffff_ffffL;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
