package org.dlv4j.dwarf.frame;

import java.util.Arrays;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * Caller-owned scratch space for {@link CallFrameInfo#rowAt(long, UnwindContext)}: the row
 * being computed, the CIE's initial row, the {@code DW_CFA_remember_state} stack and cursors.
 * Reusing one context makes lookups allocation-free once it has grown to the largest row.
 * Keep one per thread (or per unwinder); not thread-safe. It may be used with any number of
 * {@link CallFrameInfo} instances.
 */
public final class UnwindContext {
  /** How deeply {@code DW_CFA_remember_state} may nest; deeper means corrupt input. */
  static final int MAX_REMEMBERED = 64;

  final UnwindRow row = new UnwindRow();
  final UnwindRow initial = new UnwindRow();
  /** The CIE whose instructions produced {@link #initial}, compared by identity. */
  Cie initialCie;
  final CfaInterpreter interpreter = new CfaInterpreter(this);

  private UnwindRow[] remembered = new UnwindRow[0];
  private int rememberedDepth;
  private final SectionReader[] cursorOwners = new SectionReader[2];
  private final ByteCursor[] cursors = new ByteCursor[2];

  /** Creates an empty context. */
  public UnwindContext() {
  }

  /**
   * Returns the row filled by the last successful {@code rowAt} call with this context. Its
   * contents change with the next call.
   *
   * @return the context's row
   */
  public UnwindRow row() {
    return row;
  }

  /** Returns a cursor over {@code s}, reusing one made earlier for the same section. */
  ByteCursor cursor(SectionReader s) {
    for (int i = 0; i < cursors.length; i++) {
      if (cursorOwners[i] == s) {
        return cursors[i];
      }
    }
    int slot = cursorOwners[0] == null ? 0 : 1;
    cursorOwners[slot] = s;
    cursors[slot] = s.cursor();
    return cursors[slot];
  }

  void clearRemembered() {
    rememberedDepth = 0;
  }

  /** Pushes a copy of {@code r}'s rules; false if the stack is full. */
  boolean remember(UnwindRow r) {
    if (rememberedDepth == MAX_REMEMBERED) {
      return false;
    }
    if (rememberedDepth == remembered.length) {
      remembered = Arrays.copyOf(remembered, Math.max(4, remembered.length * 2));
    }
    if (remembered[rememberedDepth] == null) {
      remembered[rememberedDepth] = new UnwindRow();
    }
    remembered[rememberedDepth++].copyRules(r);
    return true;
  }

  /** Restores {@code r}'s rules from the top of the stack; false if the stack is empty. */
  boolean restore(UnwindRow r) {
    if (rememberedDepth == 0) {
      return false;
    }
    r.copyRules(remembered[--rememberedDepth]);
    return true;
  }
}
