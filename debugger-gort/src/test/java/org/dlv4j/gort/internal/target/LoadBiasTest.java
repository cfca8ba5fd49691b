package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Segment;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.ProcFs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link LoadBias}: byte-exact auxiliary vectors, and the JVM's own (PIE) launcher checked
 * against where {@code /proc/self/maps} says it is mapped.
 */
class LoadBiasTest {
  private static final long AT_PHDR = 3;
  private static final long AT_PAGESZ = 6;

  @Test
  void theBiasIsTheKernelsEntryMinusTheLinkedOne() {
    ByteBuffer auxv = auxv(AT_PHDR, 0x5555_5555_4040L, AT_PAGESZ, 4096,
        LoadBias.AT_ENTRY, 0x5555_558e_07c0L, LoadBias.AT_NULL, 0);

    assertEquals(0x5555_5545_4000L, LoadBias.fromAuxv(auxv, 0x48c7c0, "auxv"));
  }

  @Test
  void anEntryMovedByLessThanAPageIsAnotherProgram() {
    ByteBuffer auxv = auxv(LoadBias.AT_ENTRY, 0x7f00_0000_1234L, LoadBias.AT_NULL, 0);

    DebuggerException e = assertThrows(DebuggerException.class,
        () -> LoadBias.fromAuxv(auxv, 0x48c7c0, "/proc/7/auxv"));
    assertEquals("the entry 0x7f0000001234 in /proc/7/auxv is not the executable's entry "
        + "0x48c7c0 moved by whole pages: the process runs another program", e.getMessage());
  }

  @Test
  void aVectorWithoutEntryOrTerminatorIsMalformed() {
    BinaryFormatException none = assertThrows(BinaryFormatException.class,
        () -> LoadBias.fromAuxv(auxv(AT_PAGESZ, 4096, LoadBias.AT_NULL, 0), 0, "auxv"));
    assertEquals("no AT_ENTRY in auxv at 0x10", none.getMessage());

    ByteBuffer cut = auxv(AT_PAGESZ, 4096, LoadBias.AT_ENTRY, 0x1000);
    cut.limit(cut.limit() - 1);
    assertThrows(BinaryFormatException.class, () -> LoadBias.fromAuxv(cut, 0, "auxv"));
    assertThrows(BinaryFormatException.class,
        () -> LoadBias.fromAuxv(ByteBuffer.allocate(0), 0, "auxv"));
  }

  @Test
  void theJvmsOwnLauncherIsWhereItsMappingSays() {
    long pid = ProcessHandle.current().pid();
    try (ElfFile java = ElfFile.open(ProcFs.executable((int) pid))) {
      Assumptions.assumeTrue(java.type() == ElfFile.ET_DYN, "the java launcher is not a PIE");

      long bias = LoadBias.of((int) pid, java);

      assertEquals(mappedBias((int) pid, java), bias);
      assertTrue(bias != 0, "ASLR or not, a PIE does not run at its link address 0");
    }
  }

  @Test
  void aFixedAddressExecutableNeedsNoProcess() {
    try (ElfFile fixed = ElfFile.open(GoBuild.fixture("hello").build())) {
      assertEquals(ElfFile.ET_EXEC, fixed.type());
      assertEquals(0, LoadBias.of(Integer.MAX_VALUE, fixed));
    }
  }

  @Test
  void aProcessThatIsGoneHasNoBias() {
    try (ElfFile pie = ElfFile.open(GoBuild.fixture("hello").flags("-buildmode=pie").build())) {
      DebuggerException e = assertThrows(DebuggerException.class,
          () -> LoadBias.of(Integer.MAX_VALUE, pie));
      assertTrue(e.getMessage().startsWith("cannot read /proc/" + Integer.MAX_VALUE
          + "/auxv for the load address of "), e.getMessage());
    }
  }

  /**
   * The load bias by {@code /proc/pid/maps}, independently of the auxiliary vector: the start of
   * the executable's mapping at file offset 0 minus its lowest {@code PT_LOAD} page.
   */
  static long mappedBias(int pid, ElfFile executable) {
    long lowest = executable.segments().stream().filter(s -> s.type() == Segment.PT_LOAD)
        .mapToLong(Segment::vaddr).min().orElseThrow() & -4096L;
    String exe = ProcFs.executable(pid).toString();
    return ProcFs.mappings(pid).stream().filter(m -> m.path().equals(exe) && m.offset() == 0)
        .findFirst().orElseThrow(() -> new AssertionError(exe + " not mapped in " + pid))
        .start() - lowest;
  }

  /** {@link #mappedBias} of the executable file a process runs. */
  static long mappedBias(int pid, Path executable) {
    try (ElfFile elf = ElfFile.open(executable)) {
      return mappedBias(pid, elf);
    }
  }

  private static ByteBuffer auxv(long... words) {
    ByteBuffer b = ByteBuffer.allocate(words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long w : words) {
      b.putLong(w);
    }
    return b.flip();
  }
}
