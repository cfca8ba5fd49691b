package org.dlv4j.dwarf.internal.info;

/**
 * Facts about attribute form codes (DWARF v5 §7.5.6): their sizes. Codes are plain ints here
 * because the DIE decoder switches on them in its inner loop.
 */
public final class Forms {
  public static final int ADDR = 0x01;
  public static final int BLOCK2 = 0x03;
  public static final int BLOCK4 = 0x04;
  public static final int DATA2 = 0x05;
  public static final int DATA4 = 0x06;
  public static final int DATA8 = 0x07;
  public static final int STRING = 0x08;
  public static final int BLOCK = 0x09;
  public static final int BLOCK1 = 0x0a;
  public static final int DATA1 = 0x0b;
  public static final int FLAG = 0x0c;
  public static final int SDATA = 0x0d;
  public static final int STRP = 0x0e;
  public static final int UDATA = 0x0f;
  public static final int REF_ADDR = 0x10;
  public static final int REF1 = 0x11;
  public static final int REF2 = 0x12;
  public static final int REF4 = 0x13;
  public static final int REF8 = 0x14;
  public static final int REF_UDATA = 0x15;
  public static final int INDIRECT = 0x16;
  public static final int SEC_OFFSET = 0x17;
  public static final int EXPRLOC = 0x18;
  public static final int FLAG_PRESENT = 0x19;
  public static final int STRX = 0x1a;
  public static final int ADDRX = 0x1b;
  public static final int REF_SUP4 = 0x1c;
  public static final int STRP_SUP = 0x1d;
  public static final int DATA16 = 0x1e;
  public static final int LINE_STRP = 0x1f;
  public static final int REF_SIG8 = 0x20;
  public static final int IMPLICIT_CONST = 0x21;
  public static final int LOCLISTX = 0x22;
  public static final int RNGLISTX = 0x23;
  public static final int REF_SUP8 = 0x24;
  public static final int STRX1 = 0x25;
  public static final int STRX2 = 0x26;
  public static final int STRX3 = 0x27;
  public static final int STRX4 = 0x28;
  public static final int ADDRX1 = 0x29;
  public static final int ADDRX2 = 0x2a;
  public static final int ADDRX3 = 0x2b;
  public static final int ADDRX4 = 0x2c;
  public static final int GNU_ADDR_INDEX = 0x1f01;
  public static final int GNU_STR_INDEX = 0x1f02;
  public static final int GNU_REF_ALT = 0x1f20;
  public static final int GNU_STRP_ALT = 0x1f21;

  /** A size meaning "depends on the data" (LEB128, strings, blocks, indirect, unknown). */
  public static final int VARIABLE = -1;

  private Forms() {}

  /**
   * Returns the encoded size of a value of {@code form}, or {@link #VARIABLE}.
   *
   * @param version the unit's DWARF version (DW_FORM_ref_addr is address-sized in DWARF 2)
   * @param offsetSize 4 or 8
   * @param addressSize the unit's address size
   */
  public static int fixedSize(int form, int version, int offsetSize, int addressSize) {
    switch (form) {
      case FLAG_PRESENT: case IMPLICIT_CONST:
        return 0;
      case DATA1: case REF1: case FLAG: case STRX1: case ADDRX1:
        return 1;
      case DATA2: case REF2: case STRX2: case ADDRX2:
        return 2;
      case STRX3: case ADDRX3:
        return 3;
      case DATA4: case REF4: case STRX4: case ADDRX4: case REF_SUP4:
        return 4;
      case DATA8: case REF8: case REF_SIG8: case REF_SUP8:
        return 8;
      case DATA16:
        return 16;
      case ADDR:
        return addressSize;
      case STRP: case LINE_STRP: case SEC_OFFSET: case STRP_SUP: case GNU_REF_ALT: case GNU_STRP_ALT:
        return offsetSize;
      case REF_ADDR:
        return version <= 2 ? addressSize : offsetSize;
      default:
        return VARIABLE;
    }
  }

  /**
   * Returns whether {@code form} points into another section: sec_offset, loclistx, rnglistx,
   * and in DWARF 2 and 3 data4/data8, which served as section offsets then.
   */
  public static boolean isSectionOffset(int form, int version) {
    return form == SEC_OFFSET || form == LOCLISTX || form == RNGLISTX
        || version < 4 && (form == DATA4 || form == DATA8);
  }

  /** Returns whether {@code form} is of the constant or flag class, or DW_FORM_sec_offset. */
  public static boolean isInteger(int form) {
    switch (form) {
      case DATA1: case DATA2: case DATA4: case DATA8: case UDATA: case SDATA: case IMPLICIT_CONST:
      case FLAG: case FLAG_PRESENT: case SEC_OFFSET:
        return true;
      default:
        return false;
    }
  }


  /** Returns whether {@code form} is of the address class (addr, addrx*). */
  public static boolean isAddress(int form) {
    switch (form) {
      case ADDR: case ADDRX: case ADDRX1: case ADDRX2: case ADDRX3: case ADDRX4: case GNU_ADDR_INDEX:
        return true;
      default:
        return false;
    }
  }

  /** Returns whether {@code form} is a unit-relative reference (ref1-ref8, ref_udata). */
  public static boolean isUnitReference(int form) {
    return form == REF1 || form == REF2 || form == REF4 || form == REF8 || form == REF_UDATA;
  }

  /** Returns whether {@code form} is a reference into this {@code .debug_info}. */
  public static boolean isReference(int form) {
    return isUnitReference(form) || form == REF_ADDR;
  }

  /** Returns whether {@code form} is of the string class. */
  public static boolean isString(int form) {
    switch (form) {
      case STRING: case STRP: case LINE_STRP: case STRX: case STRX1: case STRX2: case STRX3: case STRX4:
      case GNU_STR_INDEX:
        return true;
      default:
        return false;
    }
  }

  /** Returns whether {@code form} holds bytes inline (block*, exprloc, data16). */
  public static boolean isBlock(int form) {
    switch (form) {
      case BLOCK: case BLOCK1: case BLOCK2: case BLOCK4: case EXPRLOC: case DATA16:
        return true;
      default:
        return false;
    }
  }
}
