package org.dlv4j.gort.internal.stack;

import org.dlv4j.gort.internal.runtime.CodeMap;

/**
 * {@link UserCode#isUserFrame}'s verdict for each function of a binary, decided from its name
 * the first time it is asked and then kept: a goroutine listing asks it for every frame of
 * 100,000 stacks that run through a handful of functions. Not thread-safe.
 */
final class UserFunctions {
  private static final byte UNKNOWN = 0;
  private static final byte USER = 1;
  private static final byte NOT_USER = 2;

  private final CodeMap code;
  private final byte[] verdicts;

  /**
   * Creates the verdicts of a binary's functions, none decided yet.
   *
   * @param code the binary's functions
   */
  UserFunctions(CodeMap code) {
    this.code = code;
    this.verdicts = new byte[code.pclntab().functionCount()];
  }

  /**
   * Tells whether a frame of function {@code index} counts as user code.
   *
   * @param index a function index
   * @return {@code UserCode.isUserFrame(code.name(index))}
   */
  boolean isUser(int index) {
    byte v = verdicts[index];
    if (v == UNKNOWN) {
      v = UserCode.isUserFrame(code.name(index)) ? USER : NOT_USER;
      verdicts[index] = v;
    }
    return v == USER;
  }

  /**
   * Tells whether the frame a walk is at counts as user code: the function's kept verdict for a
   * physical frame, the rule applied to the name for an inlined call or code outside Go.
   *
   * @param frame the frame
   * @return whether it is user code
   */
  boolean isUser(FrameCursor frame) {
    if (frame.function() == null) {
      return false;
    }
    return frame.inlined() || frame.funcIndex() < 0 ? UserCode.isUserFrame(frame.function())
        : isUser(frame.funcIndex());
  }
}
