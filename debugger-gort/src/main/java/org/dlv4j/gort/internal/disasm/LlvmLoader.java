package org.dlv4j.gort.internal.disasm;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.dlv4j.api.DisassemblerUnavailableException;

/**
 * Loads the {@code libLLVM.so} that decodes amd64 from the class path, where the
 * {@code org.bytedeco:llvm} jar for this host's platform puts it
 * ({@code org/bytedeco/llvm/linux-x86_64/} or {@code linux-arm64/}), and registers LLVM's x86
 * target. The library (about 170 MB) is copied to a temporary file, opened with
 * {@code RTLD_LOCAL} so that its symbols stay private, and the file is deleted right away.
 * Loaded at most once per JVM; a failure is remembered too. Thread-safe.
 */
final class LlvmLoader {
  private static final System.Logger LOG = System.getLogger("debugger");
  /** {@code RTLD_LAZY}, without {@code RTLD_GLOBAL}. */
  private static final int RTLD_LAZY_LOCAL = 1;

  private static Loaded loaded;
  private static String problem;

  private LlvmLoader() {}

  /**
   * A loaded library with its x86 target registered.
   *
   * @param source where it came from
   * @param version LLVM's version, e.g. "20.1.7"
   * @param library its C API
   */
  record Loaded(String source, String version, LlvmLibrary library) {}

  /**
   * Returns the library.
   *
   * @throws DisassemblerUnavailableException if it is not on the class path or cannot be loaded
   */
  static synchronized Loaded load() {
    if (loaded == null && problem == null) {
      try {
        loaded = open();
      } catch (DisassemblerUnavailableException e) {
        problem = e.getMessage();
      }
    }
    if (loaded == null) {
      throw new DisassemblerUnavailableException(problem);
    }
    return loaded;
  }

  /** Returns the JavaCPP name of this host's platform, or empty if LLVM's jars have none. */
  static String platform() {
    if (Platform.isLinux() && Platform.ARCH.equals("x86-64")) {
      return "linux-x86_64";
    }
    if (Platform.isLinux() && Platform.ARCH.equals("aarch64")) {
      return "linux-arm64";
    }
    return "";
  }

  private static Loaded open() {
    String platform = platform();
    if (platform.isEmpty()) {
      throw new DisassemblerUnavailableException("no amd64 disassembler for host "
          + Platform.RESOURCE_PREFIX + ": libLLVM comes for linux-x86_64 and linux-arm64 only");
    }
    String resource = "org/bytedeco/llvm/" + platform + "/libLLVM.so";
    String source = "class path " + resource;
    LlvmLibrary lib = loadCopy(resource, source);
    lib.LLVMInitializeX86TargetInfo();
    lib.LLVMInitializeX86TargetMC();
    lib.LLVMInitializeX86Disassembler();
    Memory v = new Memory(12);
    lib.LLVMGetVersion(v, v.share(4), v.share(8));
    String version = v.getInt(0) + "." + v.getInt(4) + "." + v.getInt(8);
    LOG.log(System.Logger.Level.DEBUG, () -> "loaded LLVM " + version + " from " + source);
    return new Loaded(source, version, lib);
  }

  private static LlvmLibrary loadCopy(String resource, String source) {
    Path copy = null;
    try (InputStream in = LlvmLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new DisassemblerUnavailableException("no amd64 disassembler: " + source
            + " not found (is org.bytedeco:llvm:" + platform() + " on the class path?)");
      }
      copy = Files.createTempFile("dlv4j-libLLVM", ".so");
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return Native.load(copy.toString(), LlvmLibrary.class,
          Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY_LOCAL));
    } catch (IOException e) {
      throw new DisassemblerUnavailableException("no amd64 disassembler: cannot copy " + source
          + " to a temporary file: " + e.getMessage(), e);
    } catch (UnsatisfiedLinkError e) {
      throw new DisassemblerUnavailableException("no amd64 disassembler: " + source
          + " cannot be loaded (" + String.join(" ", e.getMessage().lines().limit(2).toList())
          + ")", e);
    } finally {
      deleteQuietly(copy);
    }
  }

  /** Deletes the copy; once it is mapped, the mapping outlives the file. */
  private static void deleteQuietly(Path copy) {
    if (copy == null) {
      return;
    }
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "cannot delete " + copy, e);
    }
  }
}
