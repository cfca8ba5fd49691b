package org.dlv4j.gort.internal.target;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.elf.ElfFile;

/**
 * The load bias of the executable a process runs: where the kernel mapped it minus where it was
 * linked. Zero for a fixed-address executable ({@code ET_EXEC}); for a position-independent one
 * ({@code ET_DYN}, {@code go build -buildmode=pie}) the program's entry as the kernel mapped it
 * ({@code AT_ENTRY} of {@code /proc/pid/auxv}) minus the ELF header's {@code e_entry}. The
 * kernel writes the auxiliary vector at exec, so it is right from a launch's first instruction
 * (before the dynamic loader runs) as well as for an attach, with or without ASLR.
 */
final class LoadBias {
  private static final System.Logger LOG = System.getLogger("debugger");
  /** The auxiliary vector's terminator. */
  static final long AT_NULL = 0;
  /** The auxiliary vector's entry for the program's entry point. */
  static final long AT_ENTRY = 9;
  /** The kernel maps executables at page boundaries; 4 KiB divides every page size. */
  private static final long PAGE = 4096;

  private LoadBias() { }

  /**
   * Returns the load bias of the executable process {@code pid} runs.
   *
   * @param pid the process (stopped or running)
   * @param executable the ELF file it runs
   * @return the bias to add to link-time addresses: 0 unless {@code executable} is {@code ET_DYN}
   * @throws DebuggerException if {@code /proc/pid/auxv} cannot be read or its entry does not
   *     belong to {@code executable}
   */
  static long of(int pid, ElfFile executable) {
    if (executable.type() != ElfFile.ET_DYN) {
      return 0;
    }
    Path auxv = Path.of("/proc", Integer.toString(pid), "auxv");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(auxv);
    } catch (IOException e) {
      throw new DebuggerException("cannot read " + auxv + " for the load address of "
          + executable.name() + ": " + e, e);
    }
    long bias = fromAuxv(ByteBuffer.wrap(bytes), executable.entry(), auxv.toString());
    LOG.log(Level.DEBUG, () -> "process " + pid + " runs " + executable.name()
        + " at load bias 0x" + Long.toHexString(bias));
    return bias;
  }

  /**
   * Computes the load bias from a 64-bit auxiliary vector.
   *
   * @param auxv the vector: little-endian (type, value) pairs up to {@code AT_NULL}
   * @param linkedEntry the executable's {@code e_entry}
   * @param where the vector's name, for messages
   * @return {@code AT_ENTRY - linkedEntry}
   * @throws BinaryFormatException if the vector is truncated or has no {@code AT_ENTRY}
   * @throws DebuggerException if the bias is not a whole number of pages (the process runs
   *     another program)
   */
  static long fromAuxv(ByteBuffer auxv, long linkedEntry, String where) {
    ByteCursor c = new ByteCursor(auxv, where);
    while (true) {
      int at = c.position();
      long type = c.u64();
      long value = c.u64();
      if (type == AT_NULL) {
        throw new BinaryFormatException("no AT_ENTRY", where, at);
      }
      if (type == AT_ENTRY) {
        long bias = value - linkedEntry;
        if ((bias & (PAGE - 1)) != 0) {
          throw new DebuggerException("the entry 0x" + Long.toHexString(value) + " in " + where
              + " is not the executable's entry 0x" + Long.toHexString(linkedEntry)
              + " moved by whole pages: the process runs another program");
        }
        return bias;
      }
    }
  }
}
