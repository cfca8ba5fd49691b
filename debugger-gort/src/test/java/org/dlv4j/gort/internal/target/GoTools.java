package org.dlv4j.gort.internal.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Answers from the Go toolchain and binutils, to cross-check the engine against. */
final class GoTools {
  private GoTools() { }

  /** Returns a function's address as {@code go tool nm} prints it. */
  static long symbol(Path binary, String name) {
    return symbol(binary, name, "Tt");
  }

  /** Returns a variable's address as {@code go tool nm} prints it. */
  static long variable(Path binary, String name) {
    return symbol(binary, name, "DdBb");
  }

  private static long symbol(Path binary, String name, String kinds) {
    for (String line : run("go", "tool", "nm", binary.toString()).lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[2].equals(name) && kinds.contains(f[1])) {
        return Long.parseUnsignedLong(f[0], 16);
      }
    }
    throw new AssertionError("no symbol " + name + " of kind " + kinds + " in " + binary);
  }

  /** Returns {@code file:line} of an address as {@code go tool addr2line} prints it. */
  static String addr2line(Path binary, long address) {
    try {
      Process p = new ProcessBuilder("go", "tool", "addr2line", binary.toString()).start();
      try (var in = p.getOutputStream()) {
        in.write(("0x" + Long.toHexString(address) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      List<String> lines = new String(p.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8).lines().toList();
      p.waitFor();
      return lines.get(1);
    } catch (IOException e) {
      throw new AssertionError("cannot run go tool addr2line", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs a command and returns its standard output; fails on a non-zero status. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Returns the address of the instruction after the one at {@code address}, per objdump. */
  static long nextInstruction(Path binary, long address) {
    String out = run("objdump", "-d", "--start-address=0x" + Long.toHexString(address),
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

  /** Reads bytes of a process straight from /proc/pid/mem, bypassing the engine. */
  static byte[] procMem(int pid, long address, int length) {
    try (java.io.RandomAccessFile mem = new java.io.RandomAccessFile("/proc/" + pid + "/mem",
        "r")) {
      byte[] bytes = new byte[length];
      mem.seek(address);
      mem.readFully(bytes);
      return bytes;
    } catch (IOException e) {
      throw new AssertionError("cannot read /proc/" + pid + "/mem", e);
    }
  }

  /** Reads bytes of the executable file at a virtual address of its text. */
  static byte[] fileText(Path binary, long address, int length) {
    try (org.dlv4j.elf.ElfFile elf = org.dlv4j.elf.ElfFile.open(binary)) {
      org.dlv4j.elf.Section text = elf.section(".text").orElseThrow();
      java.nio.ByteBuffer data = elf.sectionData(text).orElseThrow();
      byte[] bytes = new byte[length];
      data.get((int) (address - text.address()), bytes);
      return bytes;
    }
  }
}
