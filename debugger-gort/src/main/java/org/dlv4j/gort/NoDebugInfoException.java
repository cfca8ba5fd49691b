package org.dlv4j.gort;

import org.dlv4j.api.DebuggerException;

/**
 * A caller asked for something only DWARF debug information can answer, and the binary has
 * none: it was built with {@code -ldflags=-w} or stripped, and no separate debug file was
 * found. The pclntab still answers pc, line and function questions.
 */
public class NoDebugInfoException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the binary and what was looked for.
   *
   * @param binary the binary's path
   * @param searched where a separate debug file was looked for, for the message
   */
  public NoDebugInfoException(String binary, String searched) {
    super("no debug info: " + binary + " has no DWARF sections and no separate debug file was found ("
        + searched + ")");
  }
}
