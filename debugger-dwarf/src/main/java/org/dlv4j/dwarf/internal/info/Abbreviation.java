package org.dlv4j.dwarf.internal.info;

import org.dlv4j.dwarf.constants.DwAt;
import org.dlv4j.dwarf.constants.DwTag;

/**
 * One abbreviation declaration (DWARF v5 §7.5.3): a DIE's tag, whether it has children, and
 * its attribute names and forms in order. Immutable apart from a size cache; thread-safe.
 */
public final class Abbreviation {
  private static final int[] NO_INTS = new int[0];

  private final long code;
  private final DwTag tag;
  private final boolean hasChildren;
  private final DwAt[] attributes;
  private final int[] names;
  private final int[] forms;
  private final long[] implicitConsts;
  /** (encoding key << 32) | size of the last {@link #fixedSize} answer, 0 before the first. */
  private volatile long sizeCache;

  Abbreviation(long code, int tag, boolean hasChildren, int[] names, int[] forms, long[] implicitConsts) {
    this.code = code;
    this.tag = new DwTag(tag);
    this.hasChildren = hasChildren;
    this.names = names.length == 0 ? NO_INTS : names;
    this.forms = forms;
    this.implicitConsts = implicitConsts;
    this.attributes = new DwAt[names.length];
    for (int i = 0; i < names.length; i++) {
      attributes[i] = new DwAt(names[i]);
    }
  }

  /** Returns the abbreviation code that DIEs use to refer to this declaration. */
  public long code() {
    return code;
  }

  /** Returns the DIE tag. */
  public DwTag tag() {
    return tag;
  }

  /** Returns whether DIEs of this shape are followed by children. */
  public boolean hasChildren() {
    return hasChildren;
  }

  /** Returns the number of attribute specifications. */
  public int attributeCount() {
    return names.length;
  }

  /** Returns the name of attribute {@code i} as a shared constant object. */
  public DwAt attribute(int i) {
    return attributes[i];
  }

  /** Returns the declared form code of attribute {@code i} (possibly DW_FORM_indirect). */
  public int form(int i) {
    return forms[i];
  }

  /** Returns the value of attribute {@code i} if its form is DW_FORM_implicit_const. */
  public long implicitConst(int i) {
    return implicitConsts[i];
  }

  /** Returns the index of the attribute named {@code nameCode}, or -1. */
  public int indexOf(int nameCode) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] == nameCode) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the encoded size of all attribute values of a DIE of this shape, or
   * {@link Forms#VARIABLE} if some form's size depends on the data. Cached for the last encoding
   * asked about, since all units of a binary usually share one.
   */
  public int fixedSize(int version, int offsetSize, int addressSize) {
    long key = version | (long) offsetSize << 8 | (long) addressSize << 16;
    long cached = sizeCache;
    if (cached != 0 && cached >>> 32 == key) {
      return (int) cached;
    }
    int size = 0;
    for (int form : forms) {
      int s = Forms.fixedSize(form, version, offsetSize, addressSize);
      if (s == Forms.VARIABLE) {
        size = Forms.VARIABLE;
        break;
      }
      size += s;
    }
    sizeCache = key << 32 | (size & 0xffff_ffffL);
    return size;
  }
}
