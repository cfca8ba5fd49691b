package org.dlv4j.gort.internal.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.PcCache;
import org.dlv4j.gort.internal.runtime.SpecialFunction;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.InlinedCall;
import org.dlv4j.gort.pclntab.PcLine;

/**
 * Walks stacks of a stopped Go process, innermost frame first, the way the Go runtime's own
 * unwinder does (runtime/traceback.go): a Go function's frame size at a pc comes from the
 * pclntab's pcsp table, so its caller's stack pointer (the CFA) is {@code sp + spdelta} plus,
 * on amd64, the pushed return address, which lies just below it; on arm64 the return address
 * is in LR for a frameless innermost frame and at {@code [sp]} otherwise. Code the pclntab
 * does not describe (C in cgo binaries) is unwound by DWARF call frame information, else by
 * frame pointers.
 *
 * <p>Stacks are crossed as the runtime crosses them: on a system stack (g0/gsignal),
 * {@code runtime.morestack} continues at the goroutine's {@code g.sched} (the function whose
 * prologue grew the stack), {@code runtime.systemstack} and {@code runtime.mcall} at
 * {@code g.sched.sp}, and {@code runtime.asmcgocall} (or an unwindable C frame) at the
 * goroutine's system call context, and {@code runtime.sigtramp} (the signal handler the
 * kernel called on the gsignal stack; {@code runtime.cgoSigtramp} in binaries with runtime/cgo,
 * until it jumps to sigtramp) at the interrupted registers the kernel saved in the signal frame
 * above it ({@link SignalFrames}). The frame after {@code runtime.sigpanic},
 * {@code runtime.asyncPreempt} or {@code runtime.debugCallV2} stopped at a faulting or
 * interrupted instruction, not a call, so its pc is used as is. Calls the compiler inlined
 * are reported as frames of their own, from the pclntab's inline trees.
 *
 * <p>The walk ends at a function flagged TopFrame ({@code runtime.goexit},
 * {@code runtime.mstart}, ...), a zero return address, a function that writes SP arbitrarily
 * (SPWrite) beyond the innermost frame, or a return into C from {@code runtime.cgocallback}.
 * It stops with an error recorded on the last frame when memory is unreadable, a pc is in no
 * function, the stack pointer leaves the stack or does not grow, or the depth limit is
 * reached; it never loops.
 *
 * <p>Allocation-light: one instance reuses its cursor, walk state, call frame context and lookup rows;
 * names are the pclntab's shared strings. Not thread-safe: one unwinder per thread.
 */
public final class Unwinder {
  /** Delve's default stack depth. */
  public static final int DEFAULT_DEPTH = 50;
  /** The deepest stack a walk follows. */
  public static final int MAX_DEPTH = 1 << 20;

  private final GoRuntime rt;
  private final CodeMap code;
  private final TargetMemory memory;
  private final ForeignFrames foreign;
  private final ForeignFrames.Step step = new ForeignFrames.Step();
  private final SignalFrames signals;
  private final SignalFrames.Context interrupted = new SignalFrames.Context();
  private final FrameCursor cursor = new FrameCursor();
  private final PcLine row = new PcLine();
  /** What walks need of a pc, by pc: thousands of parked goroutines share a handful of pcs. */
  private final PcCache<PcFacts> facts = new PcCache<>(1 << 12);
  /** Source positions and inlined calls by symbolization pc. */
  private final PcCache<Position> positions = new PcCache<>(1 << 12);
  private final boolean usesLr;
  private final int ptrSize;
  /** The walk state for the next walk: listing 100,000 goroutines walks 100,000 stacks. */
  private Walk idle;

  /**
   * Creates an unwinder for one stop of a process.
   *
   * @param rt the binary's runtime facts
   * @param memory the stopped process's memory
   */
  public Unwinder(GoRuntime rt, TargetMemory memory) {
    this.rt = rt;
    this.code = rt.code();
    this.memory = memory;
    this.foreign = new ForeignFrames(rt.callFrameInfo(), rt.arch(), code.staticBase());
    this.signals = new SignalFrames(rt);
    this.usesLr = rt.usesLinkRegister();
    this.ptrSize = rt.ptrSize();
  }

  /** {@return the runtime facts this unwinder uses} */
  public GoRuntime runtime() {
    return rt;
  }

