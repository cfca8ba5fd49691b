package org.dlv4j.gort.internal.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.dwarf.DieCursor;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.loc.Location;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Segment;
import org.dlv4j.elf.Symbol;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.pclntab.ImageMemory;

/**
 * The link-time addresses of the runtime globals the goroutine model reads, and where threads
 * keep their g. Addresses come from DWARF ({@code DW_AT_location} = {@code DW_OP_addr}) where
 * the binary has it, else from the ELF symbol table. Immutable.
 *
 * @param allgs the address of {@code runtime.allgs} ({@code []*g}), if known
 * @param allglen the address of {@code runtime.allglen} ({@code uintptr}), if known
 * @param gLocation where a thread's current g is
 */
public record RuntimeGlobals(OptionalLong allgs, OptionalLong allglen, GLocation gLocation) {
  private static final int DW_OP_ADDR = 0x03;
  /** amd64, static internal linking: the g slot is just below the thread pointer. */
  static final long AMD64_STATIC_TLS_OFFSET = -8;
  /** arm64 (TLS variant I): the thread control block before the TLS block. */
  static final long ARM64_TCB_SIZE = 16;

  /**
   * Finds the globals of a binary.
   *
   * @param elf the binary
   * @param dwarf its DWARF, if any
   * @param arch its architecture
   * @param image its sections by address (to read {@code runtime.iscgo})
   * @return the globals; absent addresses mean the binary is stripped of both DWARF and symbols
   */
  public static RuntimeGlobals find(ElfFile elf, Optional<Dwarf> dwarf, Arch arch, ImageMemory image) {
    return new RuntimeGlobals(address(elf, dwarf, "runtime.allgs"), address(elf, dwarf, "runtime.allglen"),
        gLocation(elf, arch, image));
  }

  /**
   * Returns the address of a package-level variable: from its DWARF location, else its symbol.
   *
   * @param elf the binary
   * @param dwarf its DWARF, if any
   * @param name the variable's name, e.g. {@code runtime.allgs}
   * @return the link-time address, or empty
   */
  public static OptionalLong address(ElfFile elf, Optional<Dwarf> dwarf, String name) {
    if (dwarf.isPresent()) {
      OptionalLong die = dwarf.get().index().variable(name);
      if (die.isPresent()) {
        DieCursor c = dwarf.get().cursorAt(die.getAsLong());
        Optional<Location> loc = c.die().location(DwAt.DW_AT_location);
        if (loc.isPresent() && loc.get() instanceof Location.Single single) {
          ByteBuffer e = single.expression();
          if (e.remaining() == 9 && (e.get(0) & 0xff) == DW_OP_ADDR) {
            return OptionalLong.of(e.order(ByteOrder.LITTLE_ENDIAN).getLong(1));
          }
        }
      }
    }
    Optional<Symbol> sym = elf.symbol(name);
    return sym.isPresent() && sym.get().sectionIndex() != Symbol.SHN_UNDEF
        ? OptionalLong.of(sym.get().value()) : OptionalLong.empty();
  }

  /**
   * Works out where threads keep their g (runtime-internals.md §2.5).
   *
   * <p>amd64: in TLS at {@code fs_base + off}. A statically, internally linked binary has no
   * {@code PT_TLS} segment or {@code runtime.tlsg} symbol and uses {@code off = -8}. Otherwise
   * (cgo, external linking) the g is the TLS variable {@code runtime.tlsg} of the executable's
   * TLS block, which in variant II ends at the thread pointer: {@code off = tlsg - tlsoffset},
   * where glibc places the block at {@code tlsoffset = roundup(memsz - firstbyte, align) +
   * firstbyte}, {@code firstbyte = (-vaddr) & (align - 1)}.
   *
   * <p>arm64: without cgo ({@code runtime.iscgo} false in the image) the g is always in X28.
   * With cgo it is in TLS at {@code TPIDR_EL0 + off} (variant I: a 16-byte TCB, then the
   * block aligned to its alignment): {@code off = runtime.tls_g + 16 + ((vaddr - 16) &
   * (align - 1))}, or 16 if the symbol is missing.
   */
  static GLocation gLocation(ElfFile elf, Arch arch, ImageMemory image) {
    Optional<Segment> tls = elf.segments().stream().filter(s -> s.type() == Segment.PT_TLS).findFirst();
    if (arch == Arch.ARM64) {
      if (!isCgo(elf, image, tls.isPresent())) {
        return new GLocation.GRegister();
      }
      Optional<Symbol> tlsG = elf.symbol("runtime.tls_g");
      if (tlsG.isEmpty() || tls.isEmpty()) {
        return new GLocation.TlsSlot(ARM64_TCB_SIZE);
      }
      return new GLocation.TlsSlot(arm64TlsOffset(tlsG.get().value(), tls.get()));
    }
    Optional<Symbol> tlsg = elf.symbol("runtime.tlsg");
    if (tlsg.isEmpty() || tls.isEmpty()) {
      return new GLocation.TlsSlot(AMD64_STATIC_TLS_OFFSET);
    }
    return new GLocation.TlsSlot(amd64TlsOffset(tlsg.get().value(), tls.get()));
  }

  /** Variant II (x86-64): the executable's TLS block ends at the thread pointer. */
  static long amd64TlsOffset(long symbolValue, Segment tls) {
    long align = Math.max(1, tls.align());
    long firstByte = -tls.vaddr() & (align - 1);
    long blockOffset = roundUp(tls.memsz() - firstByte, align) + firstByte;
    return symbolValue - blockOffset;
  }

  /** Variant I (AArch64): a 16-byte TCB at the thread pointer, then the aligned TLS block. */
  static long arm64TlsOffset(long symbolValue, Segment tls) {
    long align = Math.max(1, tls.align());
    return symbolValue + ARM64_TCB_SIZE + ((tls.vaddr() - ARM64_TCB_SIZE) & (align - 1));
  }

  private static boolean isCgo(ElfFile elf, ImageMemory image, boolean hasTls) {
    Optional<Symbol> iscgo = elf.symbol("runtime.iscgo");
    if (iscgo.isEmpty()) {
      return hasTls; // stripped: only cgo binaries have a TLS segment
    }
    return image.bytesAt(iscgo.get().value()).map(b -> b.get(0) != 0).orElse(false);
  }

  private static long roundUp(long x, long align) {
    return (x + align - 1) & -align;
  }
}
