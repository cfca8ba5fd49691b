package org.dlv4j.gort.internal.disasm;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.elf.Symbol;

/** A function's machine code, cut out of a binary's .text by its ELF symbol. */
record FunctionCode(Path binary, String name, long address, byte[] bytes) {

  static FunctionCode of(Path binary, String name) {
    try (ElfFile elf = ElfFile.open(binary)) {
      Symbol sym = elf.symbol(name).orElseThrow(() -> new AssertionError(name + " not in " + binary));
      Section text = elf.section(".text").orElseThrow();
      ByteBuffer data = text.data().orElseThrow();
      byte[] bytes = new byte[(int) sym.size()];
      data.get((int) (sym.value() - text.address()), bytes);
      return new FunctionCode(binary, name, sym.value(), bytes);
    }
  }

  /** The end address, exclusive. */
  long end() {
    return address + bytes.length;
  }

  /**
   * Names addresses as objdump does, from the ELF symbol table: {@code main.f} at a symbol's
   * start, {@code main.f+0x10} inside it.
   */
  static Symbolizer elfSymbolizer(Path binary) {
    ElfFile elf = ElfFile.open(binary); // kept open for the test's lifetime: tiny, read-only
    return address -> {
      Optional<Symbol> s = elf.symbolAt(address);
      return s.map(sym -> address == sym.value() ? sym.name()
          : sym.name() + "+0x" + Long.toHexString(address - sym.value()));
    };
  }
}
