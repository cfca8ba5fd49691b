package org.dlv4j.benchmarks.gort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.BuildInfo;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.Goroutine;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.internal.runtime.ThreadRegs;
import org.dlv4j.gort.internal.stack.GoroutineLister;
import org.dlv4j.gort.internal.stack.StackFrame;
import org.dlv4j.gort.pclntab.Pclntab;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.TargetBackendProvider;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;

/**
 * Our side of benchmarks/goroutines-vs-dlv.sh: launches a Go program through the SPI, stops it
 * at a function, then times listing every goroutine with its locations (current, user, go
 * statement, start, labels: what Delve's ListGoroutines returns) and fetching every
 * goroutine's stack to a depth, as {@code goroutines -t} does. The first round runs in a cold
 * JVM, as a first request in a debugging session would; the best of the later rounds shows the
 * warm speed. Every round starts with a fresh lister (threads resolved again, nothing kept).
 *
 * <p>Usage: {@code GoroutinesVsDlv BINARY FUNCTION DEPTH ROUNDS [ARGS...]}
 */
public final class GoroutinesVsDlv {
  private GoroutinesVsDlv() {
  }

  /**
   * Runs the benchmark.
   *
   * @param args binary, function to stop at, stack depth, rounds, program arguments
   */
  public static void main(String[] args) {
    Path binary = Path.of(args[0]);
    String function = args[1];
    int depth = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    List<String> programArgs = List.of(args).subList(4, args.length);
    TargetBackendProvider provider = ServiceLoader.load(TargetBackendProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(TargetBackendProvider::supportsHost).findFirst().orElseThrow();
    long t0 = System.nanoTime();
    ElfFile elf = ElfFile.open(binary);
    Optional<Dwarf> dwarf = elf.section(".debug_info").isPresent()
        ? Optional.of(Dwarf.load(id -> elf.sectionData(id.elfName()), binary.toString())) : Optional.empty();
    Pclntab tab = Pclntab.read(elf);
    GoRuntime rt = GoRuntime.load(elf, dwarf, tab, BuildInfo.read(elf).version().orElseThrow(),
        Arch.forElfMachine(elf.machine()).orElseThrow(), 0);
    long loaded = System.nanoTime() - t0;
    try (ProcessBackend p = provider.launch(ProcessSpec.of(binary, programArgs.toArray(new String[0])))) {
      long entry = tab.functionNamed(function).orElseThrow().entry();
      List<ThreadRegs> threads = p.onTracer(() -> stopAt(p, entry, rt.arch()));
      TargetMemory memory = TargetMemory.of(p.memory());
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        GoroutineLister lister = new GoroutineLister(rt, memory, threads);
        List<Goroutine> gs = lister.list(0, 0).goroutines();
        long listed = System.nanoTime() - start;
        start = System.nanoTime();
        long frames = 0;
        List<G> readable = gs.stream().filter(g -> g.unreadable().isEmpty()).map(Goroutine::g).toList();
        for (List<StackFrame> stack : lister.stacktraces(readable, depth)) {
          frames += stack.size();
        }
        long stacks = System.nanoTime() - start;
        System.out.printf("dlv4j round=%d goroutines=%d list_ms=%.1f stacks_ms=%.1f frames=%d load_binary_ms=%.1f%n",
            round, gs.size(), listed / 1e6, stacks / 1e6, frames, loaded / 1e6);
      }
    }
  }

  /** Plants an int3 at {@code entry}, runs until a thread hits it, stops every thread. */
  private static List<ThreadRegs> stopAt(ProcessBackend p, long entry, Arch arch) {
    byte[] original = new byte[1];
    p.memory().readFully(entry, original, 0, 1);
    p.writeText(entry, new byte[] {(byte) 0xCC});
    p.resumeAll();
    WaitEvent.Trap trap;
    while (true) {
      WaitEvent e = p.waitEvent();
      if (e instanceof WaitEvent.Trap t) {
        trap = t;
        break;
      }
      if (e instanceof WaitEvent.Signal s) {
        p.resume(s.thread(), s.signo());
      } else if (!(e instanceof WaitEvent.ThreadExited)) {
        throw new IllegalStateException("expected a trap, got " + e);
      }
    }
    p.stopAll();
    trap.thread().setPc(entry);
    p.writeText(entry, original);
    List<ThreadRegs> out = new ArrayList<>();
    for (ThreadBackend t : p.threads()) {
      out.add(ThreadRegs.of(t.registers(), arch));
    }
    return out;
  }
}
