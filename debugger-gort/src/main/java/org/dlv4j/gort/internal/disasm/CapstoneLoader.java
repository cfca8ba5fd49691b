package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a Capstone 4.0 library that decodes an architecture. It tries, in order:
 * <ol>
 *   <li>the {@code libcapstone.so} on the class path under JNA's resource prefix for this host
 *       ({@code linux-x86-64/}, {@code linux-aarch64/}), which the
 *       {@code com.github.zhkl0228:capstone} jar supplies; its builds decode ARM and ARM64 but
 *       not x86;</li>
 *   <li>the system's {@code libcapstone.so.4} (e.g. Debian's {@code libcapstone4}), which
 *       decodes every architecture.</li>
 * </ol>
 * Each library is loaded at most once per JVM and stays loaded; the first that has the
 * architecture and API version 4.0 wins. Thread-safe.
 */
final class CapstoneLoader {
  private static final System.Logger LOG = System.getLogger("debugger");
  /** Capstone's API version 4.0, as {@code cs_version} returns it. */
  private static final int API_4_0 = 4 << 8;
  private static final String BUNDLED = Platform.RESOURCE_PREFIX + "/"
      + System.mapLibraryName("capstone");
  private static final String SYSTEM = "libcapstone.so.4";

  private static List<Candidate> candidates;

  private CapstoneLoader() {}

  /** A library that loaded, or the reason it did not. */
  private record Candidate(String name, CapstoneLibrary library, String problem) {}

  /** A loaded library that decodes an architecture, and where it came from. */
  record Loaded(String source, CapstoneLibrary library) {}

  /**
   * Returns a library that decodes {@code arch}.
   *
   * @throws DisassemblerUnavailableException if none does; the message says why for each
   */
  static Loaded load(CapstoneArch arch) {
    List<String> reasons = new ArrayList<>();
    for (Candidate c : candidates()) {
      if (c.library == null) {
        reasons.add(c.name + ": " + c.problem);
      } else if (c.library.cs_support(arch.csArch) == 0) {
        reasons.add(c.name + ": built without " + arch.goArch);
      } else {
        return new Loaded(c.name, c.library);
      }
    }
    throw new DisassemblerUnavailableException("no Capstone 4.0 library decodes " + arch.goArch
        + " (" + String.join("; ", reasons) + ")");
  }

  private static synchronized List<Candidate> candidates() {
    if (candidates == null) {
      // Load the system library first: the bundled one has the same soname, and once it is
      // loaded, dlopen("libcapstone.so.4") would hand it back instead of searching the system.
      Candidate system = open(SYSTEM, SYSTEM);
      candidates = List.of(bundled(), system);
    }
    return candidates;
  }

  private static Candidate bundled() {
    String name = "class path " + BUNDLED;
    File file;
    try {
      file = Native.extractFromResourcePath("capstone", CapstoneLoader.class.getClassLoader());
    } catch (IOException e) {
      return new Candidate(name, null, "not found");
    }
    return open(name, file.getAbsolutePath());
  }

  private static Candidate open(String name, String path) {
    CapstoneLibrary lib;
    try {
      lib = Native.load(path, CapstoneLibrary.class);
    } catch (UnsatisfiedLinkError e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "cannot load " + name, e);
      // JNA lists every place it tried, one per line; the first two say enough
      String why = String.join(" ", e.getMessage().lines().limit(2).toList());
      return new Candidate(name, null, "cannot be loaded (" + why + ")");
    }
    int version = lib.cs_version(null, null);
    if (version != API_4_0) {
      return new Candidate(name, null, "API version " + (version >> 8) + "." + (version & 0xff)
          + ", not 4.0");
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "loaded Capstone 4.0 from " + name);
    return new Candidate(name, lib, null);
  }
}
