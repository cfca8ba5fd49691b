package org.dlv4j.dwarf.internal.info;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * The abbreviation declarations starting at one offset of {@code .debug_abbrev}, looked up by
 * code. Immutable and shared between all units that name the same offset.
 */
public final class AbbreviationTable {
  private final long offset;
  /** Declarations indexed by code when codes are small and dense, else null. */
  private final Abbreviation[] dense;
  /** Declarations by code when codes are sparse, else null. */
  private final Map<Long, Abbreviation> sparse;
  private final int maxAttributes;

  private AbbreviationTable(long offset, Abbreviation[] dense, Map<Long, Abbreviation> sparse,
      int maxAttributes) {
    this.offset = offset;
    this.dense = dense;
    this.sparse = sparse;
    this.maxAttributes = maxAttributes;
  }

  /**
   * Parses the table at {@code offset} (DWARF v5 §7.5.3): declarations until a zero code, each a
   * code, tag, children flag and (name, form[, implicit const]) pairs up to a (0, 0) pair.
   *
   * @param abbrev a cursor over {@code .debug_abbrev}; not moved
   * @throws org.dlv4j.api.BinaryFormatException if the table is truncated or malformed
   */
  public static AbbreviationTable parse(ByteCursor abbrev, long offset) {
    ByteCursor c = abbrev.duplicate().seek(offset);
    List<Abbreviation> all = new ArrayList<>();
    long maxCode = 0;
    int maxAttributes = 0;
    while (true) {
      int at = c.position();
      long code = c.uleb();
      if (code == 0) {
        break;
      }
      Abbreviation a = parseOne(c, code, at);
      all.add(a);
      maxCode = Math.max(maxCode, code < 0 ? Long.MAX_VALUE : code);
      maxAttributes = Math.max(maxAttributes, a.attributeCount());
    }
    // Compilers number declarations 1..n, so an array usually works; fall back to a map.
    if (maxCode <= 2L * all.size() + 64) {
      Abbreviation[] dense = new Abbreviation[(int) maxCode + 1];
      for (Abbreviation a : all) {
        if (dense[(int) a.code()] != null) {
          throw abbrev.error("duplicate abbreviation code " + a.code(), offset);
        }
        dense[(int) a.code()] = a;
      }
      return new AbbreviationTable(offset, dense, null, maxAttributes);
    }
    Map<Long, Abbreviation> sparse = new HashMap<>();
    for (Abbreviation a : all) {
      if (sparse.putIfAbsent(a.code(), a) != null) {
        throw abbrev.error("duplicate abbreviation code " + Long.toUnsignedString(a.code()), offset);
      }
    }
    return new AbbreviationTable(offset, null, sparse, maxAttributes);
  }

  private static Abbreviation parseOne(ByteCursor c, long code, int at) {
    int tag = c.ulebInt();
    if (tag == 0 || tag > 0xffff) {
      throw c.error("abbreviation " + Long.toUnsignedString(code) + " has bad tag 0x"
          + Integer.toHexString(tag), at);
    }
    int children = c.u8();
    if (children > 1) {
      throw c.error("abbreviation " + Long.toUnsignedString(code) + " has bad children flag "
          + children, at);
    }
    IntList names = new IntList();
    IntList forms = new IntList();
    long[] consts = null;
    while (true) {
      int name = c.ulebInt();
      int form = c.ulebInt();
      if (name == 0 && form == 0) {
        break;
      }
      if (form == Forms.IMPLICIT_CONST) {
        if (consts == null) {
          consts = new long[8];
        }
        if (names.size >= consts.length) {
          consts = Arrays.copyOf(consts, Math.max(consts.length * 2, names.size + 1));
        }
        consts[names.size] = c.sleb();
      }
      names.add(name);
      forms.add(form);
    }
    return new Abbreviation(code, tag, children == 1, names.toArray(), forms.toArray(), consts);
  }

  /** Returns the offset of this table in {@code .debug_abbrev}. */
  public long offset() {
    return offset;
  }

  /** Returns the declaration with {@code code}, or null. */
  public Abbreviation get(long code) {
    if (dense != null) {
      return code > 0 && code < dense.length ? dense[(int) code] : null;
    }
    return sparse.get(code);
  }

  /** Returns the largest attribute count of any declaration (for sizing DIE storage). */
  public int maxAttributes() {
    return maxAttributes;
  }

  /** A growable int array, to avoid boxing while parsing. */
  private static final class IntList {
    int[] items = new int[8];
    int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }
}
