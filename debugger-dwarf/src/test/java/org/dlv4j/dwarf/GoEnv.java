package org.dlv4j.dwarf;

import org.dlv4j.junit.Command;
/** Facts about the Go toolchain on the PATH, for tests. */
public final class GoEnv {
  private GoEnv() {}

  /** Returns {@code go env GOROOT}. */
  public static String goroot() {
    return Command.output("go", "env", "GOROOT").trim();
  }
}
