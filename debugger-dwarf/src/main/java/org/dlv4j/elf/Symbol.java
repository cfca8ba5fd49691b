package org.dlv4j.elf;

/**
 * One entry of {@code .symtab} or {@code .dynsym}.
 *
 * @param name the symbol name, e.g. {@code "runtime.firstmoduledata"}
 * @param value the symbol's address (for defined symbols of executables)
 * @param size the size in bytes, 0 if unknown
 * @param type the low nibble of st_info, e.g. {@link #STT_FUNC}
 * @param bind the high nibble of st_info, e.g. {@link #STB_GLOBAL}
 * @param sectionIndex the index of the defining section, 0 ({@link #SHN_UNDEF}) if undefined,
 *     or a reserved index such as {@link #SHN_ABS}
 */
public record Symbol(String name, long value, long size, int type, int bind, int sectionIndex) {
  /** Unspecified type. */
  public static final int STT_NOTYPE = 0;
  /** A data object. */
  public static final int STT_OBJECT = 1;
  /** A function. */
  public static final int STT_FUNC = 2;
  /** A section. */
  public static final int STT_SECTION = 3;
  /** A source file name. */
  public static final int STT_FILE = 4;
  /** A thread-local storage entity; its value is an offset, not an address. */
  public static final int STT_TLS = 6;
  /** Local binding. */
  public static final int STB_LOCAL = 0;
  /** Global binding. */
  public static final int STB_GLOBAL = 1;
  /** Weak binding. */
  public static final int STB_WEAK = 2;
  /** Undefined section index. */
  public static final int SHN_UNDEF = 0;
  /** Absolute value, not relative to a section. */
  public static final int SHN_ABS = 0xfff1;

  /**
   * Returns whether {@code address} lies inside this symbol.
   *
   * @param address a virtual address
   * @return {@code value <= address < value + size}, compared unsigned
   */
  public boolean contains(long address) {
    return Long.compareUnsigned(address - value, size) < 0;
  }
}
