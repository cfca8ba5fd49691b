package org.dlv4j.dwarf.frame;

import java.util.function.Consumer;
import org.dlv4j.dwarf.ByteBuilder;

/**
 * Test-only writer of call-frame sections in either flavour and either DWARF format: it frames
 * entries with their initial length and writes CIE ids and CIE pointers the way the section
 * kind wants them.
 */
final class CfiBuilder {
  final ByteBuilder out = new ByteBuilder();
  private final FrameSection.Kind kind;
  private final boolean dwarf64;

  CfiBuilder(FrameSection.Kind kind, boolean dwarf64) {
    this.kind = kind;
    this.dwarf64 = dwarf64;
  }

  static CfiBuilder debugFrame() {
    return new CfiBuilder(FrameSection.Kind.DEBUG_FRAME, false);
  }

  static CfiBuilder ehFrame() {
    return new CfiBuilder(FrameSection.Kind.EH_FRAME, false);
  }

  /** Writes an entry: initial length, then {@code body}; returns the entry's offset. */
  int entry(Consumer<ByteBuilder> body) {
    int start = out.position();
    if (dwarf64) {
      out.u32(0xffff_ffffL).u64(0);
    } else {
      out.u32(0);
    }
    int contentStart = out.position();
    body.accept(out);
    int length = out.position() - contentStart;
    if (dwarf64) {
      out.patch(start + 4, length, 8);
    } else {
      out.patch(start, length, 4);
    }
    return start;
  }

  /**
   * Writes a CIE: id, version, augmentation, (v4: address and segment size), alignment
   * factors, return address column, then {@code rest} (augmentation data, instructions).
   */
  int cie(int version, String augmentation, long codeAlign, long dataAlign, int ra,
      Consumer<ByteBuilder> rest) {
    return entry(b -> {
      if (kind == FrameSection.Kind.EH_FRAME) {
        b.u32(0);
      } else if (dwarf64) {
        b.u64(-1L);
      } else {
        b.u32(0xffff_ffffL);
      }
      b.u8(version).cstring(augmentation);
      if (version == 4) {
        b.u8(8, 0);
      }
      b.uleb(codeAlign).sleb(dataAlign);
      if (version == 1) {
        b.u8(ra);
      } else {
        b.uleb(ra);
      }
      rest.accept(b);
    });
  }

  /** The usual amd64 CIE of .debug_frame: cf=1, df=-8, ra=16, CFA=rsp+8, rip at cfa-8. */
  int amd64Cie(int version) {
    return cie(version, "", 1, -8, 16, b -> b.u8(0x0c, 7, 8, 0x80 | 16, 1));
  }

  /** Writes an FDE pointing at the CIE at {@code cieOffset}, then {@code rest}. */
  int fde(int cieOffset, Consumer<ByteBuilder> rest) {
    return entry(b -> {
      if (kind == FrameSection.Kind.EH_FRAME) {
        b.u32(b.position() - cieOffset);
      } else if (dwarf64) {
        b.u64(cieOffset);
      } else {
        b.u32(cieOffset);
      }
      rest.accept(b);
    });
  }

  /** An FDE with 8-byte absolute addresses and no augmentation data. */
  int fde(int cieOffset, long start, long range, int... instructions) {
    return fde(cieOffset, b -> b.u64(start).u64(range).u8(instructions));
  }

  FrameSection section() {
    return kind == FrameSection.Kind.EH_FRAME
        ? FrameSection.ehFrame(out.buffer(), 0)
        : FrameSection.debugFrame(out.buffer());
  }

  CallFrameInfo cfi() {
    return CallFrameInfo.of(section());
  }
}
