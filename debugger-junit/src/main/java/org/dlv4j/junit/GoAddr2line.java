package org.dlv4j.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Source positions of addresses in a Go binary as {@code go tool addr2line} tells them (from
 * the pclntab, not DWARF): the toolchain's own answer to check locations against.
 *
 * <pre>{@code
 * GoAddr2line.Position p = GoAddr2line.position(binary, pc);
 * assertEquals(p.fileLine(), frame.file() + ":" + frame.line());
 * }</pre>
 *
 * <p>Each call runs the tool once. Thread-safe.
 */
public final class GoAddr2line {
  private GoAddr2line() { }

  /**
   * Where an address is, as the tool prints it; {@code ?}, {@code ?} and 0 for an address in
   * no function.
   *
   * @param function the function's symbol name (the inlined function for inlined code)
   * @param file the source file's path
   * @param line the line number
   */
  public record Position(String function, String file, int line) {
    /** {@return {@code file:line}} */
    public String fileLine() {
      return file + ":" + line;
    }
  }

  /**
   * Looks up one address.
   *
   * @param binary a Go executable
   * @param pc an address of its text, as linked
   * @return its position
   * @throws AssertionError if {@code go tool addr2line} fails
   */
  public static Position position(Path binary, long pc) {
    return positions(binary, pc).get(0);
  }

  /**
   * Looks up several addresses with one run of the tool.
   *
   * @param binary a Go executable
   * @param pcs addresses of its text, as linked
   * @return their positions, in the same order
   * @throws AssertionError if {@code go tool addr2line} fails or answers for fewer addresses
   */
  public static List<Position> positions(Path binary, long... pcs) {
    StringBuilder input = new StringBuilder();
    for (long pc : pcs) {
      input.append("0x").append(Long.toHexString(pc)).append('\n');
    }
    String[] lines = Command.outputWithInput(input.toString(), "go", "tool", "addr2line",
        binary.toString()).split("\n");
    if (lines.length < 2 * pcs.length) {
      throw new AssertionError("go tool addr2line " + binary + " answered " + lines.length
          + " lines for " + pcs.length + " addresses");
    }
    List<Position> out = new ArrayList<>(pcs.length);
    for (int i = 0; i < pcs.length; i++) {
      String fileLine = lines[2 * i + 1];
      int colon = fileLine.lastIndexOf(':');
      out.add(new Position(lines[2 * i], fileLine.substring(0, colon),
          Integer.parseInt(fileLine.substring(colon + 1))));
    }
    return out;
  }
}
