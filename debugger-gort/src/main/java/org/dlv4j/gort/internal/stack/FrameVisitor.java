package org.dlv4j.gort.internal.stack;

/** Receives the frames of a stack walk, innermost first; see {@link Unwinder#walk}. */
@FunctionalInterface
public interface FrameVisitor {
  /**
   * Visits one frame.
   *
   * @param frame the frame; valid only during this call
   * @return whether to continue with the next frame
   */
  boolean visit(FrameCursor frame);

  /**
   * Learns that the walk ended on a problem found after the last visited frame (unreadable
   * memory, a stack pointer that left the stack or did not grow): the error belongs to that
   * frame. Problems with a frame itself come with the frame ({@link FrameCursor#error()}).
   *
   * @param error what went wrong
   */
  default void failed(String error) {
  }
}
