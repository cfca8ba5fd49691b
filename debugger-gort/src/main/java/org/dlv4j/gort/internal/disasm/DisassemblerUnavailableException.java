package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DebuggerException;

/**
 * No disassembler can be had for an architecture: dlv4j does not disassemble it, or no
 * Capstone library that decodes it could be loaded. The message says what was tried.
 */
public final class DisassemblerUnavailableException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  DisassemblerUnavailableException(String message) {
    super(message);
  }

  DisassemblerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
