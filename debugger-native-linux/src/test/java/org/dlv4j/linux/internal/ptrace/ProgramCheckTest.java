package org.dlv4j.linux.internal.ptrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.dlv4j.api.LaunchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ELF header checks on hand-built headers (ELF-64 object file format, §3 "ELF Header"). */
class ProgramCheckTest {
  private static final int X86_64 = 62;

  @TempDir
  Path dir;

  @Test
  void acceptsAnExecutableAndASharedObjectForTheMachine() throws Exception {
    ProgramCheck.check(file(header(2, 1, 2, X86_64)), X86_64);
    ProgramCheck.check(file(header(2, 1, 3, X86_64)), X86_64);
  }

  @Test
  void rejectsEveryWrongField() throws Exception {
    assertEquals("cannot launch %s: not a 64-bit little-endian ELF file",
        message(header(1, 1, 2, X86_64)));
    assertEquals("cannot launch %s: not a 64-bit little-endian ELF file",
        message(header(2, 2, 2, X86_64)));
    assertEquals("cannot launch %s: ELF type 1 is not an executable",
        message(header(2, 1, 1, X86_64)));
    assertEquals("cannot launch %s: ELF machine RISC-V (243) cannot run here (need x86-64 (62))",
        message(header(2, 1, 2, 243)));
    byte[] truncated = new byte[10];
    System.arraycopy(header(2, 1, 2, X86_64), 0, truncated, 0, 10);
    assertEquals("cannot launch %s: not an ELF file", message(truncated));
  }

  private String message(byte[] content) throws Exception {
    Path p = file(content);
    return assertThrows(LaunchException.class, () -> ProgramCheck.check(p, X86_64))
        .getMessage().replace(p.toString(), "%s");
  }

  private static byte[] header(int elfClass, int data, int type, int machine) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) elfClass, (byte) data, 1});
    b.putShort(16, (short) type).putShort(18, (short) machine);
    return b.array();
  }

  private Path file(byte[] content) throws Exception {
    Path p = Files.createTempFile(dir, "elf", "");
    Files.write(p, content);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}
