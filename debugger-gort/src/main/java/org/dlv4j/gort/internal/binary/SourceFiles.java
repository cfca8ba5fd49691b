package org.dlv4j.gort.internal.binary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.dlv4j.api.LocationNotFoundException;

/**
 * The source files of a binary, sorted, and the rule that matches a file as a user writes it in
 * a location spec: the exact path, or else the one path that ends with {@code "/" + file}
 * (Delve's partial-path match). Immutable and thread-safe.
 */
public final class SourceFiles {
  private final List<String> sorted;

  /**
   * Sorts and de-duplicates the file names.
   *
   * @param files the binary's source files, in any order
   */
  public SourceFiles(List<String> files) {
    this.sorted = Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(files)));
  }

  /** {@return the files, sorted, each once} */
  public List<String> all() {
    return sorted;
  }

  /**
   * Finds the file that {@code spec} names.
   *
   * @param spec a full path, or a suffix of one that starts after a {@code '/'}
   *     ({@code main.go}, {@code app/main.go})
   * @param locspec the location being resolved, for the error message ({@code main.go:12})
   * @return the full path, or empty if no file matches
   * @throws LocationNotFoundException if several files match; the message lists them
   */
  public Optional<String> resolve(String spec, String locspec) {
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    if (Collections.binarySearch(sorted, spec) >= 0) {
      return Optional.of(spec);
    }
    String suffix = spec.startsWith("/") ? spec : "/" + spec;
    List<String> candidates = new ArrayList<>();
    for (String f : sorted) {
      if (f.endsWith(suffix)) {
        candidates.add(f);
      }
    }
    if (candidates.size() > 1) {
      throw new LocationNotFoundException(locspec,
          "ambiguous: " + spec + " matches " + candidates.size() + " files: " + String.join(", ", candidates));
    }
    return candidates.stream().findFirst();
  }
}
