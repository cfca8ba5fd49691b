package org.dlv4j.api;

/**
 * No {@link org.dlv4j.spi.DebuggerEngine} on the class or module path supports the platform
 * asked for. The message says which artifacts to add, for example {@code "no dlv4j engine for
 * linux/amd64: add debugger-gort and debugger-native-linux-amd64 to the class/module path"}.
 */
public class EngineNotFoundException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final String os;
  private final String arch;

  /**
   * Creates an exception for a platform no engine supports.
   *
   * @param os the operating system in Go's spelling ({@code GOOS}), e.g. {@code "linux"}
   * @param arch the architecture in Go's spelling ({@code GOARCH}), e.g. {@code "amd64"}
   */
  public EngineNotFoundException(String os, String arch) {
    super("no dlv4j engine for " + os + "/" + arch + ": add debugger-gort and debugger-native-"
        + os + "-" + arch + " to the class/module path");
    this.os = os;
    this.arch = arch;
  }

  /**
   * Returns the operating system no engine supports.
   *
   * @return the {@code GOOS} spelling, e.g. {@code "linux"}
   */
  public String os() {
    return os;
  }

  /**
   * Returns the architecture no engine supports.
   *
   * @return the {@code GOARCH} spelling, e.g. {@code "amd64"}
   */
  public String arch() {
    return arch;
  }
}
