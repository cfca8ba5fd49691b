package org.dlv4j.examples.addr2line;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits an input stream into lines as Go's {@code bufio.Scanner} with {@code ScanLines} does:
 * lines end at {@code '\n'}, one trailing {@code '\r'} is dropped, a last line without
 * {@code '\n'} still counts, and scanning stops at a line of 64 KiB or more
 * ({@code bufio.MaxScanTokenSize}), which {@code go tool addr2line} silently treats as the end
 * of its input. The current line is a window of a buffer reused across lines. Not thread-safe.
 */
final class LineScanner {
  /** bufio.MaxScanTokenSize: a line must fit in this many bytes, its '\n' included. */
  static final int MAX_LINE = 64 * 1024;

  private final InputStream in;
  private byte[] buf = new byte[4 * MAX_LINE];
  private int start;
  private int end;
  /** Bytes before this offset hold no '\n' of the current line. */
  private int scanned;
  private boolean eof;
  private int lineStart;
  private int lineEnd;

  LineScanner(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false at the end of the input or at a line that is too long. */
  boolean next() throws IOException {
    while (true) {
      for (int i = scanned; i < end; i++) {
        if (buf[i] == '\n') {
          if (i - start >= MAX_LINE) {
            return false;
          }
          return take(i, i + 1);
        }
      }
      scanned = end;
      if (end - start >= MAX_LINE) {
        return false;
      }
      if (eof) {
        return start < end && take(end, end);
      }
      fill();
    }
  }

  /** {@return the buffer holding the current line} */
  byte[] buffer() {
    return buf;
  }

  /** {@return the offset of the current line's first byte} */
  int lineStart() {
    return lineStart;
  }

  /** {@return the offset just past the current line's last byte, a dropped '\r' excluded} */
  int lineEnd() {
    return lineEnd;
  }

  private boolean take(int contentEnd, int next) {
    lineStart = start;
    lineEnd = contentEnd > start && buf[contentEnd - 1] == '\r' ? contentEnd - 1 : contentEnd;
    start = next;
    scanned = next;
    return true;
  }

  /** Moves the unread bytes to the front and reads more after them. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      scanned -= start;
      start = 0;
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }
}
