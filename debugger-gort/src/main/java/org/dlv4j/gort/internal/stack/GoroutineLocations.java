package org.dlv4j.gort.internal.stack;

import java.util.Optional;
import java.util.OptionalInt;
import org.dlv4j.gort.internal.runtime.CodeLocation;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.PcCache;

/**
 * The locations a goroutine record shows ({@link GoroutineLister#describe}): where it is, its
 * user frame, its go statement and its start function. Thousands of goroutines share a few of
 * each, so what is a function of one pc is computed once per pc, and equal user frames share
 * one record; the user frame itself depends on the whole stack and is found by walking it
 * every time. Not thread-safe: one per lister.
 */
final class GoroutineLocations {
  private static final int CACHE_SLOTS = 1 << 12;

  /**
   * Where a goroutine started.
   *
   * @param location the entry of its function, go-statement wrappers unwrapped
   * @param system whether that function makes it a runtime goroutine
   */
  record Start(CodeLocation location, boolean system) {
  }

  private final GoRuntime rt;
  private final CodeMap code;
  private final Unwinder unwinder;
  private final PcCache<CodeLocation> currents = new PcCache<>(CACHE_SLOTS);
  private final PcCache<CodeLocation> goStatements = new PcCache<>(CACHE_SLOTS);
  private final PcCache<Start> starts = new PcCache<>(CACHE_SLOTS);
  private final UserFrame userFrame;

  GoroutineLocations(GoRuntime rt, Unwinder unwinder) {
    this.rt = rt;
    this.code = rt.code();
    this.unwinder = unwinder;
    this.userFrame = new UserFrame(new UserFunctions(code));
  }

  /** Returns the location of {@code pc}, a goroutine's current pc. */
  CodeLocation current(long pc) {
    CodeLocation loc = currents.get(pc);
    if (loc == null) {
      loc = rt.location(pc);
      currents.put(pc, loc);
    }
    return loc;
  }

  /**
   * Returns the first user frame of the stack that starts at {@code start}, or
   * {@code otherwise} if there is none near the top.
   */
  CodeLocation user(StackStart start, CodeLocation otherwise) {
    return userFrame.find(unwinder, start, otherwise);
  }

  /** Returns the location of a go statement: the line of the call before gopc (Delve's Go()). */
  CodeLocation goStatement(long gopc) {
    CodeLocation loc = goStatements.get(gopc);
    if (loc == null) {
      int fi = code.funcIndex(gopc);
      if (fi < 0) {
        loc = CodeLocation.unknown(gopc);
      } else {
        CodeLocation at = code.location(gopc > code.entry(fi) ? gopc - 1 : gopc);
        loc = new CodeLocation(gopc, at.file(), at.line(), at.function());
      }
      goStatements.put(gopc, loc);
    }
    return loc;
  }

  /** Returns where the goroutine whose {@code g.startpc} is {@code startPc} started. */
  Start start(long startPc) {
    Start s = starts.get(startPc);
    if (s == null) {
      CodeLocation loc = startLocation(startPc);
      s = new Start(loc, loc.function().map(UserCode::isSystemStart).orElse(false));
      starts.put(startPc, s);
    }
    return s;
  }

  /** The entry location of the start function, go-statement wrappers unwrapped. */
  private CodeLocation startLocation(long startPc) {
    int fi = code.funcIndex(startPc);
    if (fi < 0) {
      return CodeLocation.unknown(startPc);
    }
    OptionalInt wrapped = code.wrapped(fi);
    return code.location(code.entry(wrapped.isPresent() ? wrapped.getAsInt() : fi));
  }

  /**
   * Finds the first user-code frame of a stack, reusing one visitor, and hands out one record
   * per distinct frame location: the last one found at each pc, if it is equal.
   */
  private static final class UserFrame implements FrameVisitor {
    private final UserFunctions functions;
    private final PcCache<CodeLocation> found = new PcCache<>(CACHE_SLOTS);
    private CodeLocation result;

    UserFrame(UserFunctions functions) {
      this.functions = functions;
    }

    CodeLocation find(Unwinder unwinder, StackStart start, CodeLocation otherwise) {
      result = otherwise;
      unwinder.walk(start, UserCode.USER_FRAME_DEPTH, this);
      return result;
    }

    @Override
    public boolean visit(FrameCursor frame) {
      if (!functions.isUser(frame)) {
        return true;
      }
      CodeLocation known = found.get(frame.pc());
      if (known != null && known.line() == frame.line() && known.file().equals(frame.file())
          && known.function().orElseThrow().equals(frame.function())) {
        result = known;
      } else {
        result = new CodeLocation(frame.pc(), frame.file(), frame.line(), Optional.of(frame.function()));
        found.put(frame.pc(), result);
      }
      return false;
    }
  }
}
