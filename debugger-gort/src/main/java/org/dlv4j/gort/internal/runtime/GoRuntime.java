package org.dlv4j.gort.internal.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.dwarf.Dwarf;
import org.dlv4j.dwarf.frame.CallFrameInfo;
import org.dlv4j.dwarf.frame.FrameSection;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Symbol;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.GoVersion;
import org.dlv4j.gort.internal.image.GoModules;
import org.dlv4j.gort.internal.image.ModuleData;
import org.dlv4j.gort.pclntab.ImageMemory;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * What the debugger knows about the Go runtime of one binary, loaded once: its version and
 * architecture, the {@link RuntimeLayout} of its structs, the addresses of its globals, its
 * wait-reason names, its code ({@link CodeMap}) and its call frame information. Built from
 * the binary alone, so one instance serves every stop of every process running the binary
 * (with the same load bias). Immutable and thread-safe. It keeps the ELF file for the names of
 * C functions ({@link #symbolAt}).
 */
public final class GoRuntime {
  private static final System.Logger LOG = System.getLogger("debugger");

  private final GoVersion version;
  private final Arch arch;
  private final RuntimeLayout layout;
  private final RuntimeGlobals globals;
  private final WaitReasons waitReasons;
  private final CodeMap code;
  private final Optional<CallFrameInfo> cfi;
  private final ElfFile elf;

  GoRuntime(GoVersion version, Arch arch, RuntimeLayout layout, RuntimeGlobals globals,
      WaitReasons waitReasons, CodeMap code, Optional<CallFrameInfo> cfi, ElfFile elf) {
    this.version = version;
    this.arch = arch;
    this.layout = layout;
    this.globals = globals;
    this.waitReasons = waitReasons;
    this.code = code;
    this.cfi = cfi;
    this.elf = elf;
  }

  /**
   * Loads the runtime facts of a binary.
   *
   * @param elf the binary (its mapped sections are kept)
   * @param dwarf its DWARF, if it has any
   * @param pclntab its pclntab
   * @param version its Go version
   * @param arch its architecture
   * @param staticBase the load bias of the process running it (0 unless PIE)
   * @return the runtime facts
   * @throws org.dlv4j.api.DebuggerException if the runtime layout cannot be determined
   */
  public static GoRuntime load(ElfFile elf, Optional<Dwarf> dwarf, Pclntab pclntab, GoVersion version,
      Arch arch, long staticBase) {
    ImageMemory image = GoModules.imageMemory(elf);
    long gofunc = GoModules.moduleData(elf).map(ModuleData::gofunc).orElse(0L);
    RuntimeLayout layout = RuntimeLayout.of(dwarf, version, arch);
    WaitReasons reasons = ownWaitReasons(elf, image).orElseGet(() -> WaitReasons.forVersion(version));
    GoRuntime rt = new GoRuntime(version, arch, layout, RuntimeGlobals.find(elf, dwarf, arch, image), reasons,
        new CodeMap(pclntab, staticBase, gofunc, image), frameInfo(elf), elf);
    LOG.log(Level.DEBUG, () -> elf.name() + ": " + layout + ", " + reasons + ", g location "
        + rt.globals.gLocation());
    return rt;
  }

  /** Reads the binary's own {@code runtime.waitReasonStrings}, located by its symbol (which gives its size). */
  private static Optional<WaitReasons> ownWaitReasons(ElfFile elf, ImageMemory image) {
    return elf.symbol("runtime.waitReasonStrings")
        .flatMap(sym -> WaitReasons.fromImage(sym.value(), sym.size(), image));
  }

  private static Optional<CallFrameInfo> frameInfo(ElfFile elf) {
    List<FrameSection> sections = new ArrayList<>();
    elf.sectionData(".debug_frame").ifPresent(b -> sections.add(FrameSection.debugFrame(b)));
    elf.section(".eh_frame").ifPresent(s -> elf.sectionData(s)
        .ifPresent(b -> sections.add(FrameSection.ehFrame(b, s.address()))));
    return sections.isEmpty() ? Optional.empty()
        : Optional.of(CallFrameInfo.of(sections.toArray(new FrameSection[0])));
  }

  /** {@return the binary's Go version} */
  public GoVersion version() {
    return version;
  }

  /** {@return the binary's architecture} */
  public Arch arch() {
    return arch;
  }

  /** {@return the offsets of the runtime structs} */
  public RuntimeLayout layout() {
    return layout;
  }

  /** {@return the addresses of the runtime globals and where threads keep their g} */
  public RuntimeGlobals globals() {
    return globals;
  }

  /** {@return the names of wait reasons} */
  public WaitReasons waitReasons() {
    return waitReasons;
  }

  /** {@return the binary's code, in process addresses} */
  public CodeMap code() {
    return code;
  }

  /** {@return the call frame information ({@code .debug_frame}, {@code .eh_frame}), if any} */
  public Optional<CallFrameInfo> callFrameInfo() {
    return cfi;
  }

  /**
   * Returns the location of a pc: by the pclntab in Go code, else by the ELF symbol containing
   * it (C code of a cgo binary, without file and line).
   *
   * @param pc a process address
   * @return the location
   */
  public CodeLocation location(long pc) {
    CodeLocation loc = code.location(pc);
    return loc.function().isPresent() ? loc : new CodeLocation(pc, "?", 0, symbolAt(pc));
  }

  /**
   * Returns the name of the ELF symbol (a C function of a cgo binary, say) containing a pc the
   * pclntab does not know. Needs the ELF file to be open.
   *
   * @param pc a process address
   * @return the symbol's name, or empty if none contains it or the file is closed
   */
  public Optional<String> symbolAt(long pc) {
    try {
      return elf.symbolAt(pc - code.staticBase()).map(Symbol::name);
    } catch (IllegalStateException closed) {
      return Optional.empty();
    }
  }

  /** {@return whether return addresses live in a link register (arm64) rather than on the stack} */
  public boolean usesLinkRegister() {
    return arch == Arch.ARM64;
  }

  /** {@return the size of a pointer} */
  public int ptrSize() {
    return arch.ptrSize();
  }
}
