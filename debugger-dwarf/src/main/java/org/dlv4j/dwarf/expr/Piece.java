package org.dlv4j.dwarf.expr;

import java.util.OptionalLong;

/**
 * One piece of an evaluated location description: where it is and how many bits of the
 * object it holds (DWARF 5 §2.6.1.2). A simple location description gives one piece without
 * a size, meaning the whole object.
 *
 * @param location where the piece is
 * @param sizeInBits the piece's size, or empty for the whole object
 * @param bitOffset for {@code DW_OP_bit_piece}, the offset of the piece inside its location;
 *     otherwise 0
 */
public record Piece(ValueLocation location, OptionalLong sizeInBits, long bitOffset) {
  /**
   * Returns a piece that is the whole object.
   *
   * @param location where the object is
   * @return the piece
   */
  public static Piece whole(ValueLocation location) {
    return new Piece(location, OptionalLong.empty(), 0);
  }
}
