package org.dlv4j.dwarf;

/** Facts about the Go toolchain on the PATH, for tests. */
public final class GoEnv {
  private GoEnv() {}

  /** Returns {@code go env GOROOT}. */
  public static String goroot() {
    return GoSample.run("go", "env", "GOROOT").trim();
  }
}
