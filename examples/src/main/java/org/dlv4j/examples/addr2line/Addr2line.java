package org.dlv4j.examples.addr2line;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.pclntab.PcLine;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * {@code go tool addr2line} in Java: reads hexadecimal addresses from standard input, one per
 * line and with an optional {@code 0x} prefix, and prints for each the name of the function
 * containing it and then {@code file:line}, or {@code ?} and {@code ?:0} when no function does.
 * The output is byte for byte what {@code go tool addr2line BINARY} prints for the same input,
 * junk lines included: a line that is not hexadecimal reads as address 0, one that overflows
 * as {@code 0xffffffffffffffff}, a line with a colon gets
 * {@code !reverse translation not implemented}, and a line of 64 KiB or more ends the input.
 *
 * <pre>
 * examples/bin/addr2line BINARY &lt; pcs.txt
 * </pre>
 *
 * <p>Lookups go through {@link Pclntab#lookupAsGosym}, which reads the tables as Go's
 * {@code debug/gosym} does where they say nothing; names are encoded to UTF-8 once per
 * function and file, and input and output are handled as bytes in large buffers.
 */
public final class Addr2line {
  private static final byte[] REVERSE = "!reverse translation not implemented\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UNKNOWN = "?\n?:0\n".getBytes(StandardCharsets.UTF_8);
  private static final long CUTOFF = Long.divideUnsigned(-1L, 16) + 1; // strconv.ParseUint's cutoff

  private final Pclntab tab;
  private final PcLine row = new PcLine();
  private final byte[][] functionNames;
  private final Map<String, byte[]> fileNames = new IdentityHashMap<>();

  private Addr2line(Pclntab tab) {
    this.tab = tab;
    this.functionNames = new byte[tab.functionCount()][];
  }

  /**
   * Runs the tool: {@code addr2line BINARY}.
   *
   * @param args the binary's path
   * @throws IOException if standard input or output fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("--help")) {
      usage(System.out);
      System.exit(0);
    }
    if (args.length != 1 || args[0].startsWith("-")) {
      usage(System.err);
      System.exit(2);
    }
    try (GoBinary bin = GoBinary.open(Path.of(args[0]))) {
      run(bin, new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    } catch (DebuggerException e) {
      System.err.println("addr2line: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Symbolizes every address read from {@code in}, writing to {@code out}, which is flushed but
   * not closed.
   *
   * @param bin the binary
   * @param in the addresses, one per line
   * @param out receives two lines per address
   * @throws IOException if reading or writing fails
   */
  public static void run(GoBinary bin, InputStream in, OutputStream out) throws IOException {
    new Addr2line(bin.pclntab()).symbolize(new LineScanner(in), new OutputBuffer(out));
    out.flush();
  }

  private void symbolize(LineScanner lines, OutputBuffer out) throws IOException {
    while (lines.next()) {
      byte[] b = lines.buffer();
      int from = lines.lineStart();
      int to = lines.lineEnd();
      if (hasColon(b, from, to)) {
        out.write(REVERSE);
        continue;
      }
      if (!tab.lookupAsGosym(parseAddress(b, from, to), row)) {
        out.write(UNKNOWN);
        continue;
      }
      out.write(functionName(row.funcIndex()));
      out.write((byte) '\n');
      out.write(fileName(row.file()));
      out.write((byte) ':');
      out.writeDecimal(row.line());
      out.write((byte) '\n');
    }
    out.flush();
  }

  private static boolean hasColon(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == ':') {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses {@code b[from, to)} as {@code strconv.ParseUint(strings.TrimPrefix(s, "0x"), 16, 64)}
   * does, keeping the value Go's addr2line keeps on error: 0 for a syntax error (including an
   * empty string), all ones for a value over 64 bits (reported as soon as the value overflows,
   * before any later syntax error).
   */
  static long parseAddress(byte[] b, int from, int to) {
    int i = from;
    if (to - from >= 2 && b[from] == '0' && b[from + 1] == 'x') {
      i += 2;
    }
    if (i == to) {
      return 0;
    }
    long n = 0;
    for (; i < to; i++) {
      int c = b[i] & 0xff;
      int lower = c | 0x20;
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (lower >= 'a' && lower <= 'f') {
        d = lower - 'a' + 10;
      } else {
        return 0;
      }
      if (Long.compareUnsigned(n, CUTOFF) >= 0) {
        return -1L;
      }
      n = n * 16 + d; // below CUTOFF * 16, so it cannot wrap
    }
    return n;
  }

  private byte[] functionName(int index) {
    byte[] name = functionNames[index];
    if (name == null) {
      name = row.function().getBytes(StandardCharsets.UTF_8);
      functionNames[index] = name;
    }
    return name;
  }

  private byte[] fileName(String file) {
    return fileNames.computeIfAbsent(file, f -> f.getBytes(StandardCharsets.UTF_8));
  }

  private static void usage(PrintStream out) {
    out.print("usage: addr2line binary\n"
        + "reads addresses from standard input and writes two lines for each:\n"
        + "\tfunction name\n"
        + "\tfile:line\n");
  }
}
