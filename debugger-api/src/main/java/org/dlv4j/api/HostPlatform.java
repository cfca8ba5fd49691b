package org.dlv4j.api;

import java.util.Locale;

/**
 * Names the JVM's platform the way Go does ({@code GOOS}/{@code GOARCH}), which is how engines
 * and artifacts name the platforms they support.
 */
final class HostPlatform {
  private HostPlatform() {}

  /** Maps an {@code os.name} value to its {@code GOOS} spelling, e.g. "Linux" to "linux". */
  static String goos(String osName) {
    String name = osName.toLowerCase(Locale.ROOT).replace(" ", "");
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("macosx") || name.equals("darwin")) {
      return "darwin";
    }
    return name;
  }

  /** Maps an {@code os.arch} value to its {@code GOARCH} spelling, e.g. "x86_64" to "amd64". */
  static String goarch(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "x86_64":
        return "amd64";
      case "aarch64":
        return "arm64";
      case "x86":
      case "i386":
      case "i486":
      case "i586":
      case "i686":
        return "386";
      case "loongarch64":
        return "loong64";
      default:
        return arch;
    }
  }
}
