package org.dlv4j.dwarf.frame;

import java.util.OptionalLong;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * Decodes {@code DW_EH_PE_*} encoded pointers of {@code .eh_frame} (LSB Core, "DWARF
 * Extensions", pointer encoding): a value format in the low nibble, an application (the base
 * the value is relative to) in bits 4-6 and the indirect flag in bit 7. In
 * {@code .debug_frame} every address is encoded as {@link #ABSPTR}.
 */
final class Pointers {
  static final int ABSPTR = 0x00;
  static final int OMIT = 0xff;
  static final int INDIRECT = 0x80;
  private static final int PCREL = 0x10;
  private static final int TEXTREL = 0x20;
  private static final int DATAREL = 0x30;
  private static final int FUNCREL = 0x40;
  private static final int ALIGNED = 0x50;

  private Pointers() {
  }

  /**
   * Reads an encoding byte and checks that it is one this decoder knows.
   *
   * @throws org.dlv4j.api.BinaryFormatException for an unknown format or application
   */
  static int readEncoding(ByteCursor c) {
    int at = c.position();
    int encoding = c.u8();
    if (encoding == OMIT) {
      return encoding;
    }
    int format = encoding & 0x0f;
    boolean knownFormat = format <= 4 || (format >= 9 && format <= 0x0c);
    if (!knownFormat || (encoding & 0x70) > ALIGNED) {
      throw c.error(String.format("unknown pointer encoding 0x%02x", encoding), at);
    }
    return encoding;
  }

  /**
   * Reads a pointer with {@code encoding}, ignoring the indirect flag (the caller decides what
   * indirection means).
   *
   * @param s the section, for the pc-relative, text and data bases
   * @param funcBase the base of function-relative pointers, if there is one here
   */
  static long read(ByteCursor c, int encoding, SectionReader s, int addressSize,
      OptionalLong funcBase) {
    int at = c.position();
    long base;
    switch (encoding & 0x70) {
      case 0: base = 0; break;
      case PCREL: base = s.section.address() + at; break;
      case TEXTREL: base = need(s.section.textBase(), "text", c, at); break;
      case DATAREL: base = need(s.section.dataBase(), "data", c, at); break;
      case FUNCREL: base = need(funcBase, "function", c, at); break;
      case ALIGNED:
        base = 0;
        c.skip(Long.remainderUnsigned(-(s.section.address() + at), addressSize));
        break;
      default: throw c.error(String.format("unknown pointer encoding 0x%02x", encoding), at);
    }
    long value = base + readFormat(c, encoding & 0x0f, addressSize, at);
    return addressSize == 8 ? value : value & 0xffff_ffffL;
  }

  private static long readFormat(ByteCursor c, int format, int addressSize, int at) {
    switch (format) {
      case ABSPTR: return c.unsigned(addressSize);
      case 0x01: return c.uleb();
      case 0x02: return c.u16();
      case 0x03: return c.u32();
      case 0x04: case 0x0c: return c.u64();
      case 0x09: return c.sleb();
      case 0x0a: return c.s16();
      case 0x0b: return c.s32();
      default: throw c.error(String.format("unknown pointer format 0x%x", format), at);
    }
  }

  private static long need(OptionalLong base, String what, ByteCursor c, int at) {
    if (base.isEmpty()) {
      throw c.error("pointer relative to the " + what + " base, which is not known", at);
    }
    return base.getAsLong();
  }
}
