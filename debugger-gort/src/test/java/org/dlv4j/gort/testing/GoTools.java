package org.dlv4j.gort.testing;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.gort.GoVersion;
import org.dlv4j.junit.Command;

/**
 * The Go toolchain's and binutils' answers about a binary that only the engine's tests need
 * (disassembly, decoded DWARF lines, versions, file bytes); symbols and source positions come
 * from {@link org.dlv4j.junit.GoNm} and {@link org.dlv4j.junit.GoAddr2line}.
 */
public final class GoTools {
  private GoTools() {
  }

  /** Returns the output of {@code go tool objdump binary}. */
  public static String objdump(Path binary) {
    return Command.output("go", "tool", "objdump", binary.toString());
  }

  /** Returns the output of {@code go tool objdump -s REGEX binary}: the functions matching it. */
  public static String objdump(Path binary, String symbolRegex) {
    return Command.output("go", "tool", "objdump", "-s", symbolRegex, binary.toString());
  }

  /** Returns the output of {@code readelf --debug-dump=decodedline binary}. */
  public static String readelfDecodedLines(Path binary) {
    return Command.output("readelf", "--debug-dump=decodedline", binary.toString());
  }

  /** Returns what {@code go version binary} says the binary's version is, e.g. {@code go1.26.8}. */
  public static String goVersion(Path binary) {
    String out = Command.output("go", "version", binary.toString()).trim();
    return out.substring(out.indexOf(": ") + 2);
  }

  /**
   * Returns the version of the Go toolchain the tests build with: the installed one, or the one
   * GOTOOLCHAIN selects ({@code go env GOVERSION}, asked once).
   */
  public static GoVersion toolchainVersion() {
    return ToolchainVersion.VERSION;
  }

  /** Holds the toolchain's version, asked for on first use. */
  private static final class ToolchainVersion {
    static final GoVersion VERSION = GoVersion.parse(Command.output("go", "env", "GOVERSION").trim())
        .orElseThrow(() -> new IllegalStateException("go env GOVERSION is not a Go version"));
  }

  /** Returns the pcs as hexadecimal lines. */
  public static String hexLines(long[] pcs) {
    StringBuilder sb = new StringBuilder();
    for (long pc : pcs) {
      sb.append("0x").append(Long.toHexString(pc)).append('\n');
    }
    return sb.toString();
  }

  /** Returns the address of the instruction after the one at {@code address}, per objdump. */
  public static long nextInstruction(Path binary, long address) {
    String out = Command.output("objdump", "-d", "--start-address=0x" + Long.toHexString(address),
        "--stop-address=0x" + Long.toHexString(address + 32), binary.toString());
    List<Long> starts = out.lines().map(String::trim)
        .filter(l -> l.matches("[0-9a-f]+:\\t.*"))
        .map(l -> Long.parseUnsignedLong(l.substring(0, l.indexOf(':')), 16)).toList();
    if (starts.size() < 2 || starts.get(0) != address) {
      throw new AssertionError("cannot disassemble at 0x" + Long.toHexString(address) + ":\n"
          + out);
    }
    return starts.get(1);
  }

  /** Reads bytes of the executable file at a virtual address of its text. */
  public static byte[] fileText(Path binary, long address, int length) {
    try (ElfFile elf = ElfFile.open(binary)) {
      Section text = elf.section(".text").orElseThrow();
      ByteBuffer data = elf.sectionData(text).orElseThrow();
      byte[] bytes = new byte[length];
      data.get((int) (address - text.address()), bytes);
      return bytes;
    }
  }
}
