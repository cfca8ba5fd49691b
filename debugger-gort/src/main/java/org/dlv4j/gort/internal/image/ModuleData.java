package org.dlv4j.gort.internal.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Symbol;
import org.dlv4j.gort.pclntab.ImageMemory;
import org.dlv4j.gort.pclntab.PclntabFormat;

/**
 * The fields of {@code runtime.moduledata} (runtime/symtab.go) the pclntab needs, found without
 * DWARF: {@code text}, the base of the table's pc offsets, and {@code gofunc}, the base of its
 * funcdata offsets (where the inline trees are).
 *
 * <p>The record is found, in this order, in the {@code .go.module} section that holds it alone
 * since Go 1.26; by searching {@code .noptrdata}, where older versions put it, for its first
 * word, which points to the pclntab; or through the {@code runtime.firstmoduledata} symbol.
 * The symbol comes last only because loading a symbol table costs more than both searches
 * (17 ms against well under 1 ms for cmd/go); it catches layouts the searches miss.
 *
 * <p>Fields are read at their fixed word positions for the pclntab's format: the layout up to
 * {@code gofunc} is the same in 1.18 and 1.19, and again from 1.20 (which added
 * {@code covctrs}) to 1.26. Every candidate must point back at the pclntab (its first word and
 * its {@code funcnametab}) and have {@code text <= etext}, so a wrong guess is rejected rather
 * than used.
 *
 * @param address the address of the module data
 * @param text the address of {@code runtime.text}
 * @param gofunc the address of {@code go:func.*}
 * @param foundBy how the record was found, for logs
 */
public record ModuleData(long address, long text, long gofunc, String foundBy) {
  private static final int WORD_FUNCNAMETAB = 1;
  private static final int WORD_TEXT = 22;
  private static final int WORD_ETEXT = 23;

  /**
   * Finds the module data of {@code elf}, whose pclntab is {@code pclntab}.
   *
   * @return the module data, or empty if no candidate passes the checks
   */
  static Optional<ModuleData> find(ElfFile elf, ImageSection pclntab, PclntabFormat format, ImageMemory memory) {
    int ptrSize = pclntab.data().get(7);
    Optional<ModuleData> md = ImageSection.of(elf, ".go.module")
        .flatMap(m -> check(m.data(), m.address(), pclntab, format, ptrSize, "section .go.module"));
    if (md.isEmpty()) {
      md = ImageSection.of(elf, ".noptrdata").flatMap(s -> search(s, pclntab, format, ptrSize));
    }
    if (md.isEmpty()) {
      md = elf.symbol("runtime.firstmoduledata").map(Symbol::value).flatMap(address -> memory.bytesAt(address)
          .flatMap(b -> check(b, address, pclntab, format, ptrSize, "symbol runtime.firstmoduledata")));
    }
    return md;
  }

  /** Looks for an aligned pointer to the pclntab in {@code s} that starts a valid module data. */
  private static Optional<ModuleData> search(ImageSection s, ImageSection pclntab, PclntabFormat format,
      int ptrSize) {
    ByteBuffer b = s.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 0; off + ptrSize <= b.limit(); off += ptrSize) {
      if (word(b, off, ptrSize) == pclntab.address()) {
        Optional<ModuleData> md = check(b.slice(off, b.limit() - off), s.address() + off, pclntab, format,
            ptrSize, "search of .noptrdata");
        if (md.isPresent()) {
          return md;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<ModuleData> check(ByteBuffer md, long address, ImageSection pclntab,
      PclntabFormat format, int ptrSize, String foundBy) {
    ByteBuffer b = md.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int gofuncWord = format == PclntabFormat.GO118 ? 38 : 40;
    if ((long) (gofuncWord + 1) * ptrSize > b.limit()) {
      return Optional.empty();
    }
    long funcnametab = word(b, WORD_FUNCNAMETAB * ptrSize, ptrSize);
    long text = word(b, WORD_TEXT * ptrSize, ptrSize);
    long etext = word(b, WORD_ETEXT * ptrSize, ptrSize);
    long gofunc = word(b, gofuncWord * ptrSize, ptrSize);
    boolean plausible = word(b, 0, ptrSize) == pclntab.address()
        && pclntab.contains(funcnametab) && funcnametab > pclntab.address()
        && text != 0 && text <= etext && gofunc != 0;
    return plausible ? Optional.of(new ModuleData(address, text, gofunc, foundBy)) : Optional.empty();
  }

  private static long word(ByteBuffer b, int off, int ptrSize) {
    return ptrSize == 8 ? b.getLong(off) : b.getInt(off) & 0xffff_ffffL;
  }
}
