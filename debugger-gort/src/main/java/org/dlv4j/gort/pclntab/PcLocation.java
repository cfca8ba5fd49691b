package org.dlv4j.gort.pclntab;

import java.util.List;

/**
 * What a pc is in the source: the function that contains it, the file and line of its
 * instruction, and the calls inlined at it. Immutable.
 *
 * <p>{@code file:line} is the innermost position: inside the innermost inlined function when
 * there are inlined calls. {@code inlined} lists those calls innermost first; the caller of
 * {@code inlined.get(k)} is {@code inlined.get(k + 1)}, and the caller of the last one is
 * {@code function} itself. Unknown positions are {@code "?"} and line 0, as in the Go runtime.
 *
 * @param pc the pc looked up
 * @param function the (physical) function containing {@code pc}
 * @param file the source file of the instruction at {@code pc}, or {@code "?"}
 * @param line the line of the instruction at {@code pc}, or 0
 * @param inlined the inlined calls at {@code pc}, innermost first; empty if none
 */
public record PcLocation(long pc, FuncInfo function, String file, int line, List<InlinedCall> inlined) {

  /**
   * Copies the list.
   *
   * @param pc the pc
   * @param function the containing function
   * @param file the file, or {@code "?"}
   * @param line the line, or 0
   * @param inlined the inlined calls, innermost first
   */
  public PcLocation {
    inlined = List.copyOf(inlined);
  }

  /**
   * {@return the name of the innermost function at {@code pc}} That is the innermost inlined
   * function, or {@code function().name()} if nothing is inlined there.
   */
  public String innermostFunction() {
    return inlined.isEmpty() ? function.name() : inlined.get(0).function();
  }
}
