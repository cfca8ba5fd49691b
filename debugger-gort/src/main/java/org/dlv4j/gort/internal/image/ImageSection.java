package org.dlv4j.gort.internal.image;

import java.nio.ByteBuffer;

/**
 * An allocated section with file contents (not NOBITS): name, virtual address and bytes.
 *
 * @param name the section name, e.g. {@code .rodata}
 * @param address the section's virtual address
 * @param data the section's contents; position 0 is {@code address}
 */
public record ImageSection(String name, long address, ByteBuffer data) {
  /** Returns whether {@code addr} lies inside the section. */
  public boolean contains(long addr) {
    return addr >= address && addr - address < data.limit();
  }
}
