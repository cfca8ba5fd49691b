package org.dlv4j.dwarf.line;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * The sections a line-number program is read from: {@code .debug_line} itself and, for
 * version 5 headers whose paths use {@code DW_FORM_line_strp} or {@code DW_FORM_strp}, the
 * string sections. Each buffer is used from its position to its limit and is never modified;
 * the record is immutable and may be shared between threads as long as nobody writes to the
 * buffers.
 *
 * @param debugLine the {@code .debug_line} bytes
 * @param debugLineStr the {@code .debug_line_str} bytes, if the binary has that section
 * @param debugStr the {@code .debug_str} bytes, if the binary has that section
 */
public record LineSections(
    ByteBuffer debugLine, Optional<ByteBuffer> debugLineStr, Optional<ByteBuffer> debugStr) {

  /**
   * Keeps read-only views from each buffer's position, so later changes to it do not matter.
   *
   * @param debugLine the {@code .debug_line} bytes
   * @param debugLineStr the {@code .debug_line_str} bytes, if the binary has that section
   * @param debugStr the {@code .debug_str} bytes, if the binary has that section
   */
  public LineSections {
    debugLine = debugLine.slice().asReadOnlyBuffer();
    debugLineStr = debugLineStr.map(b -> b.slice().asReadOnlyBuffer());
    debugStr = debugStr.map(b -> b.slice().asReadOnlyBuffer());
  }

  /**
   * Returns sections with only {@code .debug_line}, enough for every Go binary (Go writes
   * paths inline as {@code DW_FORM_string}) and for all version 2 to 4 programs.
   *
   * @param debugLine the {@code .debug_line} bytes
   * @return the sections
   */
  public static LineSections of(ByteBuffer debugLine) {
    return new LineSections(Objects.requireNonNull(debugLine), Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy that also has {@code .debug_line_str}.
   *
   * @param lineStr the {@code .debug_line_str} bytes
   * @return the new sections
   */
  public LineSections withLineStr(ByteBuffer lineStr) {
    return new LineSections(debugLine, Optional.of(lineStr), debugStr);
  }

  /**
   * Returns a copy that also has {@code .debug_str}.
   *
   * @param str the {@code .debug_str} bytes
   * @return the new sections
   */
  public LineSections withStr(ByteBuffer str) {
    return new LineSections(debugLine, debugLineStr, Optional.of(str));
  }

  ByteCursor lineCursor() {
    return new ByteCursor(debugLine, ".debug_line");
  }

  Optional<ByteCursor> lineStrCursor() {
    return debugLineStr.map(b -> new ByteCursor(b, ".debug_line_str"));
  }

  Optional<ByteCursor> strCursor() {
    return debugStr.map(b -> new ByteCursor(b, ".debug_str"));
  }
}
