package org.dlv4j.gort.internal.target;

import java.util.List;
import org.dlv4j.api.LocationNotFoundException;

/**
 * Matches the file of a {@code file:line} breakpoint against the source files of the binary, as
 * Delve does: the exact path, or else the one path that ends with {@code "/" + file}.
 */
final class SourceFiles {
  private SourceFiles() { }

  /**
   * Finds the binary's source file that {@code file} names.
   *
   * @param file an absolute path, or a suffix of one that starts after a {@code '/'}
   * @param known the source files of the binary
   * @param locspec the location being resolved, for the error
   * @return the full path
   * @throws LocationNotFoundException if no file, or more than one, matches
   */
  static String match(String file, List<String> known, String locspec) {
    if (known.contains(file)) {
      return file;
    }
    List<String> candidates = known.stream().filter(k -> k.endsWith("/" + file)).sorted()
        .toList();
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    throw new LocationNotFoundException(locspec, candidates.isEmpty()
        ? "no source file " + file
        : file + " matches several files: " + String.join(", ", candidates));
  }
}
