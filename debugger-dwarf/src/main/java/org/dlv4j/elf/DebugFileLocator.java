package org.dlv4j.elf;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.dlv4j.api.DebuggerException;

/**
 * Finds the separate debug-info file of a stripped binary, in gdb's order:
 * <ol>
 *   <li>by GNU build ID: {@code D/.build-id/xx/rest.debug} for each global directory D, where
 *       {@code xx} is the first byte of the ID in hex and {@code rest} the others; the
 *       candidate's own build ID must match;
 *   <li>by {@code .gnu_debuglink}: the linked name next to the binary, in its {@code .debug/}
 *       subdirectory, then in {@code D/<binary's directory>/} for each global directory D; the
 *       candidate's CRC-32 must match the one in the link.
 * </ol>
 * The binary's path is resolved through symbolic links first. Candidates that do not match, or
 * cannot be read as ELF, are logged (System.Logger {@code "dwarf"}) and skipped.
 *
 * <pre>{@code
 * Optional<Path> debug = new DebugFileLocator().locate(Path.of("/usr/bin/app"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DebugFileLocator {
  /** The global debug directory used when none is configured. */
  public static final Path DEFAULT_DIRECTORY = Path.of("/usr/lib/debug");

  private static final System.Logger LOG = System.getLogger("dwarf");

  private final List<Path> directories;

  /** Creates a locator that searches {@link #DEFAULT_DIRECTORY}. */
  public DebugFileLocator() {
    this(List.of(DEFAULT_DIRECTORY));
  }

  /**
   * Creates a locator that searches the given global debug directories, in order.
   *
   * @param directories e.g. {@code [/usr/lib/debug]}; may be empty to search only next to the
   *     binary
   */
  public DebugFileLocator(List<Path> directories) {
    this.directories = List.copyOf(directories);
  }

  /** {@return the global debug directories searched, in order} */
  public List<Path> directories() {
    return directories;
  }

  /**
   * Finds the debug file of a binary, opening the binary to read its build ID and debug link.
   *
   * @param binary the executable or shared object
   * @return the debug file, or empty if none is found
   * @throws BinaryIoException if the binary cannot be read
   * @throws org.dlv4j.api.BinaryFormatException if the binary is malformed
   */
  public Optional<Path> locate(Path binary) {
    try (ElfFile elf = ElfFile.open(binary)) {
      return locate(binary, elf);
    }
  }

  /**
   * Finds the debug file of a binary that is already open.
   *
   * @param binary the path {@code elf} was opened from
   * @param elf the open binary
   * @return the debug file, or empty if none is found
   * @throws org.dlv4j.api.BinaryFormatException if the binary's notes or debug link are malformed
   */
  public Optional<Path> locate(Path binary, ElfFile elf) {
    Optional<String> buildId = elf.buildId().filter(id -> id.length() > 2);
    if (buildId.isPresent()) {
      String id = buildId.get();
      for (Path dir : directories) {
        Path candidate = dir.resolve(".build-id").resolve(id.substring(0, 2))
            .resolve(id.substring(2) + ".debug");
        if (Files.isRegularFile(candidate) && hasBuildId(candidate, id)) {
          return Optional.of(candidate);
        }
      }
    }
    Optional<DebugLink> link = elf.debugLink();
    if (link.isEmpty() || link.get().name().isEmpty() || link.get().name().contains("/")) {
      return Optional.empty();
    }
    for (Path candidate : linkCandidates(realPath(binary), link.get().name())) {
      if (Files.isRegularFile(candidate) && !isSameFile(candidate, binary)
          && hasCrc(candidate, link.get().crc32())) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private List<Path> linkCandidates(Path binary, String name) {
    Path dir = binary.toAbsolutePath().getParent();
    List<Path> out = new ArrayList<>();
    out.add(dir.resolve(name));
    out.add(dir.resolve(".debug").resolve(name));
    Path relativeDir = dir.getRoot() == null ? dir : dir.getRoot().relativize(dir);
    for (Path global : directories) {
      out.add(global.resolve(relativeDir).resolve(name));
    }
    return out;
  }

  private static boolean hasBuildId(Path candidate, String id) {
    try (ElfFile debug = ElfFile.open(candidate)) {
      Optional<String> actual = debug.buildId();
      if (actual.isPresent() && actual.get().equals(id)) {
        return true;
      }
      LOG.log(Level.WARNING, "ignoring {0}: build ID {1}, expected {2}", candidate,
          actual.orElse("(none)"), id);
    } catch (DebuggerException e) {
      LOG.log(Level.WARNING, "ignoring unreadable debug file " + candidate, e);
    }
    return false;
  }

  private static boolean hasCrc(Path candidate, long expected) {
    long actual;
    try {
      actual = crc32(candidate);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "ignoring unreadable debug file " + candidate, e);
      return false;
    }
    if (actual != expected) {
      LOG.log(Level.WARNING, "ignoring {0}: CRC-32 {1}, .gnu_debuglink expects {2}", candidate,
          String.format("%08x", actual), String.format("%08x", expected));
      return false;
    }
    return true;
  }

  private static long crc32(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        crc.update(buf, 0, n);
      }
    }
    return crc.getValue();
  }

  private static Path realPath(Path binary) {
    try {
      return binary.toRealPath();
    } catch (IOException e) {
      return binary.toAbsolutePath();
    }
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