  /** {@return the memory this unwinder reads} */
  public TargetMemory memory() {
    return memory;
  }

  /**
   * Returns the frames of a stack, with the deferred calls of {@code start.goroutine()}
   * attached to their frames.
   *
   * @param start where to start
   * @param depth the most frames to return, inlined frames included (1 to {@link #MAX_DEPTH})
   * @return the frames, innermost first; the last one carries an error if the walk failed
   */
  public List<StackFrame> stacktrace(StackStart start, int depth) {
    List<StackFrame> frames = new ArrayList<>();
    walk(start, depth, new FrameVisitor() {
      @Override
      public boolean visit(FrameCursor frame) {
        frames.add(frame.toFrame());
        return true;
      }

      @Override
      public void failed(String error) {
        StackFrame last = frames.remove(frames.size() - 1);
        frames.add(new StackFrame(last.pc(), last.sp(), last.cfa(), last.bp(), last.location(), last.entry(),
            last.inlined(), last.systemStack(), last.frameOffset(), last.defers(), Optional.of(error)));
      }
    });
    return start.goroutine().isPresent() ? Defers.attach(rt, memory, start.goroutine().get(), frames) : frames;
  }

  /**
   * Walks a stack, handing each frame to {@code visitor} until it returns false, the stack
   * ends or {@code depth} frames were visited.
   *
   * @param start where to start
   * @param depth the most frames to visit, inlined frames included (1 to {@link #MAX_DEPTH})
   * @param visitor receives the frames
   * @return the number of frames visited
   */
  public int walk(StackStart start, int depth, FrameVisitor visitor) {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth " + depth + " not in 1.." + MAX_DEPTH);
    }
    Walk w = idle != null ? idle : new Walk(); // a walk started by a visitor gets its own
    idle = null;
    try {
      return w.start(start, depth, visitor).run();
    } finally {
      w.visitor = null;
      w.user = null;
      idle = w;
    }
  }

  /** The source position of a pc: innermost file and line, and the calls inlined there. */
  private record Position(String file, int line, List<InlinedCall> calls) {
  }

  /**
   * What a walk needs to know of a pc, looked up once per pc.
   *
   * @param fi the index of the Go function containing the pc, or -1 if none does
   * @param name the function's name ({@code ""} if none)
   * @param entry the function's entry
   * @param delta the function's frame size at the pc (pcsp), or -1 if unknown
   * @param topFrame whether the function is flagged TopFrame
   * @param spWrite whether the function is flagged SPWrite
   */
  private record PcFacts(int fi, String name, long entry, int delta, boolean topFrame, boolean spWrite) {
    static final PcFacts NOT_GO = new PcFacts(-1, "", 0, -1, false, false);
  }

  /** Returns the facts of {@code pc}, cached. */
  private PcFacts facts(long pc) {
    PcFacts known = facts.get(pc);
    if (known == null) {
      int fi = code.funcIndex(pc);
      if (fi < 0) {
        known = PcFacts.NOT_GO;
      } else {
        FuncInfo f = code.func(fi);
        known = new PcFacts(fi, f.name(), code.entry(fi), code.spDelta(fi, pc), f.isTopFrame(), f.isSpWrite());
      }
      facts.put(pc, known);
    }
    return known;
  }

  /** Returns the position of {@code symbolPc}, cached. */
  private Position position(long symbolPc) {
    Position p = positions.get(symbolPc);
    if (p == null) {
      List<InlinedCall> calls = code.inlinedCalls(symbolPc);
      code.lookup(symbolPc, row);
      p = new Position(row.file(), row.line(), calls);
      positions.put(symbolPc, p);
    }
    return p;
  }

  /** The state of one walk, reset for the next one. */
  private final class Walk {
    private FrameVisitor visitor;
    private int depth;
    private G user;
    private long pc;
    private long sp;
    private long bp;
    private long lr;
    private boolean system;
    private long stackLo;
    private long stackHi;
    private boolean innermost;
    /**
     * This frame's pc is where it stopped executing (a thread's registers, or the callee was an
     * injected call), not a return address, so its position is that of pc itself.
     */
    private boolean trapped;
    /** The callee was runtime.cgocallback: an unknown return pc is C and ends the walk cleanly. */
    private boolean fromCgoCallback;
    private int count;
    private boolean stopped;
    /** The frame being reported is runtime.asmcgocall: its caller is the goroutine's syscall context. */
    private boolean leaveToSyscallContext;

    Walk start(StackStart s, int depth, FrameVisitor visitor) {
      this.visitor = visitor;
      this.depth = depth;
      this.user = s.goroutine().orElse(null);
      this.pc = s.pc();
      this.sp = s.sp();
      this.bp = s.bp();
      this.lr = s.lr();
      this.system = s.systemStack();
      this.trapped = !s.savedByCall();
      G owner = s.stackOwner().orElse(null); // no boxing: one walk per goroutine of a listing
      this.stackLo = owner == null ? 0 : owner.stackLo();
      this.stackHi = owner == null ? 0 : owner.stackHi();
      this.innermost = true;
      this.fromCgoCallback = false;
      this.count = 0;
      this.stopped = false;
      this.leaveToSyscallContext = false;
      return this;
    }

    int run() {
      try {
        while (!stopped && count < depth) {
          if (!physicalFrame()) {
            break;
          }
        }
      } catch (MemoryAccessException e) {
        failLast("unreadable stack memory: " + e.getMessage());
      }
      return count;
    }

    /** Reports the frame at pc and moves to its caller; false when the walk is over. */
    private boolean physicalFrame() {
      if (pc == 0 && innermost) { // a call through a nil function value: start in the caller
        if (usesLr) {
          pc = lr;
          lr = 0;
        } else {
          pc = memory.readLong(sp);
          sp += ptrSize;
        }
      }
      PcFacts at = facts(pc);
      if (at.fi() < 0) {
        return foreignFrame();
      }
      boolean switched = false;
      if (system && user != null) {
        if (!crossToGoroutine(at.fi())) {
          return false;
        }
        switched = !system;
        at = facts(pc); // the goroutine's pc, if the walk switched to it
      }
      int fi = at.fi();
      int delta = at.delta();
      if (delta < 0) {
        emitUnknown(fi, "no frame size for pc 0x" + Long.toHexString(pc) + " in " + at.name());
        return false;
      }
      long cfa = sp + delta + (usesLr ? 0 : ptrSize);
      if (!emit(at, cfa)) {
        return false;
      }
      boolean signalHandler = code.is(fi, SpecialFunction.SIGTRAMP) || code.is(fi, SpecialFunction.CGO_SIGTRAMP);
      if (at.topFrame() && !signalHandler) {
        return false;
      }
      if (leaveToSyscallContext) {
        // cgocall entered the system call state before asmcgocall switched to g0: the goroutine
        // continues at g.syscallpc/sp, a return address in runtime.cgocall.
        leaveToSyscallContext = false;
        switchTo(user.syscallPc(), user.syscallSp(), 0, 0);
        innermost = false;
        trapped = false;
        return true;
      }
      if (at.spWrite() && !innermost && !switched && !code.is(fi, SpecialFunction.CGOCALLBACK)) {
        return false; // the runtime's unwinder stops here too: SP was written arbitrarily
      }
      long ret;
      if (usesLr) {
        // The live LR holds the return address unless the innermost frame has saved it at [sp]
        // after allocating its frame (or the walk knows no LR): traceback.go, resolveInternal.
        ret = lr != 0 && !(innermost && delta > 0) ? lr : memory.readLong(sp);
      } else {
        ret = memory.readLong(cfa - ptrSize);
      }
      if (signalHandler) {
        return leaveSignalHandler(ret, cfa);
      }
      long callerBp = delta > 0 ? memory.readLong(usesLr ? sp - ptrSize : cfa - 2L * ptrSize) : bp;
      boolean injected = code.is(fi, SpecialFunction.SIGPANIC) || code.is(fi, SpecialFunction.ASYNC_PREEMPT)
          || code.is(fi, SpecialFunction.DEBUG_CALL_V2);
      fromCgoCallback = code.is(fi, SpecialFunction.CGOCALLBACK);
      return moveTo(ret, cfa, callerBp, injected);
    }

    /**
     * On a system stack, follows the runtime's stack switches (traceback.go, resolveInternal;
     * runtime-internals.md §3.3), from function {@code fi} at pc. Returns false if the walk
     * ended; else the frame to report is the one at pc.
     */
    private boolean crossToGoroutine(int fi) {
      if (code.is(fi, SpecialFunction.MORESTACK) || code.is(fi, SpecialFunction.MCALL)) {
        // morestack saved the growing function's context in g.sched and never returns;
        // mcall saved its caller's. Either way the goroutine continues from g.sched.
        switchTo(user.schedPc(), user.schedSp(), user.schedBp(), user.schedLr());
        if (facts(pc).fi() < 0) {
          emitUnknown(-1, "g.sched.pc 0x" + Long.toHexString(pc) + " is in no function");
          return false;
        }
        return true;
      }
      if (code.is(fi, SpecialFunction.SYSTEMSTACK) && !(usesLr && facts(pc).delta() == 0)) {
        // systemstack saved its own goroutine-stack frame in g.sched; its frame continues there.
        long savedPc = pc;
        switchTo(pc, user.schedSp(), user.schedBp(), 0);
        pc = savedPc;
        return true;
      }
      if (code.is(fi, SpecialFunction.ASMCGOCALL) && user.syscallSp() != 0) {
        leaveToSyscallContext = true; // report asmcgocall on g0, then continue in the goroutine
      }
      return true;
    }

    /**
     * Continues in the code a signal interrupted, at the registers the kernel saved in the
     * signal frame above runtime.sigtramp (at its CFA), as the innermost frame of the stack
     * it was on: the goroutine's, the system stack the walk is on, or another system stack
     * (g0, C) whose bounds are unknown. False, with an error, if there is no signal frame.
     */
    private boolean leaveSignalHandler(long ret, long cfa) {
      String why = signals.notFromKernel(ret);
      if (why != null) {
        failLast(why);
        return false;
      }
      long ucontext = signals.ucontext(cfa);
      signals.read(memory, ucontext, interrupted);
      long newSp = interrupted.sp;
      boolean sameStack = stackHi != 0 && newSp >= stackLo && newSp < stackHi;
      if (sameStack && newSp <= ucontext) {
        failLast("interrupted stack pointer 0x" + Long.toHexString(newSp) + " is below its signal frame at 0x"
            + Long.toHexString(ucontext));
        return false;
      }
      pc = interrupted.pc;
      sp = newSp;
      bp = interrupted.bp;
      lr = interrupted.lr;
      innermost = true; // its registers are live: a frameless function's return address is in LR
      trapped = true;
      fromCgoCallback = false;
      if (!sameStack) {
        boolean onGoroutine = user != null && newSp >= user.stackLo() && newSp < user.stackHi();
        system = !onGoroutine;
        stackLo = onGoroutine ? user.stackLo() : 0;
        stackHi = onGoroutine ? user.stackHi() : 0;
      }
      return true;
    }

    private void switchTo(long newPc, long newSp, long newBp, long newLr) {
      pc = newPc;
      sp = newSp;
      bp = newBp;
      lr = newLr;
      system = false;
      stackLo = user.stackLo();
      stackHi = user.stackHi();
    }

    /** Reports the frame of code the pclntab does not describe and moves to its caller. */
    private boolean foreignFrame() {
      if (!innermost && fromCgoCallback) {
        return false; // runtime.cgocallback returns into C: the goroutine's stack ends here
      }
      // A caller's pc is a return address: look up the call instruction before it, which may
      // be the last instruction of a function calling a noreturn one. C code runs on system
      // stacks (asmcgocall switches to g0); on a goroutine stack only the innermost frame can
      // be outside Go, so a return address there is corrupt.
      long lookupPc = trapped ? pc : pc - 1;
      String why = !innermost && !system ? "not in a Go function, and a goroutine stack has no C callers"
          : foreign.step(lookupPc, sp, bp, lr, memory, step);
      if (why != null) {
        if (system && user != null && user.syscallSp() != 0) {
          // C code (or a libc outside the binary) called from a cgo call: continue from the
          // goroutine's side of the call, as the runtime's traceback does.
          emitForeign(lookupPc, sp, null);
          if (stopped) {
            return false;
          }
          switchTo(user.syscallPc(), user.syscallSp(), 0, 0);
          innermost = false;
          trapped = false; // syscallpc is the return address of the goroutine's entersyscall call
          return true;
        }
        emitForeign(lookupPc, sp, "cannot unwind pc 0x" + Long.toHexString(pc) + ": " + why);
        return false;
      }
      emitForeign(lookupPc, step.cfa, null);
      return !stopped && moveTo(step.ret, step.cfa, step.callerBp, false);
    }

    /** Moves to the caller; false (with an error on the last frame) if that is not progress. */
    private boolean moveTo(long ret, long cfa, long callerBp, boolean injected) {
      if (ret == 0) {
        return false;
      }
      // Only an innermost frameless function (LR architectures) leaves sp where it was; any
      // other frame must move it up, or the walk could go round in circles.
      if (cfa < sp || cfa == sp && !innermost) {
        failLast("stack pointer did not grow (0x" + Long.toHexString(cfa) + " after 0x"
            + Long.toHexString(sp) + ")");
        return false;
      }
      if (stackHi != 0 && (cfa > stackHi || cfa < stackLo)) {
        failLast("frame address 0x" + Long.toHexString(cfa) + " outside the stack [0x"
            + Long.toHexString(stackLo) + ", 0x" + Long.toHexString(stackHi) + ")");
        return false;
      }
      pc = ret;
      sp = cfa;
      bp = callerBp;
      lr = 0;
      innermost = false;
      trapped = injected;
      if (usesLr && injected) {
        // The signal handler saved LR on the stack before faking the call (traceback.go: next).
        long saved = memory.readLong(sp);
        sp += 16;
        PcFacts at = facts(pc);
        if (at.fi() < 0) {
          pc = saved;
        } else if (at.delta() == 0) {
          lr = saved;
        }
      }
      return true;
    }

    /** Emits the inlined frames at pc and then the physical one; false if the visitor stopped. */
    private boolean emit(PcFacts f, long cfa) {
      int fi = f.fi();
      long entry = f.entry();
      long symbolPc = trapped || pc <= entry ? pc : pc - 1;
      Position at = position(symbolPc);
      String file = at.file();
      int line = at.line();
      List<InlinedCall> calls = at.calls();
      for (int i = 0; i < calls.size(); i++) { // indexed: no iterator per frame
        InlinedCall call = calls.get(i);
        if (!report(fi, call.function(), file, line, symbolPc, entry, cfa, true)) {
          return false;
        }
        file = call.callFile();
        line = call.callLine();
      }
      return report(fi, f.name(), file, line, symbolPc, entry, cfa, false);
    }

    private void emitUnknown(int fi, String error) {
      cursor.error = error;
      fill(fi, fi < 0 ? null : code.name(fi), "?", 0, pc, fi < 0 ? 0 : code.entry(fi), sp, false);
      deliver();
      stopped = true;
    }

    private void emitForeign(long symbolPc, long cfa, String error) {
      cursor.error = error;
      fill(-1, rt.symbolAt(symbolPc).orElse(null), "?", 0, symbolPc, 0, cfa, false);
      deliver();
    }

    private boolean report(int fi, String function, String file, int line, long symbolPc, long entry, long cfa,
        boolean inlined) {
      cursor.error = null;
      fill(fi, function, file, line, symbolPc, entry, cfa, inlined);
      deliver();
      return !stopped;
    }

    private void fill(int fi, String function, String file, int line, long symbolPc, long entry, long cfa,
        boolean inlined) {
      cursor.funcIndex = fi;
      cursor.pc = pc;
      cursor.symbolPc = symbolPc;
      cursor.sp = sp;
      cursor.cfa = cfa;
      cursor.bp = bp;
      cursor.function = function;
      cursor.file = file;
      cursor.line = line;
      cursor.entry = entry;
      cursor.inlined = inlined;
      cursor.systemStack = system;
      cursor.frameOffset = system || stackHi == 0 ? cfa : cfa - stackHi;
    }

    private void deliver() {
      cursor.index = count;
      count++;
      if (!visitor.visit(cursor) || count >= depth) {
        stopped = true;
      }
    }

    /** Ends the walk with an error about the frame already delivered (or a frame of its own if none was). */
    private void failLast(String error) {
      if (count == 0) {
        emitUnknown(code.funcIndex(pc), error);
        return;
      }
      visitor.failed(error);
      stopped = true;
    }
  }
}
