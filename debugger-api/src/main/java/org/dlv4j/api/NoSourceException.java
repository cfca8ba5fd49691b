package org.dlv4j.api;

/**
 * A source-level step was asked for where there is no source line to step from (Delve's
 * {@code "no source for PC 0x…"}): the selected goroutine or thread stands in code without
 * line information. Use {@link Target#stepInstruction(int)} there. The message is
 * {@code "cannot next in process 1234: no source for pc 0x401000"}.
 */
public class NoSourceException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final long pc;

  /**
   * Creates the exception.
   *
   * @param pid the process
   * @param operation what was refused, e.g. {@code "next"}
   * @param pc the address without source
   */
  public NoSourceException(int pid, String operation, long pc) {
    super("cannot " + operation + " in process " + pid + ": no source for pc 0x"
        + Long.toHexString(pc));
    this.pc = pc;
  }

  /**
   * Returns the address without source.
   *
   * @return the pc
   */
  public long pc() {
    return pc;
  }
}
