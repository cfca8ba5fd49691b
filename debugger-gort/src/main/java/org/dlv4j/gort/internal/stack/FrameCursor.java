package org.dlv4j.gort.internal.stack;

import java.util.List;
import java.util.Optional;
import org.dlv4j.gort.internal.runtime.CodeLocation;

/**
 * The frame an {@link Unwinder} is at, handed to a {@link FrameVisitor}: a mutable view,
 * refilled for every frame and valid only during the visit. {@link #toFrame()} copies it.
 * Not thread-safe.
 */
public final class FrameCursor {
  long pc;
  long symbolPc;
  long sp;
  long cfa;
  long bp;
  String function;
  String file;
  int line;
  long entry;
  int funcIndex;
  boolean inlined;
  boolean systemStack;
  long frameOffset;
  String error;
  int index;

  FrameCursor() {
  }

  /** {@return the frame's pc (a return address for callers)} */
  public long pc() {
    return pc;
  }

  /** {@return the pc the frame's position was looked up at: {@code pc}, or {@code pc - 1} for a return address} */
  public long symbolPc() {
    return symbolPc;
  }

  /** {@return the frame's stack pointer} */
  public long sp() {
    return sp;
  }

  /** {@return the frame's canonical frame address (the caller's stack pointer)} */
  public long cfa() {
    return cfa;
  }

  /** {@return the function's name, or {@code null} if no function contains the pc} */
  public String function() {
    return function;
  }

  /** {@return the source file, or {@code "?"}} */
  public String file() {
    return file;
  }

  /** {@return the source line, or 0} */
  public int line() {
    return line;
  }

  /**
   * {@return the index of the physical function containing the frame's pc, or -1 if no Go
   * function does; for an inlined call, the function it was inlined into}
   */
  public int funcIndex() {
    return funcIndex;
  }

  /** {@return whether the frame is an inlined call} */
  public boolean inlined() {
    return inlined;
  }

  /** {@return whether the frame is on a system stack} */
  public boolean systemStack() {
    return systemStack;
  }

  /** {@return why the walk stopped at this frame, or {@code null}} */
  public String error() {
    return error;
  }

  /** {@return the frame's position in the stack, 0 for the innermost} */
  public int index() {
    return index;
  }

  /** {@return the frame's location as a record} */
  public CodeLocation location() {
    return new CodeLocation(pc, file, line, Optional.ofNullable(function));
  }

  /** {@return an immutable copy of the frame, without deferred calls} */
  public StackFrame toFrame() {
    return new StackFrame(pc, sp, cfa, bp, location(), entry, inlined, systemStack, frameOffset, List.of(),
        Optional.ofNullable(error));
  }
}
