package org.dlv4j.gort.internal.image;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Symbol;
import org.dlv4j.gort.NotAGoBinaryException;
import org.dlv4j.gort.pclntab.ImageMemory;
import org.dlv4j.gort.pclntab.Pclntab;
import org.dlv4j.gort.pclntab.PclntabFormat;

/** Loads the pclntab of an ELF file, with the text start and funcdata base it needs. */
public final class GoModules {
  private static final Logger LOG = System.getLogger("debugger");
  /** Magic, padding, quantum, pointer size and the smallest header words. */
  private static final int PCLNTAB_HEADER_MIN = 8 + 8 * 4;

  private GoModules() {
  }

  /**
   * Loads the pclntab of {@code elf}. Inline trees are available if the module data is found
   * (see {@link ModuleData}); otherwise the table still serves functions and lines, with the
   * text start from the {@code runtime.text} symbol or the {@code .text} section, and a warning
   * is logged.
   *
   * @param elf an open ELF file
   * @return the table
   * @throws BinaryFormatException if there is no pclntab section or it is malformed or too old
   */
  public static Pclntab pclntab(ElfFile elf) {
    ImageSection tab = pclntabSection(elf);
    PclntabFormat format = PclntabFormat.of(tab.data());
    SectionMemory memory = new SectionMemory(ImageSection.all(elf));
    Optional<ModuleData> md = ModuleData.find(elf, tab, format, memory);
    if (md.isPresent()) {
      LOG.log(Level.DEBUG, () -> elf.name() + ": module data at 0x" + Long.toHexString(md.get().address())
          + " found by " + md.get().foundBy());
      return Pclntab.parse(tab.data(), md.get().text(), md.get().gofunc(), memory);
    }
    LOG.log(Level.WARNING, () -> elf.name() + ": runtime.firstmoduledata not found; inline trees unavailable");
    long text = elf.symbol("runtime.text").map(Symbol::value).orElseGet(() -> ImageSection.of(elf, ".text")
        .orElseThrow(() -> new BinaryFormatException("no .text section", elf.name(), 0)).address());
    return Pclntab.parse(tab.data(), text);
  }

  /**
   * Finds the module data of {@code elf}; for tests and diagnostics.
   *
   * @param elf an open ELF file
   * @return the module data, or empty if it cannot be found
   */
  public static Optional<ModuleData> moduleData(ElfFile elf) {
    ImageSection tab = pclntabSection(elf);
    return ModuleData.find(elf, tab, PclntabFormat.of(tab.data()), new SectionMemory(ImageSection.all(elf)));
  }

  /**
   * Returns the loaded sections of {@code elf} by address: the image the linker laid out, for
   * reading initialized data (string tables, funcdata) without a process.
   *
   * @param elf an open ELF file
   * @return the image; its buffers stay valid after the file is closed
   */
  public static ImageMemory imageMemory(ElfFile elf) {
    return new SectionMemory(ImageSection.all(elf));
  }

  /**
   * The pclntab: its own section, or, in position-independent binaries that Go before 1.26
   * linked externally, the range {@code runtime.pclntab..runtime.epclntab} inside
   * {@code .data.rel.ro}, or without symbols the first valid pclntab header there.
   */
  private static ImageSection pclntabSection(ElfFile elf) {
    return ImageSection.of(elf, ".gopclntab")
        .or(() -> ImageSection.of(elf, ".data.rel.ro.gopclntab"))
        .or(() -> elf.symbol("runtime.pclntab").flatMap(start -> elf.symbol("runtime.epclntab")
            .flatMap(end -> ImageSection.range(elf, start.value(), end.value()))))
        .or(() -> ImageSection.of(elf, ".data.rel.ro").flatMap(GoModules::searchPclntab))
        .orElseThrow(() -> new NotAGoBinaryException("no .gopclntab section", elf.name()));
  }

  /**
   * Finds a pclntab by its header in {@code section}: a {@link PclntabFormat} magic number,
   * 4-byte aligned, followed by a header {@link PclntabFormat#of} accepts. The table runs to
   * the section's end.
   */
  private static Optional<ImageSection> searchPclntab(ImageSection section) {
    ByteBuffer b = section.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 0; off + PCLNTAB_HEADER_MIN <= b.limit(); off += 4) {
      if (!PclntabFormat.isMagic(b.getInt(off))) {
        continue;
      }
      ByteBuffer table = b.slice(off, b.limit() - off);
      try {
        PclntabFormat.of(table);
        return Optional.of(new ImageSection(section.name(), section.address() + off, table));
      } catch (BinaryFormatException notAHeader) {
        // data that merely starts like one
      }
    }
    return Optional.empty();
  }
}
