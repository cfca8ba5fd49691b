package org.dlv4j.examples.addr2line;

import java.io.IOException;
import java.io.OutputStream;

/** A byte buffer in front of an output stream, with the few writes addr2line needs. Not thread-safe. */
final class OutputBuffer {
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int n;

  OutputBuffer(OutputStream out) {
    this.out = out;
  }

  void write(byte[] bytes) throws IOException {
    if (bytes.length > buf.length - n) {
      flush();
      if (bytes.length > buf.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buf, n, bytes.length);
    n += bytes.length;
  }

  void write(byte b) throws IOException {
    if (n == buf.length) {
      flush();
    }
    buf[n++] = b;
  }

  /** Writes {@code v} in decimal, as Go's {@code %d} does. */
  void writeDecimal(int v) throws IOException {
    if (buf.length - n < 11) {
      flush();
    }
    long x = v;
    if (x < 0) {
      buf[n++] = '-';
      x = -x;
    }
    int digits = 1;
    for (long t = x; t >= 10; t /= 10) {
      digits++;
    }
    for (int i = n + digits - 1; i >= n; i--) {
      buf[i] = (byte) ('0' + x % 10);
      x /= 10;
    }
    n += digits;
  }

  void flush() throws IOException {
    out.write(buf, 0, n);
    n = 0;
  }
}
