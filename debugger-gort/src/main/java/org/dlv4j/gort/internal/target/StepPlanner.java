package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.Function;
import org.dlv4j.api.Location;
import org.dlv4j.api.NoSourceException;
import org.dlv4j.dwarf.line.LineLocation;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.internal.bp.StepBreaklet;
import org.dlv4j.gort.internal.bp.StepBreaklet.Kind;
import org.dlv4j.gort.internal.bp.StepPoint;
import org.dlv4j.gort.internal.disasm.Instruction;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.internal.stack.DeferredCall;
import org.dlv4j.gort.internal.stack.StackFrame;
import org.dlv4j.gort.pclntab.FuncInfo;

/**
 * Works out the temporary breakpoints of a {@code next}, {@code step} or {@code stepOut} from
 * the stepped goroutine's stack (runtime-internals.md §4.2-4.4, Delve's {@code next} and
 * {@code StepOut}):
 * <ul>
 *   <li>next and step: every statement start of the current function on another line than the
 *       current one (for next, not inside calls inlined there), for this invocation only (same
 *       goroutine and frame offset);
 *   <li>all three: the return address, for the caller's frame (wrapper and
 *       {@code runtime.deferreturn} frames skipped; into {@code runtime.goexit}, the end of the
 *       goroutine ends the step without a stop), and the entry (after the prologue) of each
 *       function the frame has deferred, for when the return runs it;
 *   <li>step: each call instruction of the current line, except calls of private runtime
 *       functions, whose callee {@link CallTargets} picks when the goroutine executes it; and
 *       for a go statement on the line, where the runtime has created the new goroutine, to
 *       follow it ({@link #planStart}).
 * </ul>
 * An inlined innermost frame gets no return breakpoint: the statements of the function it is
 * inlined in cover its return (step out keeps only those outside the inlined call).
 */
final class StepPlanner {
  /** The frames a plan looks at: the current one, its caller, and wrappers in between. */
  static final int DEPTH = 12;

  private final CodeIndex index;
  private final GoBinary binary;
  private final CodeMap code;
  private final CallTargets calls;
  private final NewGoroutines goroutines;
  private final Disassembly text;

  /**
   * Creates the planner of one program.
   *
   * @param index the program's code index (locations)
   * @param binary the program
   * @param code its code map
   * @param calls where calls lead
   * @param goroutines where go statements start goroutines
   * @param text its code, to find the calls of a line
   */
  StepPlanner(CodeIndex index, GoBinary binary, CodeMap code, CallTargets calls,
      NewGoroutines goroutines, Disassembly text) {
    this.index = index;
    this.binary = binary;
    this.code = code;
    this.calls = calls;
    this.goroutines = goroutines;
    this.text = text;
  }

  /**
   * Plans a step.
   *
   * @param command what to do
   * @param frames the stepped goroutine's (or thread's) stack, at least {@link #DEPTH} frames
   *     if it has them, innermost first
   * @param goroutineId the stepped goroutine, or 0 for a thread without one
   * @param threadId the stepped thread, for a thread without a goroutine
   * @param pid the process, for error messages
   * @return the breakpoints, possibly none
   * @throws NoSourceException if the innermost frame has no source line
   * @throws DebuggerException for a step out with nowhere to return to
   */
  List<StepPoint> plan(StepCommand command, List<StackFrame> frames, long goroutineId, int threadId,
      int pid) {
    StackFrame top = frames.get(0);
    int fi = code.funcIndex(top.pc());
    if (fi < 0 || top.location().line() <= 0 || "?".equals(top.location().file())) {
      throw new NoSourceException(pid, command.operation(), top.pc());
    }
    int inlinedDepth = 0;
    while (inlinedDepth < frames.size() - 1 && frames.get(inlinedDepth).inlined()) {
      inlinedDepth++;
    }
    List<StepPoint> out = new ArrayList<>();
    Condition cond = new Condition(goroutineId, threadId);
    FuncInfo fn = code.func(fi);
    if (command != StepCommand.STEP_OUT || inlinedDepth > 0) {
      List<LineLocation> rows = binary.lineRows(fn);
      lines(command, top, fn, rows, inlinedDepth, cond, out);
      if (command == StepCommand.STEP) {
        callsOnLine(top, fn, rows, cond, out);
      }
    }
    defers(frames.get(inlinedDepth), top.pc(), cond, out);
    if (inlinedDepth == 0) {
      returnAddress(frames, cond, out);
    }
    if (command == StepCommand.STEP_OUT && out.isEmpty()) {
      throw new DebuggerException("cannot step out in process " + pid + ": "
          + top.function() + " has no caller to return to");
    }
    return out;
  }

  /** The statements of the function on other lines than the current one. */
  private void lines(StepCommand command, StackFrame top, FuncInfo fn, List<LineLocation> rows,
      int inlinedDepth, Condition cond, List<StepPoint> out) {
    String file = top.location().file();
    int line = top.location().line();
    Function function = index.location(fn.entry() + code.staticBase()).function().orElseThrow();
    InlinedRanges inlined = new InlinedRanges(binary.pclntab(), fn);
    for (LineLocation row : rows) {
      if (!row.isStmt() || row.line() == line && row.file().equals(file)) {
        continue;
      }
      long pc = row.address() + code.staticBase();
      if (command != StepCommand.STEP && inlined.contains(row.address())) {
        int depth = code.inlinedCalls(pc).size();
        boolean keep = command == StepCommand.NEXT ? depth <= inlinedDepth : depth < inlinedDepth;
        if (!keep) {
          continue;
        }
      }
      out.add(new StepPoint(new Location(pc, row.file(), row.line(), Optional.of(function)),
          cond.inFrame(Kind.NEXT, top.frameOffset())));
    }
  }

