package org.dlv4j.api;

/**
 * Target memory could not be read or written: some byte of the range is not mapped, or is
 * mapped without the needed access. The message names the operation, the range and the
 * process, for example {@code "cannot read 16 bytes at 0x7f0000000000 in process 1234: not
 * mapped"}.
 */
public class MemoryAccessException extends DebuggerException {
  private static final long serialVersionUID = 1L;

  private final int pid;
  private final long address;
  private final int length;

  /**
   * Creates an exception for a failed memory access.
   *
   * @param operation {@code "read"} or {@code "write"}
   * @param pid the target's process id
   * @param address the first address of the range (unsigned)
   * @param length the number of bytes of the range
   * @param reason why it failed, e.g. {@code "not mapped"}
   */
  public MemoryAccessException(String operation, int pid, long address, int length,
      String reason) {
    super(message(operation, pid, address, length, reason));
    this.pid = pid;
    this.address = address;
    this.length = length;
  }

  /**
   * Creates an exception for a failed memory access, with its low-level cause.
   *
   * @param operation {@code "read"} or {@code "write"}
   * @param pid the target's process id
   * @param address the first address of the range (unsigned)
   * @param length the number of bytes of the range
   * @param reason why it failed, e.g. {@code "not mapped"}
   * @param cause the underlying failure
   */
  public MemoryAccessException(String operation, int pid, long address, int length,
      String reason, Throwable cause) {
    super(message(operation, pid, address, length, reason), cause);
    this.pid = pid;
    this.address = address;
    this.length = length;
  }

  private static String message(String operation, int pid, long address, int length,
      String reason) {
    return "cannot " + operation + " " + length + " bytes at 0x" + Long.toHexString(address)
        + " in process " + pid + ": " + reason;
  }

  /**
   * Returns the process whose memory was accessed.
   *
   * @return the pid
   */
  public int pid() {
    return pid;
  }

  /**
   * Returns the first address of the range.
   *
   * @return the address, an unsigned 64-bit value
   */
  public long address() {
    return address;
  }

  /**
   * Returns the length of the range.
   *
   * @return the number of bytes
   */
  public int length() {
    return length;
  }
}
