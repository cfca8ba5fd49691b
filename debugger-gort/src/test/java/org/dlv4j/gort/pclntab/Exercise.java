package org.dlv4j.gort.pclntab;

import java.util.List;

/** Uses every reader of a table once per function (bounded), for malformed-input and fuzz tests. */
final class Exercise {
  private Exercise() {
  }

  /** Reads up to {@code maxFunctions} functions through every public method. */
  static void all(Pclntab tab, int maxFunctions) {
    PcLine row = new PcLine();
    int n = tab.functionCount();
    int step = Math.max(1, n / Math.max(1, maxFunctions));
    List<String> files = tab.sourceFiles();
    for (int i = 0; i < n; i += step) {
      FuncInfo f = tab.function(i);
      tab.functionNamed(f.name());
      for (long pc = f.entry(); pc < f.end() && pc < f.entry() + 64; pc += 7) {
        tab.lookup(pc, row);
        if (tab.hasInlineTrees()) {
          tab.location(pc);
        }
        tab.spDelta(f, pc);
      }
      PcValueCursor c = tab.pcValues(f, f.pcln());
      int line = 0;
      while (c.next()) {
        line = c.value();
      }
      if (!files.isEmpty()) {
        tab.lineToPcs(files.get(i % files.size()), line);
      }
    }
    tab.funcIndex(Long.MIN_VALUE);
    tab.funcIndex(Long.MAX_VALUE);
  }
}
