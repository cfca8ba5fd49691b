package org.dlv4j.gort;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.ByteCursor;
import org.dlv4j.elf.ElfFile;

/**
 * The build information the Go linker stores in {@code .go.buildinfo} (Go 1.18+): the toolchain
 * version, the main package and module, the dependencies and the build settings, as
 * {@code go version -m} prints them. Immutable.
 *
 * <pre>{@code
 * BuildInfo info = BuildInfo.read(elf);
 * info.goVersion();                 // "go1.26.8"
 * info.version().get().atLeast(1, 24);
 * info.setting("GOARCH");           // Optional["amd64"]
 * }</pre>
 *
 * @param goVersion the toolchain version string, e.g. {@code go1.26.8} or
 *     {@code go1.26.8 X:nodwarf5}
 * @param path the import path of the main package, or {@code ""} if not recorded
 * @param mainModule the main module, or empty if the binary was built outside a module
 * @param dependencies the modules the binary was built from, in the recorded order
 * @param settings the build settings ({@code -gcflags}, {@code CGO_ENABLED}, {@code GOARCH},
 *     {@code vcs.revision}…) in the recorded order
 */
public record BuildInfo(
    String goVersion,
    String path,
    Optional<Module> mainModule,
    List<Module> dependencies,
    Map<String, String> settings) {

  private static final String WHERE = ".go.buildinfo";
  private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final int HEADER_SIZE = 32;
  private static final int FLAGS_VERSION_INLINE = 0x2;
  private static final int FLAGS_BIG_ENDIAN = 0x1;

  /**
   * A module: path, version and checksum, possibly replaced by another.
   *
   * @param path the module path, e.g. {@code golang.org/x/sys}
   * @param version the version, e.g. {@code v0.30.0} or {@code (devel)}
   * @param sum the go.sum checksum, or {@code ""}
   * @param replacement the module that replaced it ({@code =>} line), if any
   */
  public record Module(String path, String version, String sum, Optional<Module> replacement) {
    /**
     * Checks for nulls.
     *
     * @param path the module path
     * @param version the version
     * @param sum the checksum, or {@code ""}
     * @param replacement the replacing module, if any
     */
    public Module {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(sum, "sum");
      Objects.requireNonNull(replacement, "replacement");
    }
  }

  /**
   * Copies the collections.
   *
   * @param goVersion the toolchain version string
   * @param path the main package's import path, or {@code ""}
   * @param mainModule the main module, if recorded
   * @param dependencies the dependencies in recorded order
   * @param settings the build settings in recorded order
   */
  public BuildInfo {
    Objects.requireNonNull(goVersion, "goVersion");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mainModule, "mainModule");
    dependencies = List.copyOf(dependencies);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /**
   * Reads the build information of a Go ELF binary from its {@code .go.buildinfo} section.
   *
   * @param elf an open ELF file
   * @return the build information
   * @throws NotAGoBinaryException if there is no such section
   * @throws BinaryFormatException see {@link #parse(ByteBuffer)}
   */
  public static BuildInfo read(ElfFile elf) {
    return parse(elf.sectionData(WHERE)
        .orElseThrow(() -> new NotAGoBinaryException("no .go.buildinfo section", elf.name())));
  }

  /**
   * Parses the contents of a {@code .go.buildinfo} section.
   *
   * @param section the section's bytes, from its position to its limit
   * @return the build information
   * @throws BinaryFormatException if there is no build information blob, it is truncated or
   *     malformed, or it is in the pointer format of Go 1.17 and older (unsupported)
   */
  public static BuildInfo parse(ByteBuffer section) {
    ByteCursor c = new ByteCursor(section, WHERE);
    int start = findMagic(c);
    c.seek(start + MAGIC.length);
    c.u8(); // pointer size: used only by the old pointer format
    int flags = c.u8();
    if ((flags & FLAGS_VERSION_INLINE) == 0) {
      throw c.error("unsupported Go version: build information in the pointer format of Go 1.17 and "
          + "older; Go 1.18 or later is required", start + MAGIC.length + 1);
    }
    if ((flags & FLAGS_BIG_ENDIAN) != 0) {
      throw c.error("big-endian build information is not supported", start + MAGIC.length + 1);
    }
    c.seek(start + HEADER_SIZE);
    String version = string(c);
    int modStart = c.position();
    String mod = string(c);
    if (version.isEmpty()) {
      throw c.error("empty Go version", start + HEADER_SIZE);
    }
    // The module information is framed by two 16-byte sentinels (cmd/go/internal/modload).
    mod = mod.length() >= 33 && mod.charAt(mod.length() - 17) == '\n' ? mod.substring(16, mod.length() - 16) : "";
    return ModInfoParser.parse(version, mod, c, modStart);
  }

  /** {@return the Go version, parsed; empty if the version string is not one GoVersion knows} */
  public Optional<GoVersion> version() {
    return GoVersion.parse(goVersion);
  }

  /**
   * Returns a build setting.
   *
   * @param key e.g. {@code "-gcflags"}, {@code "GOAMD64"}, {@code "vcs.revision"}
   * @return the setting's value, or empty if the binary does not record it
   */
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  private static int findMagic(ByteCursor c) {
    ByteBuffer probe = c.duplicate().seek(0).view(c.limit());
    for (int off = 0; off + HEADER_SIZE <= c.limit(); off += 16) { // the blob is 16-byte aligned
      boolean match = true;
      for (int i = 0; i < MAGIC.length && match; i++) {
        match = probe.get(off + i) == MAGIC[i];
      }
      if (match) {
        return off;
      }
    }
    throw c.error("no Go build information (magic \"\\xff Go buildinf:\" not found)", 0);
  }

  /** Reads a uvarint-prefixed string. */
  private static String string(ByteCursor c) {
    int at = c.position();
    long length = c.uleb();
    if (length < 0 || length > c.remaining()) {
      throw c.error("string of " + Long.toUnsignedString(length) + " bytes runs past the end", at);
    }
    return new String(c.bytes((int) length), StandardCharsets.UTF_8);
  }

  /** Parses the module information text (the reverse of runtime/debug.BuildInfo.String). */
  private static final class ModInfoParser {
    private ModInfoParser() {
    }

    static BuildInfo parse(String version, String text, ByteCursor c, int offset) {
      String path = "";
      Module main = null;
      List<Module> deps = new ArrayList<>();
      Map<String, String> settings = new LinkedHashMap<>();
      boolean lastIsMain = false; // which module a "=>" line replaces; none after a replacement
      boolean lastIsDep = false;
      String[] lines = text.split("\n", -1);
      for (int n = 0; n < lines.length; n++) {
        String line = lines[n];
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "path":
            path = line.substring(5);
            break;
          case "mod":
            main = module(f, c, offset, n);
            lastIsMain = true;
            lastIsDep = false;
            break;
          case "dep":
            deps.add(module(f, c, offset, n));
            lastIsMain = false;
            lastIsDep = true;
            break;
          case "=>":
            if (f.length != 4) {
              throw c.error("replacement line " + (n + 1) + " needs 3 columns", offset);
            }
            Optional<Module> replaced = Optional.of(new Module(f[1], f[2], f[3], Optional.empty()));
            if (lastIsDep) {
              Module last = deps.remove(deps.size() - 1);
              deps.add(new Module(last.path(), last.version(), last.sum(), replaced));
            } else if (lastIsMain) {
              main = new Module(main.path(), main.version(), main.sum(), replaced);
            } else {
              throw c.error("replacement on line " + (n + 1) + " without a module", offset);
            }
            lastIsMain = false;
            lastIsDep = false;
            break;
          case "build":
            setting(line.substring(6), settings, c, offset, n);
            break;
          default:
            break; // "go" lines, blank lines and future additions
        }
      }
      return new BuildInfo(version, path, Optional.ofNullable(main), deps, settings);
    }

    private static Module module(String[] f, ByteCursor c, int offset, int n) {
      if (f.length != 3 && f.length != 4) {
        throw c.error("module line " + (n + 1) + " needs 2 or 3 columns", offset);
      }
      return new Module(f[1], f[2], f.length == 4 ? f[3] : "", Optional.empty());
    }

    /** Parses {@code key=value}, where either may be a Go-quoted string. */
    private static void setting(String kv, Map<String, String> settings, ByteCursor c, int offset, int n) {
      String key;
      String rawValue;
      if (kv.startsWith("\"") || kv.startsWith("`")) {
        int end = quotedEnd(kv);
        if (end < 0 || end >= kv.length() || kv.charAt(end) != '=') {
          throw c.error("bad quoted key on build line " + (n + 1), offset);
        }
        key = GoQuoted.unquote(kv.substring(0, end))
            .orElseThrow(() -> c.error("bad quoted key on build line " + (n + 1), offset));
        rawValue = kv.substring(end + 1);
      } else {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw c.error("build line " + (n + 1) + " is not key=value", offset);
        }
        key = kv.substring(0, eq);
        rawValue = kv.substring(eq + 1);
      }
      String value = rawValue.startsWith("\"") || rawValue.startsWith("`")
          ? GoQuoted.unquote(rawValue).orElseThrow(() -> c.error("bad quoted value on build line " + (n + 1), offset))
          : rawValue;
      settings.put(key, value);
    }

    /** Returns the index just past the quoted string at the start of {@code s}, or -1. */
    private static int quotedEnd(String s) {
      char q = s.charAt(0);
      for (int i = 1; i < s.length(); i++) {
        if (s.charAt(i) == '\\' && q == '"') {
          i++;
        } else if (s.charAt(i) == q) {
          return i + 1;
        }
      }
      return -1;
    }
  }
}
