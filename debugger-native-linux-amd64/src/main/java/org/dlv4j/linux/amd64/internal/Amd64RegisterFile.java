package org.dlv4j.linux.amd64.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dlv4j.spi.RegisterFile;

/**
 * The registers of one amd64 thread at one stop: the 27 words of {@code user_regs_struct}
 * (read with one {@code PTRACE_GETREGS}) and, on first use, the x87/SSE/AVX state. Copies made
 * by {@link #with} share the loaded FP state.
 */
final class Amd64RegisterFile implements RegisterFile {
  /** Word index of each name in {@code user_regs_struct} ({@code <sys/user.h>}). */
  private static final List<String> USER_REGS = List.of(
      "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8",
      "rax", "rcx", "rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "rflags", "rsp",
      "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs");
  static final int WORDS = USER_REGS.size();
  /** Word index by name: {@code with("rip", pc)} runs once per breakpoint hit. */
  private static final Map<String, Integer> INDEX = IntStream.range(0, WORDS).boxed()
      .collect(Collectors.toUnmodifiableMap(USER_REGS::get, i -> i));
  static final int RIP = INDEX.get("rip");
  private static final int RSP = INDEX.get("rsp");
  private static final int RBP = INDEX.get("rbp");
  private static final List<String> NAMES = allNames();

  private final int tid;
  private final long[] words;
  private final FpState fp;

  /** Loads the FP state once, on the first request, and shares it between copies. */
  static final class FpState {
    private final Supplier<Xstate> loader;
    private Xstate loaded;

    FpState(Supplier<Xstate> loader) {
      this.loader = loader;
    }

    synchronized Xstate get() {
      if (loaded == null) {
        loaded = loader.get();
      }
      return loaded;
    }
  }

  Amd64RegisterFile(int tid, long[] words, FpState fp) {
    if (words.length != WORDS) {
      throw new IllegalArgumentException("user_regs_struct has " + WORDS + " words");
    }
    this.tid = tid;
    this.words = words;
    this.fp = fp;
  }

  /** Returns a copy of the raw {@code user_regs_struct} words, for PTRACE_SETREGS. */
  long[] words() {
    return words.clone();
  }

  @Override
  public int tid() {
    return tid;
  }

  @Override
  public long pc() {
    return words[RIP];
  }

  @Override
  public long sp() {
    return words[RSP];
  }

  @Override
  public long bp() {
    return words[RBP];
  }

  @Override
  public List<String> names() {
    return NAMES;
  }

  @Override
  public OptionalLong value(String name) {
    int i = INDEX.getOrDefault(name, -1);
    if (i >= 0) {
      return OptionalLong.of(words[i]);
    }
    return NAMES.contains(name) ? fp.get().value(name) : OptionalLong.empty();
  }

  @Override
  public OptionalLong dwarfValue(int dwarfRegister) {
    return Amd64Arch.INSTANCE.registerName(dwarfRegister).map(this::value)
        .orElse(OptionalLong.empty());
  }

  @Override
  public Optional<byte[]> bytes(String name) {
    int i = INDEX.getOrDefault(name, -1);
    if (i >= 0) {
      byte[] b = new byte[8];
      for (int k = 0; k < 8; k++) {
        b[k] = (byte) (words[i] >>> (8 * k));
      }
      return Optional.of(b);
    }
    return NAMES.contains(name) ? fp.get().bytes(name) : Optional.empty();
  }

  @Override
  public RegisterFile with(String name, long newValue) {
    int i = INDEX.getOrDefault(name, -1);
    if (i < 0) {
      throw new IllegalArgumentException(name + " is not a general-purpose amd64 register");
    }
    long[] copy = words.clone();
    copy[i] = newValue;
    return new Amd64RegisterFile(tid, copy, fp);
  }

  @Override
  public String toString() {
    return "registers of thread " + tid + ": rip=0x" + Long.toHexString(pc()) + " rsp=0x"
        + Long.toHexString(sp()) + " " + Arrays.toString(words);
  }

  private static List<String> allNames() {
    List<String> all = new ArrayList<>(Amd64Arch.INSTANCE.generalRegisterNames());
    for (String prefix : List.of("xmm", "ymm")) {
      for (int i = 0; i < 16; i++) {
        all.add(prefix + i);
      }
    }
    for (int i = 0; i < 8; i++) {
      all.add("st" + i);
    }
    all.addAll(List.of("mxcsr", "fcw", "fsw", "ftw"));
    return List.copyOf(all);
  }
}
