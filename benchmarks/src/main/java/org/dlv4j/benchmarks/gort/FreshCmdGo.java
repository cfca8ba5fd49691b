package org.dlv4j.benchmarks.gort;

import org.dlv4j.gort.GoBinary;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * For the cold benchmarks: cmd/go opened as a {@link GoBinary} before each invocation and closed
 * after it, with the invocation's number to pick its query.
 */
@State(Scope.Thread)
public class FreshCmdGo {
  /** The binary opened for this invocation. */
  GoBinary bin;
  private int invocation;

  /** Opens the binary and counts the invocation. */
  @Setup(Level.Invocation)
  public void open() {
    bin = GoBinary.open(CmdGo.binary());
    invocation++;
  }

  /** Closes the binary. */
  @TearDown(Level.Invocation)
  public void close() {
    bin.close();
  }

  /** Returns this invocation's index into {@code n} queries: 1, 2, ..., cycling through them. */
  int pick(int n) {
    return invocation % n;
  }
}
