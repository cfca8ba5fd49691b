package org.dlv4j.api;

/**
 * A frame index is beyond the bottom of a stack. The message is
 * {@code "frame 7 does not exist in goroutine 1 of process 1234: its stack has 5 frames"}.
 */
public class NoSuchFrameException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int frame;
  private final int depth;

  /**
   * Creates an exception for a frame index out of range.
   *
   * @param pid the process
   * @param stack what the stack belongs to, e.g. {@code "goroutine 1"} or {@code "thread 88"}
   * @param frame the index that was asked for
   * @param depth how many frames the stack has
   */
  public NoSuchFrameException(int pid, String stack, int frame, int depth) {
    super("frame " + frame + " does not exist in " + stack + " of process " + pid
        + ": its stack has " + depth + " frame" + (depth == 1 ? "" : "s"));
    this.frame = frame;
    this.depth = depth;
  }

  /**
   * Returns the frame index that was asked for.
   *
   * @return the index
   */
  public int frame() {
    return frame;
  }

  /**
   * Returns how many frames the stack has.
   *
   * @return the depth
   */
  public int depth() {
    return depth;
  }
}
