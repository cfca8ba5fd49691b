package org.dlv4j.dwarf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A multimap from names to small int ids, with a {@code .debug_info} offset per id, stored in
 * primitive arrays: one map entry per distinct name, and equal names chained through
 * {@code next}. Ids count from 0 in insertion order. Not thread-safe while being filled.
 */
final class NameTable {
  private final Map<String, Integer> first = new HashMap<>();
  private String[] names = new String[256];
  private long[] offsets = new long[256];
  private int[] next = new int[256];
  private int size;

  /** Adds {@code name} at {@code offset} and returns its id. */
  int add(String name, long offset) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      offsets = Arrays.copyOf(offsets, size * 2);
      next = Arrays.copyOf(next, size * 2);
    }
    int id = size++;
    names[id] = name;
    offsets[id] = offset;
    next[id] = -1;
    Integer head = first.putIfAbsent(name, id);
    if (head != null) { // keep the first-added id at the head; later ones follow it
      next[id] = next[head];
      next[head] = id;
    }
    return id;
  }

  /** Returns the first id added under {@code name}, or -1. */
  int first(String name) {
    Integer id = first.get(name);
    return id == null ? -1 : id;
  }

  /** Returns the next id with the same name as {@code id}, or -1. */
  int next(int id) {
    return next[id];
  }

  String name(int id) {
    return names[id];
  }

  long offset(int id) {
    return offsets[id];
  }

  int size() {
    return size;
  }
}
