package org.dlv4j.gort.pclntab;

/**
 * A reusable result for the allocation-free lookup {@link Pclntab#lookup(long, PcLine)}: the
 * function, file and line of one pc. Names are shared (interned) strings owned by the pclntab.
 * Not thread-safe: each thread uses its own.
 */
public final class PcLine {
  int funcIndex = -1;
  long entry;
  String function;
  String file = "?";
  int line;

  /** Creates an empty result. */
  public PcLine() {
  }

  /** {@return the index of the function (see {@link Pclntab#function(int)}), or -1 if none} */
  public int funcIndex() {
    return funcIndex;
  }

  /** {@return the function's entry address (undefined when {@link #funcIndex()} is -1)} */
  public long entry() {
    return entry;
  }

  /** {@return the function's name, or {@code "?"} if no function contains the pc} */
  public String function() {
    return funcIndex < 0 ? "?" : function;
  }

  /** {@return the source file, or {@code "?"} if unknown} */
  public String file() {
    return file;
  }

  /** {@return the source line, or 0 if unknown} */
  public int line() {
    return line;
  }

  void clear() {
    funcIndex = -1;
    entry = 0;
    function = null;
    file = "?";
    line = 0;
  }

  @Override
  public String toString() {
    return function() + " " + file + ":" + line;
  }
}
