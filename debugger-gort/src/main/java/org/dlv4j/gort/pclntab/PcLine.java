package org.dlv4j.gort.pclntab;

/**
 * A reusable result for the allocation-free lookups {@link Pclntab#lookup(long, PcLine)} and
 * {@link Pclntab#lookupAsGosym(long, PcLine)}: the function, file and line of one pc. Names are
 * shared (interned) strings owned by the pclntab. Not thread-safe: each thread uses its own.
 */
public final class PcLine {
  Pclntab tab;
  int funcIndex = -1;
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

  /** {@return the function's entry address, or 0 if no function contains the pc} */
  public long entry() {
    return funcIndex < 0 ? 0 : tab.entry(funcIndex);
  }

  /** {@return the function's name, or {@code "?"} if no function contains the pc} */
  public String function() {
    return funcIndex < 0 ? "?" : function;
  }

  /**
   * {@return the source file, or {@code "?"} if unknown} ({@code ""} after
   * {@link Pclntab#lookupAsGosym}, as debug/gosym spells it)
   */
  public String file() {
    return file;
  }

  /** {@return the source line, or 0 if unknown} (-1 after {@link Pclntab#lookupAsGosym}) */
  public int line() {
    return line;
  }

  void clear() {
    tab = null;
    funcIndex = -1;
    function = null;
    file = "?";
    line = 0;
  }

  @Override
  public String toString() {
    return function() + " " + file + ":" + line;
  }
}
