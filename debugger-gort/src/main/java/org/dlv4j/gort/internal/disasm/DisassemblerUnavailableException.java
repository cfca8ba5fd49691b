package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DebuggerException;

/**
 * No disassembler can be had for an architecture: dlv4j does not disassemble it, or the native
 * library that decodes it could not be loaded. The message says which and why.
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
