package org.dlv4j.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Argument checks shared by the API records. Every message names the argument and, where it
 * helps, the offending value, so a programming error is fixed from the message alone.
 */
final class Checks {
  private Checks() {}

  /** Returns {@code value}, or throws {@code NullPointerException("<what> is null")}. */
  static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " is null");
    }
    return value;
  }

  /** Returns a string that is not null and holds no NUL character (it reaches execve). */
  static String noNul(String value, String what) {
    notNull(value, what);
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " contains a NUL character");
    }
    return value;
  }

  /** Returns a string that is not null, not blank and holds no NUL character. */
  static String notBlank(String value, String what) {
    noNul(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return value;
  }

  /** Returns a path that is not null and not the empty path. */
  static Path path(Path value, String what) {
    notNull(value, what);
    if (value.toString().isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return value;
  }

  /** Returns {@code value} if it is at least 1. */
  static int positive(int value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least 0. */
  static long notNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
    return value;
  }

  /** Copies a list into an unmodifiable one, naming the index of a null element. */
  static <T> List<T> copy(List<T> values, String what) {
    notNull(values, what);
    List<T> copy = new ArrayList<>(values);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) == null) { // the message is built only then: lists of goroutines are long
        throw new NullPointerException(what + "[" + i + "] is null");
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** Copies a list of strings bound for execve: no nulls, no NUL characters. */
  static List<String> strings(List<String> values, String what) {
    List<String> copy = copy(values, what);
    for (int i = 0; i < copy.size(); i++) {
      noNul(copy.get(i), what + "[" + i + "]");
    }
    return copy;
  }

  /** Copies a map into an unmodifiable one sorted by key, with no null keys or values. */
  static <K extends Comparable<K>, V> Map<K, V> sortedCopy(Map<K, V> values, String what) {
    notNull(values, what);
    if (values.isEmpty()) {
      return Map.of(); // most goroutines have no labels: no tree for them
    }
    TreeMap<K, V> copy = new TreeMap<>();
    values.forEach((k, v) -> copy.put(notNull(k, what + " key"), notNull(v, what + "[" + k + "]")));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Checks an exit status against the signal that ended the process: a process killed by
   * signal {@code n} has status {@code 128 + n}, as a shell reports it.
   */
  static void exit(int exitStatus, OptionalInt signal) {
    notNull(signal, "signal");
    if (signal.isPresent()) {
      int signo = positive(signal.getAsInt(), "signal");
      if (exitStatus != 128 + signo) {
        throw new IllegalArgumentException("exitStatus of a process killed by signal " + signo
            + " must be " + (128 + signo) + ": " + exitStatus);
      }
    } else if (exitStatus < 0 || exitStatus > 255) {
      throw new IllegalArgumentException("exitStatus must be in 0..255: " + exitStatus);
    }
  }
}
