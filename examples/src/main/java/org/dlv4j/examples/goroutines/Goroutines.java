package org.dlv4j.examples.goroutines;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dlv4j.api.AttachSpec;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Location;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.Target;

/**
 * {@code examples/bin/goroutines BINARY FUNCTION [-- ARGS...]} runs BINARY until a goroutine
 * enters FUNCTION, prints one line per goroutine ({@code * } marks the one that stopped, then
 * id, status or wait reason, and user location as {@code file:line function}), and kills the
 * program. {@code examples/bin/goroutines --pid PID} attaches to a running Go program, prints
 * every goroutine with its whole stack (a "jstack for Go"), and detaches, leaving it running.
 */
public final class Goroutines {
  private static final String USAGE =
      "usage: goroutines BINARY FUNCTION [-- ARGS...]\n       goroutines --pid PID";
  /** The deepest stack printed in full; deeper ones end with a note. */
  private static final int MAX_FRAMES = 4096;

  private Goroutines() { }

  /**
   * Lists goroutines.
   *
   * @param args {@code BINARY FUNCTION [-- ARGS...]} or {@code --pid PID}
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /**
   * Lists goroutines.
   *
   * @param args {@code BINARY FUNCTION [-- ARGS...]} or {@code --pid PID}
   * @param out where the listing goes
   * @param err where problems go
   * @return 0, 1 if debugging failed, 2 for a usage error
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      if (args.size() == 2 && args.get(0).equals("--pid")) {
        return jstack(Integer.parseInt(args.get(1)), out);
      }
      int dashes = args.indexOf("--");
      List<String> positional = dashes < 0 ? args : args.subList(0, dashes);
      if (positional.size() != 2 || positional.get(0).startsWith("--")) {
        err.println(USAGE);
        return 2;
      }
      List<String> programArgs = dashes < 0 ? List.of() : args.subList(dashes + 1, args.size());
      return listAt(Path.of(positional.get(0)), positional.get(1), programArgs, out, err);
    } catch (NumberFormatException e) {
      err.println("bad PID: " + args.get(1));
      return 2;
    } catch (DebuggerException e) {
      err.println("goroutines: " + e.getMessage());
      return 1;
    }
  }

  private static int listAt(Path binary, String function, List<String> programArgs,
      PrintStream out, PrintStream err) {
    try (Target target = Debugger.create().launch(LaunchSpec.of(binary)
        .withArgs(programArgs))) {
      target.createBreakpoint(BreakpointSpec.atFunction(function));
      DebuggerState state = target.resume();
      if (state.exited()) {
        err.println("goroutines: the program exited with status "
            + state.exitStatus().getAsInt() + " before reaching " + function);
        return 1;
      }
      long selected = state.selectedGoroutine().map(Goroutine::id).orElse(0L);
      for (Goroutine g : target.goroutines()) {
        out.println((g.id() == selected ? "* " : "  ") + "goroutine " + g.id() + " ["
            + g.statusText() + "] " + where(g.userLocation()));
      }
      return 0;
    }
  }

  private static int jstack(int pid, PrintStream out) {
    try (Target target = Debugger.create().attach(AttachSpec.of(pid))) {
      List<Goroutine> goroutines = target.goroutines();
      Map<Long, List<Stackframe>> stacks = target.stacktraces(
          goroutines.stream().map(Goroutine::id).toList(), MAX_FRAMES, false);
      for (Goroutine g : goroutines) {
        out.println("goroutine " + g.id() + " [" + g.statusText() + "]"
            + g.threadId().stream().mapToObj(t -> " (thread " + t + ")").findFirst().orElse("")
            + ":");
        List<Stackframe> frames = stacks.get(g.id());
        for (Stackframe f : frames) {
          out.println("  " + f.location().function().map(fn -> fn.name()).orElse("?")
              + (f.inlined() ? " (inlined)" : ""));
          out.println("      " + fileLine(f.location()));
          f.error().ifPresent(e -> out.println("  ...unwinding stopped: " + e));
        }
        if (frames.size() == MAX_FRAMES) {
          out.println("  ...more frames after " + MAX_FRAMES);
        }
        out.println();
      }
      return 0;
    }
  }

  private static String where(Location at) {
    return fileLine(at) + " " + at.function().map(f -> f.name()).orElse("?");
  }

  private static String fileLine(Location at) {
    return at.hasSource() ? at.file() + ":" + at.line() : "?:0 0x" + Long.toHexString(at.pc());
  }
}
