package org.dlv4j.gort.internal.target;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.gort.internal.binary.Lazy;
import org.dlv4j.gort.internal.disasm.Instruction;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.pclntab.FuncInfo;

/**
 * Where the runtime starts a goroutine, for a {@code step} that follows a {@code go} statement
 * into the new goroutine (Delve's {@code setStepIntoNewProcBreakpoint}). A go statement calls
 * {@code runtime.newproc}, which runs {@code runtime.newproc.func1} on the system stack; that
 * closure calls {@code runtime.newproc1}, which returns the new {@code *g} (goid and startpc
 * set, not yet running) in the first result register, the same in Go 1.22 to 1.26. The
 * goroutine's function returns into {@code runtime.goexit}, one pc quantum after its entry.
 * Tracer thread only (it reads code from the process).
 */
final class NewGoroutines {
  private static final System.Logger LOG = System.getLogger("debugger");
  private static final String NEWPROC = "runtime.newproc";
  private static final String NEWPROC_CLOSURE = "runtime.newproc.func1";
  private static final String NEWPROC1 = "runtime.newproc1";
  private static final String GOEXIT = "runtime.goexit";

  private final CodeMap code;
  private final Disassembly text;
  private final long newproc;
  private final OptionalLong goexitReturn;
  private final Lazy<OptionalLong> created;

  /**
   * Finds the runtime functions of one program.
   *
   * @param code the program's code map
   * @param text its code, to find the call of {@code runtime.newproc1}
   * @param pcQuantum the architecture's instruction alignment
   */
  NewGoroutines(CodeMap code, Disassembly text, int pcQuantum) {
    this.code = code;
    this.text = text;
    this.newproc = entry(NEWPROC).orElse(-1);
    OptionalLong goexit = entry(GOEXIT);
    this.goexitReturn = goexit.isPresent() ? OptionalLong.of(goexit.getAsLong() + pcQuantum)
        : goexit;
    this.created = Lazy.of(this::findCreated);
  }

  /**
   * Tells whether a call to {@code target} is a {@code go} statement's.
   *
   * @param target a call's destination
   * @return whether it is {@code runtime.newproc}
   */
  boolean startsGoroutine(long target) {
    return target == newproc;
  }

  /**
   * Returns where a thread stands right after {@code runtime.newproc1} returned a new goroutine:
   * the instruction after its call in {@code runtime.newproc.func1}.
   *
   * @return the address, or empty if the runtime's code is not as expected (then a step does not
   *     follow go statements)
   */
  OptionalLong created() {
    return created.get();
  }

  /**
   * Returns where a goroutine's function returns to when it ends.
   *
   * @return the return address into {@code runtime.goexit}, or empty without one
   */
  OptionalLong goexitReturn() {
    return goexitReturn;
  }

  private OptionalLong findCreated() {
    Optional<FuncInfo> closure = code.pclntab().functionNamed(NEWPROC_CLOSURE);
    OptionalLong callee = entry(NEWPROC1);
    if (closure.isPresent() && callee.isPresent()) {
      FuncInfo fn = closure.get();
      for (Instruction i : text.decode(code.entry(fn.index()), fn.end() + code.staticBase())) {
        if (i.isCall() && i.branchTarget().equals(callee)) {
          return OptionalLong.of(i.end());
        }
      }
    }
    LOG.log(Level.DEBUG, () -> "no call of " + NEWPROC1 + " in " + NEWPROC_CLOSURE
        + ": step does not follow go statements");
    return OptionalLong.empty();
  }

  private OptionalLong entry(String name) {
    Optional<FuncInfo> fn = code.pclntab().functionNamed(name);
    return fn.isPresent() ? OptionalLong.of(code.entry(fn.get().index())) : OptionalLong.empty();
  }
}
