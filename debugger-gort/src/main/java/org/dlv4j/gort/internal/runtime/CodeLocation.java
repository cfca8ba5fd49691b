package org.dlv4j.gort.internal.runtime;

import java.util.Optional;

/**
 * A code address with its source position: what Delve calls a Location. Immutable.
 *
 * @param pc the address (in the process, after any load bias)
 * @param file the source file, or {@code "?"} if unknown
 * @param line the source line, or 0 if unknown
 * @param function the name of the function, if a function contains {@code pc}
 */
public record CodeLocation(long pc, String file, int line, Optional<String> function) {

  /** {@return the function's name, or {@code "?"}} */
  public String functionName() {
    return function.orElse("?");
  }

  /** {@return the location as Delve's filters see it: {@code file:line in function}} */
  public String describe() {
    return file + ":" + line + " in " + functionName();
  }

  /**
   * Returns the location of an address no function contains.
   *
   * @param pc the address
   * @return {@code ?:0}, no function
   */
  public static CodeLocation unknown(long pc) {
    return new CodeLocation(pc, "?", 0, Optional.empty());
  }

  @Override
  public String toString() {
    return describe() + " 0x" + Long.toHexString(pc);
  }
}
