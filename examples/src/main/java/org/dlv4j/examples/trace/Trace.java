package org.dlv4j.examples.trace;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointOptions;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Event;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Location;
import org.dlv4j.api.Target;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * {@code examples/bin/trace [--quiet] BINARY REGEX [-- ARGS...]}, like {@code dlv trace}: puts
 * a tracepoint (a breakpoint that does not stop the program) on the entry of every function
 * whose name matches REGEX, prints {@code > FUNCTION FILE:LINE} for each hit (unless
 * {@code --quiet}), runs the program to its end and prints {@code hits: N, exit status: S}.
 * The program's own output goes to the terminal. Exits with the program's status.
 */
public final class Trace {
  private static final String USAGE = "usage: trace [--quiet] BINARY REGEX [-- ARGS...]";

  private Trace() { }

  /**
   * Traces a program.
   *
   * @param args {@code [--quiet] BINARY REGEX [-- ARGS...]}
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /**
   * Traces a program.
   *
   * @param args {@code [--quiet] BINARY REGEX [-- ARGS...]}
   * @param out where the hits and the summary go
   * @param err where problems go
   * @return the program's exit status, or 2 for a usage error
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    boolean quiet = !args.isEmpty() && args.get(0).equals("--quiet");
    List<String> rest = args.subList(quiet ? 1 : 0, args.size());
    int dashes = rest.indexOf("--");
    List<String> positional = dashes < 0 ? rest : rest.subList(0, dashes);
    List<String> programArgs = dashes < 0 ? List.of() : rest.subList(dashes + 1, rest.size());
    if (positional.size() != 2) {
      err.println(USAGE);
      return 2;
    }
    Path binary = Path.of(positional.get(0));
    Pattern regex;
    try {
      regex = Pattern.compile(positional.get(1));
    } catch (PatternSyntaxException e) {
      err.println("bad REGEX: " + e.getMessage());
      return 2;
    }
    try {
      return trace(binary, regex, programArgs, quiet, out, err);
    } catch (DebuggerException e) {
      err.println("trace: " + e.getMessage());
      return 1;
    }
  }

  private static int trace(Path binary, Pattern regex, List<String> programArgs, boolean quiet,
      PrintStream out, PrintStream err) {
    List<String> functions = functionsMatching(binary, regex);
    if (functions.isEmpty()) {
      err.println("no function matches " + regex);
      return 1;
    }
    try (Target target = Debugger.create().launch(LaunchSpec.of(binary)
        .withArgs(programArgs))) {
      CountDownLatch delivered = new CountDownLatch(1);
      target.addListener(event -> {
        if (event instanceof Event.TracepointHit hit && !quiet) {
          out.println("> " + describe(hit.location()));
        } else if (event instanceof Event.Exited) {
          delivered.countDown();
        }
      });
      for (String function : functions) {
        try {
          target.createBreakpoint(BreakpointSpec.atFunction(function)
              .withOptions(BreakpointOptions.NONE.withTracepoint(true)));
        } catch (DebuggerException e) {
          err.println("cannot trace " + function + ": " + e.getMessage());
        }
      }
      DebuggerState state = target.resume();
      while (!state.exited()) { // a stop that is not ours, e.g. runtime.Breakpoint(): go on
        state = target.resume();
      }
      awaitQuietly(delivered);
      long hits = target.breakpoints().stream().mapToLong(Breakpoint::totalHitCount).sum();
      int status = state.exitStatus().orElseThrow();
      out.printf("hits: %d, exit status: %d%n", hits, status);
      return status;
    }
  }

  private static List<String> functionsMatching(Path binary, Pattern regex) {
    try (ElfFile elf = ElfFile.open(binary)) {
      return Pclntab.read(elf).functions().stream().map(FuncInfo::name)
          .filter(regex.asPredicate()).distinct().toList();
    }
  }

  private static String describe(Location at) {
    return at.function().map(f -> f.name()).orElse("?") + " " + at.file() + ":" + at.line();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      java.lang.Thread.currentThread().interrupt();
    }
  }
}
