package org.dlv4j.dwarf;

import org.dlv4j.dwarf.internal.info.Abbreviation;
import org.dlv4j.dwarf.internal.info.AbbreviationTable;
import org.dlv4j.dwarf.internal.info.Forms;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * A cursor over the DIEs of one unit, in the order they are stored (depth-first). It reuses one
 * {@link Die}, refilled on every move, so walking a unit allocates nothing per entry. Not
 * thread-safe; make one cursor per thread with {@link Unit#cursor()}.
 *
 * <p>To visit a unit's top-level entries, skipping everything below them:
 *
 * <pre>{@code
 * DieCursor c = unit.cursor();
 * c.nextDfs();                                   // the root, depth 0
 * boolean more = c.nextDfs() && c.die().depth() == 1;
 * for (; more; more = c.nextSibling()) {
 *   Die d = c.die();                             // a child of the root
 * }
 * }</pre>
 *
 * <p>Every move makes progress through the unit's bytes, so walks end even on malformed
 * input; malformed input throws {@link org.dlv4j.api.BinaryFormatException} naming
 * {@code .debug_info} and the offset. After such an exception the cursor's position is
 * unspecified: discard it.
 */
public final class DieCursor {
  private final Unit unit;
  private final ByteCursor info;
  private final AbbreviationTable table;
  private final Die die;
  private Die scratch;
  private boolean hasCurrent;
  /** Depth of the next entry to be read. */
  private int level;

  DieCursor(Unit unit) {
    this.unit = unit;
    this.info = unit.infoCursor().slice(0, unit.end()).seek(unit.header().firstDieOffset());
    this.table = unit.abbreviations();
    this.die = new Die(unit, table.maxAttributes());
  }

  /**
   * Returns the unit this cursor walks.
   *
   * @return the unit this cursor walks
   */
  public Unit unit() {
    return unit;
  }

  /**
   * Returns the current entry, valid until the cursor moves.
   *
   * @return the current entry, valid until the cursor moves
   * @throws IllegalStateException if the last move returned false or there was none
   */
  public Die die() {
    if (!hasCurrent) {
      throw new IllegalStateException("no current DIE");
    }
    return die;
  }

  /**
   * Moves to the next entry in depth-first order: the current entry's first child, else its next
   * sibling, else the next sibling of the nearest ancestor that has one.
   *
   * @return false at the end of the unit
   */
  public boolean nextDfs() {
    while (!info.atEnd()) {
      int at = info.position();
      long code = info.uleb();
      if (code != 0) {
        load(at, code, level);
        return true;
      }
      if (level > 0) { // a null entry closes a sibling list; at level 0 it is padding
        level--;
      }
    }
    hasCurrent = false;
    return false;
  }

  /**
   * Moves to the next sibling of the current entry, skipping its children. Without a current
   * entry (at the start, or after this method returned false) it reads the next entry at the
   * current depth, so a second call after false moves to the parent's next sibling.
   *
   * @return false if the sibling list ends (the cursor is then after its terminating null
   *     entry, one level up) or the unit ends
   */
  public boolean nextSibling() {
    skipChildren();
    if (info.atEnd()) {
      hasCurrent = false;
      return false;
    }
    int at = info.position();
    long code = info.uleb();
    if (code == 0) {
      if (level > 0) {
        level--;
      }
      hasCurrent = false;
      return false;
    }
    load(at, code, level);
    return true;
  }

  /**
   * Skips the current entry's children, so that the next {@link #nextDfs()} reaches its next
   * sibling (or an ancestor's). Uses DW_AT_sibling when present; it must point forward within
   * the unit. Does nothing if there is no current entry, it has no children, or they were
   * already skipped.
   *
   * @throws org.dlv4j.api.BinaryFormatException if DW_AT_sibling points backwards or out of
   *     the unit, or a child entry is malformed
   */
  public void skipChildren() {
    if (!hasCurrent || !die.hasChildren() || level != die.depth() + 1) {
      return;
    }
    long sibling = die.siblingOffset();
    if (sibling >= 0) {
      if (sibling < die.end() || sibling > unit.end()) {
        throw info.error("DW_AT_sibling 0x" + Long.toHexString(sibling)
            + " does not point forward within the unit", die.offset());
      }
      info.seek(sibling);
    } else {
      skipSubtree();
    }
    level = die.depth();
  }

  /**
   * Moves to the DIE at {@code dieOffset}, which becomes the current entry at depth 0. Later
   * moves continue from there; entries after the end of its parent's children are reported at
   * depth 0.
   *
   * @param dieOffset a {@code .debug_info} offset inside this unit, e.g. from
   *     {@link Die#attrReference}
   * @throws org.dlv4j.api.BinaryFormatException if the offset is outside the unit's DIEs or
   *     not the start of a DIE
   */
  public void seek(long dieOffset) {
    if (dieOffset < unit.header().firstDieOffset() || dieOffset >= unit.end()) {
      throw info.error("DIE offset 0x" + Long.toHexString(dieOffset) + " outside unit 0x"
          + Long.toHexString(unit.offset()), dieOffset);
    }
    info.seek(dieOffset);
    long code = info.uleb();
    if (code == 0) {
      throw info.error("null entry where a DIE was expected", dieOffset);
    }
    load((int) dieOffset, code, 0);
  }

  private void load(int at, long code, int depth) {
    die.read(info, abbreviation(code, at), at, depth);
    hasCurrent = true;
    level = die.hasChildren() ? depth + 1 : depth;
  }

  /** Reads past the current entry's children, to just after their terminating null entry. */
  private void skipSubtree() {
    int nesting = 1;
    while (nesting > 0 && !info.atEnd()) { // a unit may end without the closing null entries
      int at = info.position();
      long code = info.uleb();
      if (code == 0) {
        nesting--;
        continue;
      }
      Abbreviation ab = abbreviation(code, at);
      skipAttributes(ab, at);
      if (ab.hasChildren()) {
        nesting++;
      }
    }
  }

  private void skipAttributes(Abbreviation ab, int at) {
    int size = ab.fixedSize(unit.version(), unit.format().offsetSize(), unit.addressSize());
    if (size == Forms.VARIABLE) {
      if (scratch == null) {
        scratch = new Die(unit, table.maxAttributes());
      }
      scratch.read(info, ab, at, 0);
    } else if (size > info.remaining()) {
      throw info.error("DIE runs past the end of its unit", at);
    } else {
      info.skip(size);
    }
  }

  private Abbreviation abbreviation(long code, int at) {
    Abbreviation ab = table.get(code);
    if (ab == null) {
      throw info.error("abbreviation code " + Long.toUnsignedString(code) + " not in the table at 0x"
          + Long.toHexString(table.offset()) + " of .debug_abbrev", at);
    }
    return ab;
  }
}
