package org.dlv4j.gort.internal.stack;

/**
 * Delve's rules for which functions are the user's and which the runtime's (reference
 * runtime-internals.md §2.6; pkg/proc/variables.go UserCurrent, System).
 */
public final class UserCode {
  /** How many frames Delve looks through for a goroutine's user location. */
  public static final int USER_FRAME_DEPTH = 30;

  private UserCode() {
  }

  /**
   * Tells whether a frame of {@code function} counts as user code for a goroutine's user
   * location: a package-qualified name that is neither private runtime code (exported runtime
   * functions such as {@code runtime.Gosched} count) nor {@code internal/...},
   * {@code runtime/internal/...} or {@code iter.} code.
   *
   * @param function a function's symbol name
   * @return whether it is user code
   */
  public static boolean isUserFrame(String function) {
    return function.contains(".")
        && (!function.startsWith("runtime.") || isExportedRuntime(function))
        && !function.startsWith("internal/")
        && !function.startsWith("runtime/internal")
        && !function.startsWith("iter.");
  }

  /**
   * Tells whether a goroutine whose (unwrapped) start function is {@code function} is a
   * runtime goroutine: one whose start function is in package runtime, except {@code runtime.main}
   * and {@code runtime.handleAsyncEvent}.
   *
   * @param function the start function's name
   * @return whether the goroutine is a system goroutine
   */
  public static boolean isSystemStart(String function) {
    return function.startsWith("runtime.") && !function.equals("runtime.main")
        && !function.equals("runtime.handleAsyncEvent");
  }

  /**
   * Tells whether a function is exported runtime API: {@code runtime.} followed by an upper-case
   * letter.
   *
   * @param function a function's symbol name
   * @return whether it is exported from package runtime
   */
  public static boolean isExportedRuntime(String function) {
    return function.length() > 8 && function.startsWith("runtime.") && Character.isUpperCase(function.charAt(8));
  }

  /**
   * Tells whether a function is private runtime code: {@code runtime.} followed by a lower-case
   * letter (never stepped into unless already in the runtime).
   *
   * @param function a function's symbol name
   * @return whether it is private to package runtime
   */
  public static boolean isPrivateRuntime(String function) {
    return function.length() > 8 && function.startsWith("runtime.") && Character.isLowerCase(function.charAt(8));
  }
}
