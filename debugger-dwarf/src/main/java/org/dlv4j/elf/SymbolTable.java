package org.dlv4j.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.dwarf.internal.io.KaitaiReader;
import org.dlv4j.dwarf.internal.ksy.Elf64Symbol;

/**
 * The symbols of {@code .symtab} and {@code .dynsym}, indexed by name and by address. Built
 * once, then immutable and thread-safe.
 */
final class SymbolTable {
  /** Size of one Elf64_Sym. */
  private static final int ENTRY_SIZE = 24;

  private final List<Symbol> symtab;
  private final List<Symbol> dynsym;
  private final Map<String, Symbol> byName = new HashMap<>();
  /** Symbols that cover an address range, sorted by start. */
  private final Symbol[] ranged;
  /** {@code ranged[i].value()} with the sign bit flipped, so signed order is unsigned order. */
  private final long[] starts;
  /** Flipped maximum end address over {@code ranged[0..i]}: bounds the backward scan. */
  private final long[] maxEnds;

  private SymbolTable(List<Symbol> symtab, List<Symbol> dynsym) {
    this.symtab = symtab;
    this.dynsym = dynsym;
    List<Symbol> withRange = new ArrayList<>();
    for (List<Symbol> table : List.of(symtab, dynsym)) {
      for (Symbol s : table) {
        byName.putIfAbsent(s.name(), s);
        if (coversAddresses(s)) {
          withRange.add(s);
        }
      }
    }
    ranged = withRange.toArray(new Symbol[0]);
    Arrays.sort(ranged, Comparator.comparingLong(s -> flip(s.value())));
    starts = new long[ranged.length];
    maxEnds = new long[ranged.length];
    long maxEnd = Long.MIN_VALUE;
    for (int i = 0; i < ranged.length; i++) {
      starts[i] = flip(ranged[i].value());
      long end = ranged[i].value() + ranged[i].size();
      long flippedEnd = Long.compareUnsigned(end, ranged[i].value()) < 0 ? Long.MAX_VALUE : flip(end);
      maxEnd = Math.max(maxEnd, flippedEnd);
      maxEnds[i] = maxEnd;
    }
  }

  /** Reads the first {@code SHT_SYMTAB} and {@code SHT_DYNSYM} sections of {@code elf}. */
  static SymbolTable read(ElfFile elf, ByteBuffer file, List<Section> sections) {
    return new SymbolTable(readTable(elf, file, sections, Section.SHT_SYMTAB),
        readTable(elf, file, sections, Section.SHT_DYNSYM));
  }

  /** Returns the symbols of {@code .symtab} without the null entry 0. */
  List<Symbol> symtab() {
    return symtab;
  }

  /** Returns the symbols of {@code .dynsym} without the null entry 0. */
  List<Symbol> dynsym() {
    return dynsym;
  }

  /** Returns the first symbol named {@code name}, from {@code .symtab} before {@code .dynsym}. */
  Optional<Symbol> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Returns the symbol whose {@code [value, value + size)} contains {@code address}; of nested
   * symbols, the one that starts last.
   */
  Optional<Symbol> containing(long address) {
    long key = flip(address);
    int i = Arrays.binarySearch(starts, key);
    if (i < 0) {
      i = -i - 2; // the last start below the address
    } else {
      while (i + 1 < starts.length && starts[i + 1] == key) {
        i++;
      }
    }
    for (; i >= 0 && maxEnds[i] > key; i--) {
      if (ranged[i].contains(address)) {
        return Optional.of(ranged[i]);
      }
    }
    return Optional.empty();
  }

  private static boolean coversAddresses(Symbol s) {
    return s.size() != 0 && s.sectionIndex() != Symbol.SHN_UNDEF
        && (s.type() == Symbol.STT_FUNC || s.type() == Symbol.STT_OBJECT
            || s.type() == Symbol.STT_NOTYPE);
  }

  private static long flip(long unsigned) {
    return unsigned ^ Long.MIN_VALUE;
  }

  private static List<Symbol> readTable(ElfFile elf, ByteBuffer file, List<Section> sections,
      int type) {
    Section table = sections.stream().filter(s -> s.type() == type).findFirst().orElse(null);
    if (table == null) {
      return List.of();
    }
    String where = elf.name() + " " + table.name();
    if (table.entsize() != ENTRY_SIZE || table.size() % ENTRY_SIZE != 0) {
      throw new BinaryFormatException("symbol table with entry size " + table.entsize()
          + " and size 0x" + Long.toHexString(table.size()) + ", expected entries of "
          + ENTRY_SIZE, where, 0);
    }
    if (table.link() <= 0 || table.link() >= sections.size()) {
      throw new BinaryFormatException("symbol table links to string table " + table.link()
          + " of " + sections.size() + " sections", where, 0);
    }
    Section strtab = sections.get(table.link());
    ByteCursor names = new ByteCursor(elf.rawData(strtab), elf.name() + " " + strtab.name());
    ByteBuffer entries = elf.rawData(table);
    int count = (int) (table.size() / ENTRY_SIZE);
    List<Symbol> symbols = new ArrayList<>(Math.max(0, count - 1));
    for (int i = 1; i < count; i++) {
      Elf64Symbol e = KaitaiReader.parse(entries, (long) i * ENTRY_SIZE, ENTRY_SIZE,
          where + " entry " + i, Elf64Symbol::new);
      if (e.stName() >= names.limit()) {
        throw new BinaryFormatException("symbol " + i + " name offset 0x"
            + Long.toHexString(e.stName()) + " outside the 0x" + Integer.toHexString(names.limit())
            + "-byte string table", where, (long) i * ENTRY_SIZE);
      }
      symbols.add(new Symbol(names.cstringAt(e.stName()), e.stValue(), e.stSize(), e.type(),
          e.bind(), e.stShndx()));
    }
    return List.copyOf(symbols);
  }
}
