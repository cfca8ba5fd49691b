package org.dlv4j.gort.internal.disasm;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.elf.Symbol;

/**
 * A function's machine code, cut out of a binary's .text by its ELF symbol, and the binary's
 * function symbols to name addresses with.
 */
record FunctionCode(Path binary, String name, long address, byte[] bytes, List<Symbol> functions) {

  static FunctionCode of(Path binary, String name) {
    try (ElfFile elf = ElfFile.open(binary)) {
      Symbol sym = elf.symbol(name).orElseThrow(() -> new AssertionError(name + " not in " + binary));
      Section text = elf.section(".text").orElseThrow();
      ByteBuffer data = text.data().orElseThrow();
      byte[] bytes = new byte[(int) sym.size()];
      data.get((int) (sym.value() - text.address()), bytes);
      List<Symbol> functions = elf.symbols().stream()
          .filter(s -> s.type() == Symbol.STT_FUNC && s.size() > 0)
          .sorted(Comparator.comparingLong(Symbol::value)).toList();
      return new FunctionCode(binary, name, sym.value(), bytes, functions);
    }
  }

  /** The end address, exclusive. */
  long end() {
    return address + bytes.length;
  }

  /**
   * Names addresses as objdump does: {@code main.f} at a function's start, {@code main.f+0x10}
   * inside it.
   */
  Symbolizer symbolizer() {
    return address -> {
      Optional<Symbol> s = functions.stream()
          .filter(f -> f.value() <= address && address < f.value() + f.size())
          .reduce((a, b) -> b);
      return s.map(f -> address == f.value() ? f.name()
          : f.name() + "+0x" + Long.toHexString(address - f.value()));
    };
  }
}
