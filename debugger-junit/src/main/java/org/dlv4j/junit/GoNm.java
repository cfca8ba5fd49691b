package org.dlv4j.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The symbols of a Go binary as {@code go tool nm -size} lists them: the toolchain's own answer
 * to check symbol addresses against.
 *
 * <pre>{@code
 * long mainMain = GoNm.address(binary, "main.main");
 * long ready = GoNm.address(binary, "main.ready", "DdBb"); // a variable: data or bss
 * }</pre>
 *
 * <p>Each call runs the tool once; nothing is cached. Thread-safe.
 */
public final class GoNm {
  private GoNm() { }

  /**
   * One symbol.
   *
   * @param address its address
   * @param size its size in bytes
   * @param type the type letter {@code go tool nm} prints: {@code T}/{@code t} text,
   *     {@code D}/{@code d} data, {@code B}/{@code b} bss, {@code R}/{@code r} read-only data, ...
   * @param name its name, which may contain blanks ({@code go.shape.func(string, string)})
   */
  public record Symbol(long address, long size, char type, String name) { }

  /**
   * Lists the symbols of a binary in the order {@code go tool nm -size} prints them.
   *
   * @param binary a Go executable or object file
   * @return the defined symbols (those with an address)
   * @throws AssertionError if {@code go tool nm} fails
   */
  public static List<Symbol> symbols(Path binary) {
    List<Symbol> out = new ArrayList<>();
    for (String line : Command.output("go", "tool", "nm", "-size", binary.toString()).split("\n")) {
      String[] f = line.trim().split("\\s+", 4);
      if (f.length == 4 && f[2].length() == 1 && !f[0].isEmpty()) {
        out.add(new Symbol(Long.parseUnsignedLong(f[0], 16), Long.parseLong(f[1]), f[2].charAt(0),
            f[3]));
      }
    }
    return out;
  }

  /**
   * Returns the address of the first symbol called {@code name}, of any type.
   *
   * @param binary a Go executable
   * @param name the symbol, e.g. {@code "main.main"}
   * @return its address
   * @throws AssertionError if there is no such symbol or {@code go tool nm} fails
   */
  public static long address(Path binary, String name) {
    return address(binary, name, null);
  }

  /**
   * Returns the address of the first symbol called {@code name} whose type is one of
   * {@code types}, e.g. {@code "Tt"} for a function, {@code "DdBb"} for a variable.
   *
   * @param binary a Go executable
   * @param name the symbol
   * @param types the type letters accepted; null for any
   * @return its address
   * @throws AssertionError if there is no such symbol or {@code go tool nm} fails
   */
  public static long address(Path binary, String name, String types) {
    for (Symbol s : symbols(binary)) {
      if (s.name().equals(name) && (types == null || types.indexOf(s.type()) >= 0)) {
        return s.address();
      }
    }
    throw new AssertionError("no symbol " + name + (types == null ? "" : " of type " + types)
        + " in go tool nm " + binary);
  }
}
