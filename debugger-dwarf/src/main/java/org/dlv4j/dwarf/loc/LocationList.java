package org.dlv4j.dwarf.loc;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A location list from {@code .debug_loc} (DWARF 2-4) or {@code .debug_loclists} (DWARF 5),
 * with base-address entries applied and address indexes resolved.
 *
 * @param offset the list's offset in its section
 * @param entries the bounded entries in list order
 * @param defaultLocation the DW_LLE_default_location expression, used where no entry applies
 */
public record LocationList(long offset, List<LocationEntry> entries, Optional<ByteBuffer> defaultLocation)
    implements Location {

  /**
   * Copies the entry list.
   *
   * @param offset offset
   * @param entries entries
   * @param defaultLocation defaultLocation
   */
  public LocationList {
    entries = List.copyOf(entries);
  }

  /** Returns the first entry's expression whose range contains {@code pc}, else the default. */
  @Override
  public Optional<ByteBuffer> expressionAt(long pc) {
    for (LocationEntry e : entries) {
      if (e.range().contains(pc)) {
        return Optional.of(e.expression().duplicate());
      }
    }
    return defaultLocation.map(ByteBuffer::duplicate);
  }
}
