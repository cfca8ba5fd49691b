package org.dlv4j.dwarf.internal.info;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dlv4j.dwarf.SectionId;
import org.dlv4j.dwarf.SectionLoader;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * The debug sections of one object, each loaded at most once on first use and kept. Thread-safe.
 * The cursors handed out are shared: callers read them with the absolute methods
 * ({@link ByteCursor#unsignedAt}, {@link ByteCursor#cstringAt}) or {@link ByteCursor#duplicate()}
 * them before moving.
 */
public final class DebugSections {
  private final SectionLoader loader;
  private final String fileName;
  private final Map<SectionId, Optional<Loaded>> loaded = new ConcurrentHashMap<>();

  /** The loader's buffer and a cursor over it. */
  private record Loaded(ByteBuffer bytes, ByteCursor cursor) {}

  /**
   * Creates the section set.
   *
   * @param loader supplies section bytes
   * @param fileName the object's name, prefixed to section names in error messages; may be empty
   */
  public DebugSections(SectionLoader loader, String fileName) {
    this.loader = loader;
    this.fileName = fileName;
  }

  /** Returns the object's name given at creation. */
  public String fileName() {
    return fileName;
  }

  /** Returns a shared cursor over the section, or empty if the object has none. */
  public Optional<ByteCursor> cursor(SectionId id) {
    return load(id).map(Loaded::cursor);
  }

  /** Returns a read-only view of the section, or empty if the object has none. */
  public Optional<ByteBuffer> bytes(SectionId id) {
    return load(id).map(l -> l.bytes().asReadOnlyBuffer());
  }

  /**
   * Returns the shared cursor over a section that some data refers to.
   *
   * @param id the section needed
   * @param referrer the cursor over the referring data, for the error
   * @param at the offset of the reference in {@code referrer}'s section
   * @throws org.dlv4j.api.BinaryFormatException if the section is missing
   */
  public ByteCursor require(SectionId id, ByteCursor referrer, long at) {
    return cursor(id).orElseThrow(() ->
        referrer.error("reference into missing section " + id.elfName(), at));
  }

  private Optional<Loaded> load(SectionId id) {
    return loaded.computeIfAbsent(id, k -> loader.load(k).map(b -> {
      ByteBuffer slice = b.slice();
      return new Loaded(slice, new ByteCursor(slice, where(k)));
    }));
  }

  private String where(SectionId id) {
    return fileName.isEmpty() ? id.elfName() : fileName + " " + id.elfName();
  }
}
