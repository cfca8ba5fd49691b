package org.dlv4j.gort.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.dlv4j.elf.Segment;
import org.dlv4j.gort.internal.image.GoModules;
import org.junit.jupiter.api.Test;
import org.dlv4j.junit.GoBuild;

/**
 * Where threads keep their g, worked out from the binary alone, and the addresses of the
 * globals: DWARF and symbols agree.
 */
class RuntimeGlobalsTest {
  private static Segment tls(long vaddr, long memsz, long align) {
    return new Segment(Segment.PT_TLS, Segment.PF_R, 0x1000, vaddr, vaddr, 0, memsz, align);
  }

  @Test
  void amd64TlsVariantTwo() {
    // The executable's TLS block ends at the thread pointer: g is memsz (rounded) below it.
    assertEquals(-8, RuntimeGlobals.amd64TlsOffset(0, tls(0x57cdf0, 8, 8)));
    assertEquals(-16, RuntimeGlobals.amd64TlsOffset(0, tls(0x57cdf0, 12, 8)));
    assertEquals(-32 + 24, RuntimeGlobals.amd64TlsOffset(24, tls(0x600000, 32, 16)));
    // A block whose start is not aligned (lld): glibc keeps the misalignment (firstbyte).
    assertEquals(-0x18, RuntimeGlobals.amd64TlsOffset(0, tls(0x600008, 0x10, 16)));
  }

  @Test
  void arm64TlsVariantOne() {
    // A 16-byte TCB at the thread pointer, then the block, aligned: off = tls_g + 16 + pad.
    assertEquals(16, RuntimeGlobals.arm64TlsOffset(0, tls(0x10000, 8, 8)));
    assertEquals(16 + 8 + 48, RuntimeGlobals.arm64TlsOffset(8, tls(0x10000, 64, 64)));
  }

  @Test
  void staticallyLinkedAmd64UsesTheSlotBelowTheThreadPointer() {
    Binary b = Binary.open(GoBuild.fixture("hello").build());
    assertEquals(new GLocation.TlsSlot(-8), b.runtime().globals().gLocation());
  }

  @Test
  void externallyLinkedAmd64UsesRuntimeTlsg() {
    Binary b = Binary.open(GoBuild.fixture("hello").env("CGO_ENABLED", "1")
        .flags("-ldflags=-linkmode=external").build());
    Segment tls = b.elf().segments().stream().filter(s -> s.type() == Segment.PT_TLS).findFirst().orElseThrow();
    long tlsg = b.elf().symbol("runtime.tlsg").orElseThrow().value();
    assertEquals(new GLocation.TlsSlot(RuntimeGlobals.amd64TlsOffset(tlsg, tls)),
        RuntimeGlobals.gLocation(b.elf(), b.arch(), GoModules.imageMemory(b.elf())));
  }

  @Test
  void arm64WithoutCgoKeepsGInX28() {
    Binary b = Binary.open(GoBuild.fixture("hello").env("GOARCH", "arm64").build());
    assertEquals(new GLocation.GRegister(), b.runtime().globals().gLocation());
    ThreadRegs regs = new ThreadRegs(1, 0, 0, 0, 0, 0, 0xc000001234L);
    assertEquals(0xc000001234L, new GLocation.GRegister().gOf(regs, (a, d, o, l) -> {
      throw new AssertionError("no memory read");
    }));
  }

  @Test
  void aTlsSlotIsReadRelativeToTheThreadPointer() {
    FakeMemory m = new FakeMemory().map(0x7000, 16).putLong(0x7008, 0xc000002000L);
    ThreadRegs regs = new ThreadRegs(1, 0, 0, 0, 0, 0x7010, 0);
    assertEquals(0xc000002000L, new GLocation.TlsSlot(-8).gOf(regs, m));
    assertEquals(0, new GLocation.TlsSlot(-8).gOf(new ThreadRegs(1, 0, 0, 0, 0, 0, 0), m), "no thread pointer");
  }

  @Test
  void dwarfAndSymbolsAgreeOnGlobals() {
    Binary b = Binary.open(GoBuild.fixture("hello").build());
    for (String name : new String[] {"runtime.allgs", "runtime.allglen"}) {
      long fromDwarf = RuntimeGlobals.address(b.elf(), b.dwarf(), name).getAsLong();
      assertEquals(b.elf().symbol(name).orElseThrow().value(), fromDwarf, name);
      assertEquals(fromDwarf, RuntimeGlobals.address(b.elf(), Optional.empty(), name).getAsLong(), name);
    }
    assertEquals(Optional.empty(), Optional.of(RuntimeGlobals.address(b.elf(), b.dwarf(), "runtime.nosuch"))
        .filter(o -> o.isPresent()));
  }
}
