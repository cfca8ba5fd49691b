package org.dlv4j.linux.amd64.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.dlv4j.spi.ArchSupport;

/**
 * The facts of x86-64 for the engine: 8-byte pointers, {@code int3} (0xCC) breakpoints that
 * leave the PC after themselves, 15-byte instructions, and the DWARF register numbering of the
 * System V AMD64 psABI (§3.6.2, figure 3.36).
 */
public final class Amd64Arch implements ArchSupport {
  /** DWARF numbers 0..16 in psABI order (16 is the return-address column, i.e. rip). */
  private static final String[] DWARF_0_TO_16 = {
    "rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip",
  };

  private static final List<String> GENERAL = List.of(
      "rip", "rsp", "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp",
      "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
      "rflags", "cs", "ss", "ds", "es", "fs", "gs", "fs_base", "gs_base", "orig_rax");

  /** The single instance (declared after the tables its constructor reads). */
  public static final Amd64Arch INSTANCE = new Amd64Arch();

  private final Map<Integer, String> byNumber = new HashMap<>();
  private final Map<String, Integer> byName = new HashMap<>();

  private Amd64Arch() {
    for (int i = 0; i < DWARF_0_TO_16.length; i++) {
      map(i, DWARF_0_TO_16[i]);
    }
    for (int i = 0; i < 16; i++) {
      map(17 + i, "xmm" + i);
    }
    for (int i = 0; i < 8; i++) {
      map(33 + i, "st" + i);
    }
    map(49, "rflags");
    String[] segments = {"es", "cs", "ss", "ds", "fs", "gs"};
    for (int i = 0; i < segments.length; i++) {
      map(50 + i, segments[i]);
    }
    map(58, "fs_base");
    map(59, "gs_base");
    map(64, "mxcsr");
    map(65, "fcw");
    map(66, "fsw");
  }

  private void map(int number, String name) {
    byNumber.put(number, name);
    byName.put(name, number);
  }

  @Override
  public String name() {
    return "amd64";
  }

  @Override
  public int pointerSize() {
    return 8;
  }

  @Override
  public byte[] breakpointInstruction() {
    return new byte[] {(byte) 0xCC};
  }

  @Override
  public boolean breakpointTrapAdvancesPc() {
    return true;
  }

  @Override
  public int maxInstructionLength() {
    return 15;
  }

  @Override
  public int pcDwarfRegister() {
    return 16;
  }

  @Override
  public int spDwarfRegister() {
    return 7;
  }

  @Override
  public int bpDwarfRegister() {
    return 6;
  }

  @Override
  public Optional<String> registerName(int dwarfRegister) {
    return Optional.ofNullable(byNumber.get(dwarfRegister));
  }

  @Override
  public OptionalInt dwarfRegister(String name) {
    Integer n = byName.get(name);
    return n == null ? OptionalInt.empty() : OptionalInt.of(n);
  }

  @Override
  public List<String> generalRegisterNames() {
    return GENERAL;
  }

  @Override
  public String toString() {
    return "amd64";
  }
}
