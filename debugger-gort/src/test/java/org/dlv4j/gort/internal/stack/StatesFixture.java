package org.dlv4j.gort.internal.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.junit.GoBuild;

/**
 * The goroutines-states fixture in "states" mode, stopped at main.stopHere, with the runtime's
 * own dump of its goroutines taken just before.
 */
final class StatesFixture implements AutoCloseable {
  static final String NAME = "goroutines-states";

  final LiveStop stop;
  final RuntimeDump dump;
  final Markers src = new Markers(NAME, "main.go");
  final List<Goroutine> goroutines;
  private final int wrapperFuncId;
  private final Path dumpFile;

  StatesFixture(GoBuild build) {
    Path bin = build.build();
    Path out;
    try {
      out = Files.createTempFile("goroutines-states", ".dump");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stop = LiveStop.run(bin, List.of("states", out.toString()), Map.of("GOGC", "off"), "main.stopHere");
    dumpFile = out;
    dump = new RuntimeDump(out);
    goroutines = stop.lister().list(0, 0).goroutines();
    wrapperFuncId = stop.binary.pclntab().functionNamed("main.states.gowrap1").orElseThrow().funcId();
  }

  /** Returns the goroutine whose start function is {@code function}. */
  Goroutine startedIn(String function) {
    return goroutines.stream().filter(g -> g.start().functionName().equals(function)).findFirst()
        .orElseThrow(() -> new AssertionError("no goroutine starts in " + function + ": " + goroutines));
  }

  /** Returns the frames of {@code stack} the runtime's traceback shows (runtime.showfuncinfo at level 1). */
  List<RuntimeDump.Frame> shownFrames(List<StackFrame> stack) {
    List<RuntimeDump.Frame> out = new ArrayList<>();
    int calleeFuncId = 0;
    for (int i = 0; i < stack.size(); i++) {
      StackFrame f = stack.get(i);
      String name = f.function();
      int funcId = funcId(name);
      boolean wrapperHidden = funcId == wrapperFuncId && !isPanicFunction(calleeFuncId);
      calleeFuncId = funcId;
      boolean shown = !wrapperHidden && (name.equals("runtime.gopanic") && i > 0
          || name.contains(".") && (!name.startsWith("runtime.") || UserCode.isExportedRuntime(name)));
      if (shown) {
        OptionalLong off = f.inlined() || f.pc() <= f.entry() ? OptionalLong.empty() : OptionalLong.of(f.pc() - f.entry());
        out.add(new RuntimeDump.Frame(name, f.location().file(), f.location().line(), off));
      }
    }
    return out;
  }

  private int funcId(String name) {
    return stop.binary.pclntab().functionNamed(name).map(FuncInfo::funcId).orElse(0);
  }

  private boolean isPanicFunction(int funcId) {
    return funcId != 0 && (funcId == funcId("runtime.gopanic") || funcId == funcId("runtime.sigpanic")
        || funcId == funcId("runtime.panicwrap"));
  }

  Optional<RuntimeDump.Goroutine> dumped(long id) {
    return Optional.ofNullable(dump.goroutines.get(id));
  }

  @Override
  public void close() {
    stop.close();
    try {
      Files.deleteIfExists(dumpFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
