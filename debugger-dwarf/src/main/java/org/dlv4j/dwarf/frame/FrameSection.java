package org.dlv4j.dwarf.frame;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * The bytes of one call-frame section and what is needed to decode them: which flavour it is,
 * the address it is loaded at (the base of {@code DW_EH_PE_pcrel} pointers in
 * {@code .eh_frame}), the target's address size and the optional bases of
 * {@code DW_EH_PE_textrel} and {@code DW_EH_PE_datarel} pointers.
 *
 * @param kind {@code .debug_frame} or {@code .eh_frame}
 * @param data the section's bytes from position to limit; never modified
 * @param address the section's virtual address ({@code sh_addr}); 0 for {@code .debug_frame}
 * @param addressSize the target's address size, 4 or 8; a version 4 CIE overrides it
 * @param textBase the base of text-relative pointers (usually the address of {@code .text})
 * @param dataBase the base of data-relative pointers (usually the address of {@code .got})
 */
public record FrameSection(Kind kind, ByteBuffer data, long address, int addressSize,
    OptionalLong textBase, OptionalLong dataBase) {

  /** The two section flavours; they differ in CIE ids, CIE pointers and pointer encodings. */
  public enum Kind {
    /** {@code .debug_frame} (DWARF 5 §6.4). */
    DEBUG_FRAME(".debug_frame"),
    /** {@code .eh_frame} (Linux Standard Base Core, "Exception Frames"). */
    EH_FRAME(".eh_frame");

    private final String sectionName;

    Kind(String sectionName) {
      this.sectionName = sectionName;
    }

    /**
     * Returns the ELF section name, used in error messages.
     *
     * @return the ELF section name, used in error messages
     */
    public String sectionName() {
      return sectionName;
    }
  }

  /**
   * Checks the address size and takes a slice of {@code data}.
   *
   * @param kind {@code .debug_frame} or {@code .eh_frame}
   * @param data the section's bytes from position to limit
   * @param address the section's virtual address
   * @param addressSize the target's address size, 4 or 8
   * @param textBase the base of text-relative pointers
   * @param dataBase the base of data-relative pointers
   * @throws IllegalArgumentException if the address size is not 4 or 8
   */
  public FrameSection {
    if (addressSize != 4 && addressSize != 8) {
      throw new IllegalArgumentException("address size " + addressSize);
    }
    data = data.slice();
  }

  /**
   * Describes a {@code .debug_frame} section of a 64-bit target.
   *
   * @param data the section's (decompressed) bytes
   * @return the description
   */
  public static FrameSection debugFrame(ByteBuffer data) {
    return new FrameSection(Kind.DEBUG_FRAME, data, 0, 8, OptionalLong.empty(),
        OptionalLong.empty());
  }

  /**
   * Describes an {@code .eh_frame} section of a 64-bit target loaded at {@code address}.
   *
   * @param data the section's bytes
   * @param address the section's virtual address, the base of pc-relative pointers
   * @return the description
   */
  public static FrameSection ehFrame(ByteBuffer data, long address) {
    return new FrameSection(Kind.EH_FRAME, data, address, 8, OptionalLong.empty(),
        OptionalLong.empty());
  }

  /**
   * Returns a copy for a target with addresses of {@code size} bytes.
   *
   * @param size 4 or 8
   * @return the copy
   */
  public FrameSection withAddressSize(int size) {
    return new FrameSection(kind, data, address, size, textBase, dataBase);
  }

  /**
   * Returns a copy whose {@code DW_EH_PE_textrel} pointers are relative to {@code base}.
   *
   * @param base usually the address of {@code .text}
   * @return the copy
   */
  public FrameSection withTextBase(long base) {
    return new FrameSection(kind, data, address, addressSize, OptionalLong.of(base), dataBase);
  }

  /**
   * Returns a copy whose {@code DW_EH_PE_datarel} pointers are relative to {@code base}.
   *
   * @param base usually the address of {@code .got}
   * @return the copy
   */
  public FrameSection withDataBase(long base) {
    return new FrameSection(kind, data, address, addressSize, textBase, OptionalLong.of(base));
  }
}
