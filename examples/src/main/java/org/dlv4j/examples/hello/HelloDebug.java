package org.dlv4j.examples.hello;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Debugger;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Target;
import org.dlv4j.api.Thread;

/**
 * The README's first command ({@code examples/bin/hello-debug}): builds the Go program in
 * {@code testdata/hello} ({@code dlv debug}), stops at {@code main.greet}, prints where it
 * stopped and every thread, then runs the program to its end and prints its exit status.
 */
public final class HelloDebug {
  private HelloDebug() { }

  /**
   * Debugs testdata/hello.
   *
   * @param args the names the program greets
   */
  public static void main(String[] args) {
    Path source = Path.of(System.getProperty("dlv4j.testdata", "testdata"), "hello");
    System.exit(run(source, List.of(args), System.out));
  }

  /**
   * Debugs the Go program in {@code source}.
   *
   * @param source the directory of the Go main package
   * @param names the program's arguments
   * @param out where to print what the debugger sees
   * @return the program's exit status
   */
  static int run(Path source, List<String> names, PrintStream out) {
    try (Target target = Debugger.create().launch(LaunchSpec.goBuild(source).withArgs(names))) {
      out.printf("launched %s as process %d, stopped at 0x%x%n", target.executable(),
          target.pid(), target.state().currentThread().orElseThrow().pc());
      Breakpoint greet = target.createBreakpoint(BreakpointSpec.atFunction("main.greet"));
      out.printf("breakpoint %d at %s (%s:%d)%n", greet.id(),
          greet.functionName().orElse("?"), greet.file(), greet.line());

      DebuggerState state = target.resume();
      Thread current = state.currentThread().orElseThrow();
      out.printf("stopped (%s) at %s%n", state.stopReason().orElseThrow().name(),
          current.location());
      out.println("threads:");
      for (Thread thread : state.threads()) {
        out.printf("%s %d %s%n", thread.id() == current.id() ? "*" : " ", thread.id(),
            thread.location());
      }

      target.clearBreakpoint(greet.id());
      out.println("continuing to the end");
      int status = target.resume().exitStatus().orElseThrow();
      out.println("exited with status " + status);
      return status;
    }
  }
}
