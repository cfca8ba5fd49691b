package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Segment;
import org.dlv4j.gort.internal.runtime.Binary;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.internal.runtime.ThreadRegs;
import org.dlv4j.junit.BackendWaits;
import org.dlv4j.junit.ProcFs;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;
import org.dlv4j.spi.TargetBackendProvider;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;

/**
 * A Go program launched through the SPI (the first {@link TargetBackendProvider} the
 * {@link ServiceLoader} finds) and run to a breakpoint, with every thread stopped: planted as
 * an int3 at a function's entry found with the pclntab, the pc set back and the byte restored
 * once hit. Several functions make a chain: the next breakpoint is planted when the previous
 * one is hit.
 */
final class LiveStop implements AutoCloseable {
  private static final byte[] INT3 = {(byte) 0xCC};

  final Binary binary;
  final GoRuntime rt;
  final ProcessBackend process;
  final TargetMemory memory;
  final List<ThreadRegs> threads;
  /** The thread that hit the last breakpoint. */
  final int trapTid;
  /** The load bias: where the process runs the binary minus its link addresses (PIE only). */
  final long bias;

  private LiveStop(Binary binary, ProcessBackend process, List<ThreadRegs> threads, int trapTid, long bias) {
    this.binary = binary;
    this.bias = bias;
    this.rt = binary.runtime(bias);
    this.process = process;
    this.memory = TargetMemory.of(process.memory());
    this.threads = threads;
    this.trapTid = trapTid;
  }

  /** Launches {@code program args} with {@code env} and stops at each function of {@code chain} in turn. */
  static LiveStop run(Path program, List<String> args, Map<String, String> env, String... chain) {
    return runUntil(program, args, env, stop -> true, chain);
  }

  /**
   * Launches {@code program args} with {@code env}, stops at each function of {@code chain} in
   * turn, and then at the last one again until {@code accept} holds for the stop: for
   * functions that threads other than the one of interest may run first (at most 20 stops).
   */
  static LiveStop runUntil(Path program, List<String> args, Map<String, String> env, Predicate<LiveStop> accept,
      String... chain) {
    TargetBackendProvider provider = ServiceLoader.load(TargetBackendProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(TargetBackendProvider::supportsHost).findFirst()
        .orElseThrow(() -> new AssertionError("no backend for this host"));
    Binary binary = Binary.open(program);
    ProcessBackend p = provider.launch(ProcessSpec.of(program, args.toArray(new String[0]))
        .withEnvironment(env).withStdout(Stdio.inherit()));
    try {
      long bias = loadBias(p.pid(), binary);
      int tid = p.onTracer(() -> {
        int last = -1;
        for (String function : chain) {
          last = runTo(p, binary, function, bias);
        }
        return last;
      });
      String last = chain[chain.length - 1];
      for (int attempt = 1; ; attempt++) {
        LiveStop stop = new LiveStop(binary, p, p.onTracer(() -> registers(p, binary)), tid, bias);
        if (accept.test(stop) || attempt == 20) {
          return stop;
        }
        tid = p.onTracer(() -> {
          stepOff(p, binary, last, bias);
          return runTo(p, binary, last, bias);
        });
      }
    } catch (RuntimeException | Error e) {
      p.close();
      throw e;
    }
  }

  /** Single-steps the threads at {@code function}'s entry, so that they do not hit it again at once. */
  private static void stepOff(ProcessBackend p, Binary binary, String function, long bias) {
    long entry = bias + binary.pclntab().functionNamed(function).orElseThrow().entry();
    for (ThreadBackend t : p.threads()) {
      if (t.registers().pc() == entry) {
        p.singleStep(t);
      }
    }
  }

  private static List<ThreadRegs> registers(ProcessBackend p, Binary binary) {
    List<ThreadRegs> out = new ArrayList<>();
    for (ThreadBackend t : p.threads()) {
      out.add(ThreadRegs.of(t.registers(), binary.arch()));
    }
    return out;
  }

  /** Plants a breakpoint at {@code function}, runs until a thread hits it, stops everything. */
  private static int runTo(ProcessBackend p, Binary binary, String function, long bias) {
    long entry = bias + binary.pclntab().functionNamed(function)
        .orElseThrow(() -> new AssertionError("no function " + function)).entry();
    byte[] original = new byte[1];
    p.memory().readFully(entry, original, 0, 1);
    p.writeText(entry, INT3);
    p.resumeAll();
    WaitEvent.Trap trap = BackendWaits.nextTrap(p);
    assertEquals(entry + 1, trap.thread().registers().pc(), "trap pc");
    for (WaitEvent e : p.stopAll()) {
      if (e instanceof WaitEvent.Trap other && other.thread().registers().pc() == entry + 1) {
        other.thread().setPc(entry); // another thread hit it too: it runs the function again later
      }
    }
    trap.thread().setPc(entry);
    p.writeText(entry, original);
    return trap.thread().tid();
  }

  /**
   * Returns the load bias of the executable in process {@code pid}: the start of its first
   * mapping (file offset 0) minus its lowest PT_LOAD address; 0 unless it is position-independent.
   */
  private static long loadBias(int pid, Binary binary) {
    if (binary.elf().type() != ElfFile.ET_DYN) {
      return 0;
    }
    long lowest = binary.elf().segments().stream().filter(s -> s.type() == Segment.PT_LOAD)
        .mapToLong(Segment::vaddr).min().orElseThrow() & -4096L;
    String exe = ProcFs.executable(pid).toString();
    return ProcFs.mappings(pid).stream().filter(m -> m.path().equals(exe) && m.offset() == 0)
        .findFirst().orElseThrow(() -> new AssertionError("executable not mapped in process " + pid))
        .start() - lowest;
  }

  /** Returns the process address of a function's entry. */
  long entry(String function) {
    return bias + binary.pclntab().functionNamed(function).orElseThrow().entry();
  }

  /** Returns the registers of the thread that hit the breakpoint. */
  ThreadRegs trapThread() {
    return threads.stream().filter(t -> t.tid() == trapTid).findFirst().orElseThrow();
  }

  /** Returns a lister for this stop. */
  GoroutineLister lister() {
    return new GoroutineLister(rt, memory, threads);
  }

  /** Reads a global's 8-byte value. */
  long global(String symbol) {
    return memory.readLong(bias + binary.elf().symbol(symbol).orElseThrow().value());
  }

  @Override
  public void close() {
    process.close();
  }
}
