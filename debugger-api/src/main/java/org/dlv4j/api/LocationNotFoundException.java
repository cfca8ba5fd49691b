package org.dlv4j.api;

/**
 * A source or code location does not exist in the program: no such file or no code on that
 * line, no such function, or an address outside every function. The location is written as a
 * Delve location spec ({@link BreakpointSpec#locspec()}), so the message reads for example
 * {@code "could not find main.go:99: no code on that line"}.
 */
public class LocationNotFoundException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final String location;

  /**
   * Creates an exception for a location that does not resolve.
   *
   * @param location the location as a Delve location spec, e.g. {@code "main.go:99"},
   *     {@code "main.nope"} or {@code "*0x401000"}
   * @param reason why it does not resolve, e.g. {@code "no code on that line"} or
   *     {@code "ambiguous: /a/main.go, /b/main.go"}
   */
  public LocationNotFoundException(String location, String reason) {
    super("could not find " + location + ": " + reason);
    this.location = location;
  }

  /**
   * Returns the location that does not resolve.
   *
   * @return a Delve location spec such as {@code "main.go:99"}
   */
  public String location() {
    return location;
  }
}
