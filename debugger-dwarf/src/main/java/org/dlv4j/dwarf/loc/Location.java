package org.dlv4j.dwarf.loc;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Where a variable or parameter lives: one DWARF expression valid everywhere in its scope, or a
 * {@link LocationList} of expressions each valid over an address range (DWARF v5 §2.6).
 */
public sealed interface Location permits Location.Single, LocationList {
  /**
   * Returns the location expression valid at {@code pc}, as a read-only little-endian view.
   *
   * @param pc a target address
   * @return the expression bytes (possibly empty: the value is optimized out), or empty if no
   *     entry covers {@code pc}
   */
  Optional<ByteBuffer> expressionAt(long pc);

  /**
   * A location given by one expression ({@code DW_FORM_exprloc} or a block form).
   *
   * @param expression the expression bytes, read-only
   */
  record Single(ByteBuffer expression) implements Location {
    @Override
    public Optional<ByteBuffer> expressionAt(long pc) {
      return Optional.of(expression.duplicate());
    }
  }
}
