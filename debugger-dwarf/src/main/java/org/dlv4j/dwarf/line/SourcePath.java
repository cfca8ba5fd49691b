package org.dlv4j.dwarf.line;

/** Joins the directory and file names of line tables into full paths. */
final class SourcePath {
  private SourcePath() {}

  /**
   * Joins {@code dir} and {@code name}. An absolute {@code name} wins; an empty or {@code "."}
   * directory adds nothing (Go writes {@code "."} as its compilation directory).
   */
  static String join(String dir, String name) {
    if (isAbsolute(name) || dir.isEmpty() || dir.equals(".")) {
      return name;
    }
    if (name.isEmpty()) {
      return dir;
    }
    char last = dir.charAt(dir.length() - 1);
    String sep = last == '/' || last == '\\' ? "" : dir.indexOf('\\') >= 0 ? "\\" : "/";
    return dir + sep + name;
  }

  /** Returns whether {@code path} is absolute: {@code /x}, Windows {@code C:\x}, {@code \\h}. */
  static boolean isAbsolute(String path) {
    if (path.startsWith("/") || path.startsWith("\\")) {
      return true;
    }
    return path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
        && (path.charAt(2) == '/' || path.charAt(2) == '\\');
  }
}
