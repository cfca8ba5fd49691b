package org.dlv4j.gort.internal.image;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.gort.pclntab.Pclntab;
import org.dlv4j.gort.pclntab.PclntabFormat;

/** Loads the pclntab of an object file, with the text start and funcdata base it needs. */
public final class GoModules {
  private static final Logger LOG = System.getLogger("debugger");

  private GoModules() {
  }

  /**
   * Loads the pclntab of {@code image}. Inline trees are available if the module data is found
   * (see {@link ModuleData}); otherwise the table still serves functions and lines, and a
   * warning is logged.
   *
   * @throws BinaryFormatException if there is no pclntab section or it is malformed or too old
   */
  public static Pclntab pclntab(ObjectImage image) {
    ImageSection tab = pclntabSection(image);
    PclntabFormat format = PclntabFormat.of(tab.data());
    SectionMemory memory = new SectionMemory(image.sections());
    Optional<ModuleData> md = ModuleData.find(image, tab, format, memory);
    if (md.isPresent()) {
      LOG.log(Level.DEBUG, () -> image.name() + ": module data at 0x" + Long.toHexString(md.get().address())
          + " found by " + md.get().foundBy());
      return Pclntab.parse(tab.data(), md.get().text(), md.get().gofunc(), memory);
    }
    LOG.log(Level.WARNING, () -> image.name() + ": runtime.firstmoduledata not found; inline trees unavailable");
    long text = image.symbol("runtime.text").orElseGet(() -> image.section(".text")
        .orElseThrow(() -> new BinaryFormatException("no .text section", image.name(), 0)).address());
    return Pclntab.parse(tab.data(), text);
  }

  /** Finds the module data of {@code image}; for tests and diagnostics. */
  public static Optional<ModuleData> moduleData(ObjectImage image) {
    ImageSection tab = pclntabSection(image);
    return ModuleData.find(image, tab, PclntabFormat.of(tab.data()), new SectionMemory(image.sections()));
  }

  private static ImageSection pclntabSection(ObjectImage image) {
    return image.section(".gopclntab")
        .or(() -> image.section(".data.rel.ro.gopclntab"))
        .orElseThrow(() -> new BinaryFormatException("no .gopclntab section: not a Go binary", image.name(), 0));
  }
}
