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
 * its {@code funcnametab}) and pass consistency checks on the other fields it gives (see
 * {@code Checker.check}), so a wrong guess, or a future layout, is rejected rather than used.
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
    Checker checker = new Checker(pclntab, format, ptrSize, memory);
    Optional<ModuleData> md = ImageSection.of(elf, ".go.module")
        .flatMap(m -> checker.check(m.data(), m.address(), "section .go.module"));
    if (md.isEmpty()) {
      md = ImageSection.of(elf, ".noptrdata").flatMap(checker::search);
    }
    if (md.isEmpty()) {
      md = elf.symbol("runtime.firstmoduledata").map(Symbol::value).flatMap(address -> memory.bytesAt(address)
          .flatMap(b -> checker.check(b, address, "symbol runtime.firstmoduledata")));
    }
    return md;
  }

  /** Reads and checks candidate module data records for one pclntab. */
  private static final class Checker {
    private final ImageSection pclntab;
    private final int ptrSize;
    private final int gofuncWord;
    private final ImageMemory memory;

    Checker(ImageSection pclntab, PclntabFormat format, int ptrSize, ImageMemory memory) {
      this.pclntab = pclntab;
      this.ptrSize = ptrSize;
      this.gofuncWord = format == PclntabFormat.GO118 ? 38 : 40;
      this.memory = memory;
    }

    /** Looks for an aligned pointer to the pclntab in {@code s} that starts a valid module data. */
    Optional<ModuleData> search(ImageSection s) {
      ByteBuffer b = s.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
      for (int off = 0; off + ptrSize <= b.limit(); off += ptrSize) {
        if (word(b, off, ptrSize) == pclntab.address()) {
          Optional<ModuleData> md = check(b.slice(off, b.limit() - off), s.address() + off, "search of .noptrdata");
          if (md.isPresent()) {
            return md;
          }
        }
      }
      return Optional.empty();
    }

    /**
     * Reads the record at the start of {@code md} if it is plausible: it points at the pclntab
     * and its function names, {@code text <= etext}, and {@code rodata <= gofunc} with
     * {@code gofunc} inside a loaded section ({@code go:func.*} follows {@code runtime.rodata}).
     */
    Optional<ModuleData> check(ByteBuffer md, long address, String foundBy) {
      ByteBuffer b = md.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      if ((long) (gofuncWord + 1) * ptrSize > b.limit()) {
        return Optional.empty();
      }
      long funcnametab = word(b, WORD_FUNCNAMETAB * ptrSize, ptrSize);
      long text = word(b, WORD_TEXT * ptrSize, ptrSize);
      long etext = word(b, WORD_ETEXT * ptrSize, ptrSize);
      long rodata = word(b, (gofuncWord - 1) * ptrSize, ptrSize);
      long gofunc = word(b, gofuncWord * ptrSize, ptrSize);
      boolean plausible = word(b, 0, ptrSize) == pclntab.address()
          && pclntab.contains(funcnametab) && funcnametab > pclntab.address()
          && text != 0 && text <= etext
          && rodata != 0 && rodata <= gofunc && memory.bytesAt(gofunc).isPresent();
      return plausible ? Optional.of(new ModuleData(address, text, gofunc, foundBy)) : Optional.empty();
    }
  }

  private static long word(ByteBuffer b, int off, int ptrSize) {
    return ptrSize == 8 ? b.getLong(off) : b.getInt(off) & 0xffff_ffffL;
  }
}
