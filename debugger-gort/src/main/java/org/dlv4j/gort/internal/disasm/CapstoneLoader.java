package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;

/**
 * Loads the Capstone 4.0 library that decodes arm64: the {@code libcapstone.so} on the class
 * path under JNA's resource prefix for this host ({@code linux-x86-64/}, {@code linux-aarch64/}),
 * which the {@code com.github.zhkl0228:capstone} jar supplies (its builds decode ARM and ARM64,
 * not x86). Loaded at most once per JVM; a failure is remembered too. Thread-safe.
 */
final class CapstoneLoader {
  private static final System.Logger LOG = System.getLogger("debugger");
  /** Capstone's API version 4.0, as {@code cs_version} returns it. */
  private static final int API_4_0 = 4 << 8;
  /** Where the library was found, for messages and {@code toString}. */
  static final String SOURCE = "class path " + Platform.RESOURCE_PREFIX + "/"
      + System.mapLibraryName("capstone");

  private static CapstoneLibrary library;
  private static String problem;

  private CapstoneLoader() {}

  /**
   * Returns the library.
   *
   * @throws DisassemblerUnavailableException if it cannot be loaded or does not decode arm64
   */
  static synchronized CapstoneLibrary load() {
    if (library == null && problem == null) {
      try {
        library = open();
      } catch (DisassemblerUnavailableException e) {
        problem = e.getMessage();
      }
    }
    if (library == null) {
      throw new DisassemblerUnavailableException(problem);
    }
    return library;
  }

  private static CapstoneLibrary open() {
    File file;
    try {
      file = Native.extractFromResourcePath("capstone", CapstoneLoader.class.getClassLoader());
    } catch (IOException e) {
      throw unavailable("not found (is com.github.zhkl0228:capstone on the class path?)", e);
    }
    CapstoneLibrary lib;
    try {
      lib = Native.load(file.getAbsolutePath(), CapstoneLibrary.class);
    } catch (UnsatisfiedLinkError e) {
      // JNA lists every place it tried, one per line; the first two say enough
      throw unavailable("cannot be loaded (" + String.join(" ", e.getMessage().lines().limit(2)
          .toList()) + ")", e);
    }
    int version = lib.cs_version(null, null);
    if (version != API_4_0) {
      throw unavailable("has API version " + (version >> 8) + "." + (version & 0xff)
          + ", not 4.0", null);
    }
    if (lib.cs_support(CapstoneLibrary.CS_ARCH_ARM64) == 0) {
      throw unavailable("was built without arm64", null);
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "loaded Capstone 4.0 from " + SOURCE);
    return lib;
  }

  private static DisassemblerUnavailableException unavailable(String why, Throwable cause) {
    return new DisassemblerUnavailableException("no arm64 disassembler: Capstone 4.0 library "
        + SOURCE + " " + why, cause);
  }
}
