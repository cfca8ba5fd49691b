package org.dlv4j.spi;

import org.dlv4j.api.DebuggerException;

/**
 * Target memory could not be read or written at an address (unmapped, or not accessible).
 * The message names the pid and the address.
 */
public class MemoryAccessException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;
  private final long address;

  /**
   * Creates an exception for a failed access.
   *
   * @param pid the target process
   * @param address the first address that could not be accessed
   * @param operation {@code "read"} or {@code "write"}, optionally with a size
   * @param reason why, e.g. {@code "bad address"}
   */
  public MemoryAccessException(int pid, long address, String operation, String reason) {
    super("cannot " + operation + " memory of process " + pid + " at 0x"
        + Long.toHexString(address) + ": " + reason);
    this.pid = pid;
    this.address = address;
  }

  /**
   * Returns the target process id.
   *
   * @return the pid
   */
  public int pid() {
    return pid;
  }

  /**
   * Returns the first address that could not be accessed.
   *
   * @return the address
   */
  public long address() {
    return address;
  }
}
