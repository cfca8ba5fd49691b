package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.dlv4j.gort.internal.stack.StackFrame;
import org.dlv4j.gort.internal.stack.Unwinder;

/**
 * The stacks walked at one stop, kept so that asking again reads nothing. Each stack is walked
 * one frame deeper than asked: a walk that stops at its depth limit never computes why the
 * walk could not go on past the last frame, so of a walk of {@code d + 1} frames, the first
 * {@code d} are exactly the first {@code d} frames of the whole stack, errors included. Every
 * answer is therefore a prefix of the whole stack, whichever depths were asked before, and a
 * later request for fewer frames is served from the memo. Not thread-safe.
 *
 * @param <K> what identifies a stack (a goroutine, a thread)
 */
final class StackMemo<K> {
  /** The most frames one request may ask for. */
  static final int MAX_DEPTH = Unwinder.MAX_DEPTH - 1;

  /** Walks several stacks at once. */
  @FunctionalInterface
  interface Walker<K> {
    /**
     * Walks stacks.
     *
     * @param keys the stacks to walk, distinct
     * @param depth the most frames per stack
     * @return each stack's frames, innermost first, in the order of {@code keys}
     */
    List<List<StackFrame>> walk(List<K> keys, int depth);
  }

  /** A walk made: its frames and the depth it was limited to. */
  private record Walked(List<StackFrame> frames, int depth) {
    /** Whether the walk reached the bottom of the stack (or an error) before its limit. */
    boolean complete() {
      return frames.size() < depth;
    }

    /** Whether the first {@code d} frames of the whole stack are known. */
    boolean covers(int d) {
      return complete() || frames.size() > d;
    }

    List<StackFrame> first(int d) {
      return frames.size() <= d ? frames : frames.subList(0, d);
    }
  }

  private final Map<K, Walked> walked = new HashMap<>();

  /**
   * Returns the first {@code depth} frames of each stack, walking the stacks not yet walked
   * deep enough (all at once, so that the walker can read them in bulk).
   *
   * @param keys the stacks
   * @param depth the most frames per stack, 1 to {@link #MAX_DEPTH}
   * @param walker walks what is missing
   * @return the frames, in the order of {@code keys}
   */
  List<List<StackFrame>> get(List<K> keys, int depth, Walker<K> walker) {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth " + depth + " not in 1.." + MAX_DEPTH);
    }
    LinkedHashSet<K> missing = new LinkedHashSet<>();
    for (K key : keys) {
      Walked w = walked.get(key);
      if (w == null || !w.covers(depth)) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      List<K> toWalk = List.copyOf(missing);
      List<List<StackFrame>> stacks = walker.walk(toWalk, depth + 1);
      for (int i = 0; i < toWalk.size(); i++) {
        walked.put(toWalk.get(i), new Walked(List.copyOf(stacks.get(i)), depth + 1));
      }
    }
    List<List<StackFrame>> out = new ArrayList<>(keys.size());
    for (K key : keys) {
      out.add(walked.get(key).first(depth));
    }
    return out;
  }
}
