package org.dlv4j.api;

/**
 * The native disassembler library could not be loaded for the target's architecture, so
 * {@link Target#disassemble} and {@link Thread#instruction()} cannot work; everything else
 * does. The message names the library and why it failed to load.
 */
public class DisassemblerUnavailableException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which architecture or library is missing
   */
  public DisassemblerUnavailableException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message which library failed to load, and why
   * @param cause the loader's error
   */
  public DisassemblerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
