package org.dlv4j.dwarf.frame;

import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/** One call-frame section prepared for reading: its description and a cursor over it. */
final class SectionReader {
  final FrameSection section;
  final boolean eh;
  private final ByteCursor cursor;

  SectionReader(FrameSection section) {
    this.section = section;
    this.eh = section.kind() == FrameSection.Kind.EH_FRAME;
    this.cursor = new ByteCursor(section.data(), section.kind().sectionName());
  }

  /** Returns a new cursor at offset 0; cursors are cheap and not thread-safe. */
  ByteCursor cursor() {
    return cursor.duplicate().seek(0);
  }

  BinaryFormatException error(String detail, long offset) {
    return cursor.error(detail, offset);
  }
}
