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
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.TargetMemory;
import org.dlv4j.gort.internal.runtime.ThreadRegs;
import org.dlv4j.gort.pclntab.Pclntab;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.TargetBackendProvider;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;

/**
 * A Go program launched through the SPI and stopped, every thread, where a thread first enters
 * a function; with the binary's runtime facts loaded, for benchmarks that time the runtime
 * model (goroutine listing, unwinding) without the engine's per-stop caches in the way.
 */
final class StoppedAt implements AutoCloseable {
  final GoRuntime rt;
  final ProcessBackend process;
  final TargetMemory memory;
  /** Every thread's registers at the stop. */
  final List<ThreadRegs> threads;
  /** The thread that entered the function. */
  final int trapTid;

  private StoppedAt(GoRuntime rt, ProcessBackend process, List<ThreadRegs> threads, int trapTid) {
    this.rt = rt;
    this.process = process;
    this.memory = TargetMemory.of(process.memory());
    this.threads = threads;
    this.trapTid = trapTid;
  }

  /**
   * Launches {@code binary args} and stops it at the entry of {@code function}.
   *
   * @param binary a non-PIE Go executable
   * @param function the function to stop in
   * @param args the program's arguments
   * @return the stopped program; close it to kill it
   */
  static StoppedAt launch(Path binary, String function, List<String> args) {
    TargetBackendProvider provider = ServiceLoader.load(TargetBackendProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(TargetBackendProvider::supportsHost).findFirst()
        .orElseThrow();
    ElfFile elf = ElfFile.open(binary);
    Optional<Dwarf> dwarf = elf.section(".debug_info").isPresent()
        ? Optional.of(Dwarf.load(id -> elf.sectionData(id.elfName()), binary.toString()))
        : Optional.empty();
    Pclntab tab = Pclntab.read(elf);
    GoRuntime rt = GoRuntime.load(elf, dwarf, tab, BuildInfo.read(elf).version().orElseThrow(),
        Arch.forElfMachine(elf.machine()).orElseThrow(), 0);
    ProcessBackend p = provider.launch(ProcessSpec.of(binary, args.toArray(new String[0])));
    try {
      long entry = tab.functionNamed(function).orElseThrow().entry();
      int tid = p.onTracer(() -> stopAt(p, entry));
      List<ThreadRegs> threads = p.onTracer(() -> {
        List<ThreadRegs> out = new ArrayList<>();
        for (ThreadBackend t : p.threads()) {
          out.add(ThreadRegs.of(t.registers(), rt.arch()));
        }
        return out;
      });
      return new StoppedAt(rt, p, threads, tid);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  /** Plants an int3 at {@code entry}, runs until a thread hits it, stops every thread. */
  private static int stopAt(ProcessBackend p, long entry) {
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
    return trap.thread().tid();
  }

  @Override
  public void close() {
    process.close();
  }
}
