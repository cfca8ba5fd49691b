package org.dlv4j.linux.internal.ptrace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlv4j.api.LaunchException;
import org.dlv4j.api.PermissionDeniedException;

/**
 * Checks, before anything is spawned, that a program can be launched: it exists, is a regular
 * executable file, and its ELF header says 64-bit little-endian executable for the expected
 * machine. Failures name the path and the reason.
 */
public final class ProgramCheck {
  private static final int HEADER = 20;
  private static final int ET_EXEC = 2;
  private static final int ET_DYN = 3;

  private ProgramCheck() { }

  /**
   * Checks a program.
   *
   * @param program the absolute path
   * @param machine the ELF {@code e_machine} the backend runs
   * @throws LaunchException if it is missing, not a regular file, not ELF or for another machine
   * @throws PermissionDeniedException if it is not executable or not readable
   */
  public static void check(Path program, int machine) {
    if (!Files.exists(program)) {
      throw new LaunchException(program, "no such file");
    }
    if (Files.isDirectory(program)) {
      throw new LaunchException(program, "is a directory");
    }
    if (!Files.isRegularFile(program)) {
      throw new LaunchException(program, "not a regular file");
    }
    if (!Files.isExecutable(program)) {
      throw new PermissionDeniedException("cannot launch " + program
          + ": permission denied (not executable)");
    }
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    try (InputStream in = Files.newInputStream(program)) {
      h.put(in.readNBytes(HEADER)).flip();
    } catch (AccessDeniedException e) {
      throw new PermissionDeniedException("cannot launch " + program
          + ": permission denied (not readable)", e);
    } catch (IOException e) {
      throw new LaunchException(program, "cannot read: " + e.getMessage(), e);
    }
    if (h.limit() < HEADER || h.getInt(0) != 0x464c457f) {
      throw new LaunchException(program, "not an ELF file");
    }
    if (h.get(4) != 2 || h.get(5) != 1) {
      throw new LaunchException(program, "not a 64-bit little-endian ELF file");
    }
    int type = Short.toUnsignedInt(h.getShort(16));
    if (type != ET_EXEC && type != ET_DYN) {
      throw new LaunchException(program, "ELF type " + type + " is not an executable");
    }
    int found = Short.toUnsignedInt(h.getShort(18));
    if (found != machine) {
      throw new LaunchException(program, "ELF machine " + machineName(found)
          + " cannot run here (need " + machineName(machine) + ")");
    }
  }

  /** Returns a readable name of an ELF {@code e_machine} value. */
  static String machineName(int machine) {
    return switch (machine) {
      case 3 -> "x86 (3)";
      case 40 -> "ARM (40)";
      case 62 -> "x86-64 (62)";
      case 183 -> "AArch64 (183)";
      case 243 -> "RISC-V (243)";
      default -> Integer.toString(machine);
    };
  }
}
