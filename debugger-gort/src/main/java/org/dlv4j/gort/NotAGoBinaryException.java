package org.dlv4j.gort;

import org.dlv4j.api.BinaryFormatException;

/**
 * A well-formed file that is not a Go program: an ELF file without the tables every Go binary
 * carries ({@code .gopclntab}, {@code .go.buildinfo}), such as a C program. The message names
 * the file and the missing table, e.g. {@code "no .gopclntab section: not a Go binary in
 * /usr/bin/ls at 0x0"}.
 */
public class NotAGoBinaryException extends BinaryFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a file that lacks a table every Go binary has.
   *
   * @param missing what is missing, e.g. {@code "no .gopclntab section"}
   * @param file the file's name or path
   */
  public NotAGoBinaryException(String missing, String file) {
    super(missing + ": not a Go binary", file, 0);
  }
}