  /**
   * The calls of the current line: where step may go into a function; and, if the line has a
   * go statement, where the goroutine it creates can be followed.
   */
  private void callsOnLine(StackFrame top, FuncInfo fn, List<LineLocation> rows, Condition cond,
      List<StepPoint> out) {
    boolean fromRuntime = fn.name().startsWith("runtime.");
    boolean goStatement = false;
    for (LineLocation row : rows) {
      if (row.line() != top.location().line() || !row.file().equals(top.location().file())) {
        continue;
      }
      long base = code.staticBase();
      goStatement |= calls(row.address() + base, row.end() + base, fromRuntime,
          cond.inFrame(Kind.CALL, top.frameOffset()), out);
    }
    OptionalLong created = goroutines.created();
    if (goStatement && cond.goroutineId() != 0 && created.isPresent()) {
      out.add(new StepPoint(index.location(created.getAsLong()), cond.anyFrame(Kind.GO)));
    }
  }

  /**
   * Adds a breakpoint with {@code breaklet} at each call of {@code [from, to)} step may go into.
   *
   * @return whether one of the calls is a go statement's
   */
  private boolean calls(long from, long to, boolean fromRuntime, StepBreaklet breaklet,
      List<StepPoint> out) {
    boolean goStatement = false;
    for (Instruction i : text.decode(from, to)) {
      if (!i.isCall()) {
        continue;
      }
      OptionalLong target = i.branchTarget();
      if (target.isEmpty() || calls.worthEntering(target.getAsLong(), fromRuntime)) {
        out.add(new StepPoint(index.location(i.address()), breaklet));
      }
      goStatement |= target.isPresent() && goroutines.startsGoroutine(target.getAsLong());
    }
    return goStatement;
  }

  /**
   * Plans where a step that followed a go statement stops in the goroutine it created (Delve's
   * newproc breakpoint callback): after the prologue of the function the goroutine runs,
   * through the wrappers the compiler made for the go statement. A wrapper that calls the
   * function through a func value (a closure with arguments, a method value) gets breakpoints
   * at its calls instead, to go into them as the goroutine makes them, and at its return into
   * {@code runtime.goexit}, where the step ends without a stop if it entered nothing.
   *
   * @param startPc the goroutine's start pc ({@code g.startpc})
   * @param goroutineId the new goroutine
   * @param fromRuntime whether the stepped function is runtime code
   * @return the breakpoints, or none if the goroutine runs nothing step stops in (private
   *     runtime code or code without source): then the step goes on over the go statement
   */
  List<StepPoint> planStart(long startPc, long goroutineId, boolean fromRuntime) {
    int fi = code.funcIndex(startPc);
    if (fi < 0 || code.entry(fi) != startPc) {
      return List.of();
    }
    int runs = calls.unwrap(fi);
    Condition cond = new Condition(goroutineId, 0);
    List<StepPoint> out = new ArrayList<>();
    if (calls.isWrapper(runs) && !calls.hasInlinedCode(runs)) {
      calls(code.entry(runs), code.func(runs).end() + code.staticBase(), fromRuntime,
          cond.anyFrame(Kind.CALL), out);
      OptionalLong end = goroutines.goexitReturn();
      if (!out.isEmpty() && end.isPresent()) {
        out.add(new StepPoint(index.location(end.getAsLong()), cond.anyFrame(Kind.GOEXIT)));
      }
      return out;
    }
    long stop = calls.stopIn(runs, fromRuntime);
    if (stop >= 0) {
      out.add(new StepPoint(index.location(stop), cond.anyFrame(Kind.NEXT)));
    }
    return out;
  }

  /** The functions the frame deferred, for a return that runs them. */
  private void defers(StackFrame frame, long pc, Condition cond, List<StepPoint> out) {
    for (DeferredCall d : frame.defers()) {
      int fi = d.rangefunc() ? -1 : code.funcIndex(d.function().pc());
      if (fi < 0) {
        continue;
      }
      long at = binary.firstPcAfterPrologue(code.func(fi)) + code.staticBase();
      if (at != pc) {
        out.add(new StepPoint(index.location(at), cond.anyFrame(Kind.DEFER)));
      }
    }
  }

  /** The return address, in the caller's frame, past wrappers and runtime.deferreturn. */
  private void returnAddress(List<StackFrame> frames, Condition cond, List<StepPoint> out) {
    int caller = 1;
    while (caller < frames.size() - 1 && passedThrough(frames.get(caller))) {
      caller++;
    }
    if (caller >= frames.size()) {
      return; // the stack ends here
    }
    StackFrame ret = frames.get(caller);
    int fi = code.funcIndex(ret.pc());
    if (fi < 0) {
      return;
    }
    if ("runtime.goexit".equals(code.name(fi))) {
      out.add(new StepPoint(index.location(ret.pc()), cond.anyFrame(Kind.GOEXIT)));
    } else {
      out.add(new StepPoint(index.location(ret.pc()), cond.inFrame(Kind.NEXT, ret.frameOffset())));
    }
  }

  /** Frames a return goes through without stopping: wrappers and runtime.deferreturn. */
  private boolean passedThrough(StackFrame frame) {
    int fi = code.funcIndex(frame.pc());
    return fi >= 0 && !frame.inlined()
        && (calls.isWrapper(fi) || "runtime.deferreturn".equals(code.name(fi)));
  }

  /** The goroutine (or thread) the breakpoints of one plan apply to. */
  private record Condition(long goroutineId, int threadId) {
    StepBreaklet inFrame(Kind kind, long frameOffset) {
      return new StepBreaklet(kind, goroutineId, threadId, true, frameOffset);
    }

    StepBreaklet anyFrame(Kind kind) {
      return new StepBreaklet(kind, goroutineId, threadId, false, 0);
    }
  }
}
