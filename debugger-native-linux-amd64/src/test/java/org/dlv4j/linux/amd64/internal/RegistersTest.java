package org.dlv4j.linux.amd64.internal;

import static org.dlv4j.linux.amd64.internal.Targets.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.dlv4j.api.StaleHandleException;
import org.dlv4j.junit.BackendWaits;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.ProcFs;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.RegisterFile;
import org.dlv4j.spi.Stdio;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registers at real stops, cross-checked with readelf, go tool nm and /proc/pid/maps. */
@ExtendWith(NoLeakedProcesses.class)
@Timeout(60)
class RegistersTest {
  private static final Path HELLO = GoBuild.fixture("ptrace-hello").build();

  @Test
  void atTheEntryPoint() throws Exception {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      RegisterFile r = p.onTracer(() -> p.threads().get(0).registers());
      assertEquals(GoTools.entry(HELLO), r.pc());
      assertEquals(r.pc(), r.value("rip").orElseThrow());
      assertEquals(r.pc(), r.dwarfValue(16).orElseThrow());
      assertEquals(r.sp(), r.dwarfValue(7).orElseThrow());
      assertTrue(inMapping(p.pid(), r.sp(), "[stack]"), Long.toHexString(r.sp()));
      assertEquals(p.pid(), r.tid());
    }
  }

  @Test
  void atAFunctionWithAFloatArgument() throws Exception {
    long scale = GoNm.address(HELLO, "main.scale");
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      p.onTracer(() -> {
        p.writeText(scale, new byte[] {(byte) 0xCC});
        p.resumeAll();
        ThreadBackend t = BackendWaits.nextTrap(p).thread();
        RegisterFile r = t.registers();
        assertEquals(scale + 1, r.pc());
        long fsBase = r.value("fs_base").orElseThrow();
        assertTrue(fsBase != 0 && inMapping(p.pid(), fsBase, null), Long.toHexString(fsBase));
        assertEquals(fsBase, r.dwarfValue(58).orElseThrow());
        // Go's register ABI passes the first float argument in X0
        long bits = Double.doubleToRawLongBits(1.5);
        assertEquals(bits, r.value("xmm0").orElseThrow());
        assertEquals(bits, r.dwarfValue(17).orElseThrow());
        byte[] xmm0 = r.bytes("xmm0").orElseThrow();
        assertEquals(16, xmm0.length);
        Optional<byte[]> ymm0 = r.bytes("ymm0");
        if (ymm0.isPresent()) { // AVX machine
          assertArrayEquals(xmm0, Arrays.copyOf(ymm0.get(), 16));
          assertEquals(32, ymm0.get().length);
        }
        assertEquals(0x1f80, r.value("mxcsr").orElseThrow() & 0xffc0); // masks, round-nearest
        assertEquals(0x37f, r.value("fcw").orElseThrow());
        assertEquals(10, r.bytes("st0").orElseThrow().length);
        assertTrue(r.value("nonsense").isEmpty());
        assertTrue(r.names().containsAll(java.util.List.of("rip", "fs_base", "xmm15", "ymm0")));

        long rax = r.value("rax").orElseThrow();
        t.setRegisters(r.with("rax", 0x1234_5678_9abcL));
        assertEquals(0x1234_5678_9abcL, t.registers().value("rax").orElseThrow());
        t.setRegisters(t.registers().with("rax", rax));
        assertThrows(IllegalArgumentException.class, () -> r.with("xmm0", 1));
        return null;
      });
      p.kill();
    }
  }

  @Test
  void vectorRegistersOfAnEarlierStopAreStale() {
    long scale = GoNm.address(HELLO, "main.scale");
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      p.onTracer(() -> {
        byte[] orig = new byte[1];
        p.memory().readFully(scale, orig, 0, 1);
        p.writeText(scale, new byte[] {(byte) 0xCC});
        p.resumeAll();
        ThreadBackend t = BackendWaits.nextTrap(p).thread();
        p.writeText(scale, orig);
        t.setPc(scale);
        RegisterFile old = t.registers();
        WaitEvent step = p.singleStep(t);
        assertTrue(step instanceof WaitEvent.Trap, step.toString());
        assertEquals(scale, old.pc()); // general registers stay readable values
        assertThrows(StaleHandleException.class, () -> old.bytes("xmm0"));
        assertTrue(t.registers().bytes("xmm0").isPresent());
      });
      assertThrows(IllegalStateException.class,
          () -> p.onTracer(() -> p.threads().get(0)).registers());
      p.kill();
    }
  }

  /** Tells whether an address lies in a mapping (with the given name, if not null). */
  static boolean inMapping(int pid, long address, String name) {
    return ProcFs.mappings(pid).stream().filter(m -> m.contains(address)).findFirst()
        .filter(m -> name == null || m.path().equals(name)).isPresent();
  }
}
