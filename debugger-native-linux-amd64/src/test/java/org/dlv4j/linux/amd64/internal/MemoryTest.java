package org.dlv4j.linux.amd64.internal;

import static org.dlv4j.linux.amd64.internal.Targets.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.junit.BackendWaits;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.ProcFs;
import org.dlv4j.linux.internal.memory.LinuxMemory;
import org.dlv4j.spi.MemoryAccess;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;
import org.dlv4j.spi.WaitEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Target memory: write/read round trips the program sees, the per-stop page cache, unmapped and
 * partial reads, bulk reads.
 */
@ExtendWith(NoLeakedProcesses.class)
@Timeout(60)
class MemoryTest {
  private static final Path HELLO = GoBuild.fixture("ptrace-hello").build();
  private static final long MARKER = GoNm.address(HELLO, "main.marker");

  @Test
  void writtenDataIsReadBackAndSeenByTheProgram() {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      MemoryAccess m = p.memory();
      assertEquals(0x1122334455667788L, m.readLong(MARKER));
      assertEquals(0x55667788, m.readInt(MARKER));
      m.write(MARKER, new byte[] {(byte) 0xef, (byte) 0xbe, (byte) 0xad, (byte) 0xde});
      assertEquals(0x11223344deadbeefL, m.readLong(MARKER));
      assertEquals(0x11223344deadbeefL, m.uncached().readLong(MARKER));
      assertEquals(new WaitEvent.Exited(0), p.onTracer(() -> BackendWaits.runToEnd(p)));
      assertTrue(GoTools.readAll(p.stdout().orElseThrow()).contains("marker: 0x11223344deadbeef"));
    }
  }

  @Test
  void smallReadsOfOnePageCostOneFillPerStop() {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      LinuxMemory m = (LinuxMemory) p.memory();
      long fills = m.pageFills();
      byte[] b = new byte[16];
      long page = MARKER & -4096;
      for (int i = 0; i < 100; i++) {
        m.read(page + (i * 40) % 4080, b, 0, 16);
        m.readLong(MARKER);
      }
      assertEquals(fills + 1, m.pageFills());
      m.uncached().readLong(MARKER);
      assertEquals(fills + 1, m.pageFills());
      long mainMain = GoNm.address(HELLO, "main.main");
      p.onTracer(() -> {
        byte[] orig = new byte[1];
        m.readFully(mainMain, orig, 0, 1);
        assertEquals(fills + 2, m.pageFills()); // the text page
        p.writeText(mainMain, new byte[] {(byte) 0xCC});
        byte[] now = new byte[1];
        m.readFully(mainMain, now, 0, 1);
        assertEquals((byte) 0xCC, now[0]); // the code write dropped the cached page
        p.resumeAll();
        WaitEvent.Trap trap = BackendWaits.nextTrap(p); // other threads may still run: no cache
        long before = m.pageFills();
        m.readLong(MARKER);
        m.readLong(MARKER);
        assertTrue(m.pageFills() == before, "no caching while threads run");
        p.stopAll();
        m.readLong(MARKER);
        m.readLong(MARKER);
        assertEquals(before + 1, m.pageFills());
        p.writeText(mainMain, orig);
        trap.thread().setPc(mainMain);
        return null;
      });
      p.kill();
    }
  }

  @Test
  void unmappedAndPartlyMappedReads() throws Exception {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      MemoryAccessException e = assertThrows(MemoryAccessException.class,
          () -> p.memory().readLong(0x10));
      assertEquals(p.pid(), e.pid());
      assertEquals(0x10, e.address());
      assertTrue(e.getMessage().contains("process " + p.pid()) && e.getMessage().contains("0x10"),
          e.getMessage());
      long end = endOfMappingFollowedByHole(p.pid());
      byte[] b = new byte[64];
      assertEquals(16, p.memory().read(end - 16, b, 0, 64));
      assertEquals(16, p.memory().uncached().read(end - 16, b, 0, 64));
      assertThrows(MemoryAccessException.class, () -> p.memory().readFully(end - 16, b, 0, 64));
      assertThrows(MemoryAccessException.class,
          () -> p.memory().write(0x10, new byte[] {1}));
    }
  }

  @Test
  void bulkReadsAgreeWithTheFile() throws Exception {
    long[] text = GoTools.section(HELLO, ".text");
    int len = (int) Math.min(text[2], 1 << 20);
    byte[] file = new byte[len];
    try (RandomAccessFile f = new RandomAccessFile(HELLO.toFile(), "r")) {
      f.seek(text[1]);
      f.readFully(file);
    }
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      byte[] heap = new byte[len];
      assertEquals(len, p.memory().read(text[0], heap, 0, len));
      assertArrayEquals(file, heap);
      ByteBuffer direct = ByteBuffer.allocateDirect(len + 8);
      direct.position(8);
      assertEquals(len, p.memory().read(text[0], direct));
      assertEquals(len + 8, direct.position());
      byte[] fromDirect = new byte[len];
      direct.position(8);
      direct.get(fromDirect);
      assertArrayEquals(file, fromDirect);
    }
  }

  @Test
  void memoryAfterExitNamesThePid() {
    try (ProcessBackend p = PROVIDER.launch(ProcessSpec.of(HELLO).withStdout(Stdio.pipe()))) {
      p.onTracer(() -> BackendWaits.runToEnd(p));
      TargetExitedException e = assertThrows(TargetExitedException.class,
          () -> p.memory().readLong(MARKER));
      assertEquals(p.pid(), e.pid());
      assertEquals(0, e.exitStatus());
      assertThrows(TargetExitedException.class, () -> p.onTracer(p::resumeAll));
      assertThrows(TargetExitedException.class,
          () -> p.onTracer(() -> { p.writeText(MARKER, new byte[1]); return null; }));
    }
  }

  /** The end of a readable mapping whose next page is not mapped, from /proc/pid/maps. */
  private static long endOfMappingFollowedByHole(int pid) {
    List<ProcFs.Mapping> maps = ProcFs.mappings(pid);
    for (int i = 0; i < maps.size(); i++) {
      long nextStart = i + 1 < maps.size() ? maps.get(i + 1).start() : Long.MAX_VALUE;
      if (maps.get(i).readable() && nextStart > maps.get(i).end()) {
        return maps.get(i).end();
      }
    }
    throw new AssertionError("no mapping followed by a hole");
  }
}
