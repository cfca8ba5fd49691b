package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.gort.internal.runtime.CodeLocation;
import org.dlv4j.gort.internal.stack.StackFrame;
import org.junit.jupiter.api.Test;

/**
 * The stack memo on made-up stacks that end in an error, as the unwinder reports them: a walk
 * limited to exactly the stack's length never learns of the error after the last frame.
 */
class StackMemoTest {
  /** Stack lengths by key; the walk past each stack's last frame fails. */
  private static final Map<String, Integer> LENGTHS = Map.of("a", 5, "b", 2);

  private final List<String> walks = new ArrayList<>();

  /** Walks like the unwinder: the error on the last frame only if the limit allowed more. */
  private List<List<StackFrame>> walk(List<String> keys, int depth) {
    walks.add(keys + "@" + depth);
    List<List<StackFrame>> out = new ArrayList<>();
    for (String key : keys) {
      int n = LENGTHS.get(key);
      List<StackFrame> frames = new ArrayList<>();
      for (int i = 0; i < Math.min(n, depth); i++) {
        boolean failed = i == n - 1 && depth > n;
        frames.add(frame(i, failed));
      }
      out.add(frames);
    }
    return out;
  }

  private static StackFrame frame(int i, boolean failed) {
    return new StackFrame(0x1000 + i, 0x100 * i, 0x100 * i + 0x80, 0, CodeLocation.unknown(i),
        0, false, false, -0x1000 + 0x100 * i, List.of(),
        failed ? Optional.of("stack pointer did not grow") : Optional.empty());
  }

  @Test
  void shorterRequestsAreServedFromOneWalk() {
    StackMemo<String> memo = new StackMemo<>();

    assertEquals(List.of(frame(0, false), frame(1, false), frame(2, false)),
        memo.get(List.of("a"), 3, this::walk).get(0));
    assertEquals(List.of(frame(0, false), frame(1, false)), memo.get(List.of("a"), 2, this::walk)
        .get(0));
    memo.get(List.of("a"), 3, this::walk);
    assertEquals(List.of("[a]@4"), walks, "one walk, one frame deeper than asked");
  }

  @Test
  void everyAnswerIsAPrefixOfTheWholeStackErrorsIncluded() {
    StackMemo<String> memo = new StackMemo<>();
    List<StackFrame> whole = List.of(frame(0, false), frame(1, false), frame(2, false),
        frame(3, false), frame(4, true));

    assertEquals(whole, memo.get(List.of("a"), 5, this::walk).get(0),
        "asked for exactly its length, the stack still shows why it ends");
    assertEquals(whole, memo.get(List.of("a"), 100, this::walk).get(0));
    assertEquals(whole.subList(0, 4), memo.get(List.of("a"), 4, this::walk).get(0));
    assertEquals(List.of("[a]@6"), walks, "the first walk reached the end");
  }

  @Test
  void deeperRequestsWalkAgainAndManyStacksWalkTogether() {
    StackMemo<String> memo = new StackMemo<>();
    memo.get(List.of("a"), 1, this::walk);

    List<List<StackFrame>> both = memo.get(List.of("b", "a", "b"), 3, this::walk);

    assertEquals(List.of(frame(0, false), frame(1, true)), both.get(0));
    assertEquals(List.of(frame(0, false), frame(1, false), frame(2, false)), both.get(1));
    assertEquals(both.get(0), both.get(2));
    assertEquals(List.of("[a]@2", "[b, a]@4"), walks, "the missing stacks in one walk");
    memo.get(List.of("a", "b"), 3, this::walk);
    assertEquals(2, walks.size());
  }

  @Test
  void depthsOutOfRange() {
    StackMemo<String> memo = new StackMemo<>();
    assertThrows(IllegalArgumentException.class, () -> memo.get(List.of("a"), 0, this::walk));
    assertThrows(IllegalArgumentException.class,
        () -> memo.get(List.of("a"), StackMemo.MAX_DEPTH + 1, this::walk));
    assertEquals(List.of(), walks);
  }
}
