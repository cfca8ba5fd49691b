package org.dlv4j.gort.internal.image;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What the locator needs of an object file: its loaded sections and its symbols. */
public interface ObjectImage {
  /** Returns a name for messages, e.g. the file path. */
  String name();

  /** Returns the allocated sections that have file contents, in any order. */
  List<ImageSection> sections();

  /** Returns the value of symbol {@code name}, or empty (always empty when stripped). */
  OptionalLong symbol(String name);

  /** Returns the section called {@code name}. */
  default Optional<ImageSection> section(String name) {
    return sections().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
