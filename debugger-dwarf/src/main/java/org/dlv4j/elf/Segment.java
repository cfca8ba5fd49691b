package org.dlv4j.elf;

/**
 * One entry of the program header table: a part of the file the loader maps, or a note or
 * other marker. Values are raw; 64-bit fields above 2^63 appear negative.
 *
 * @param type the segment type, e.g. {@link #PT_LOAD}; unknown values are kept
 * @param flags {@link #PF_X}, {@link #PF_W}, {@link #PF_R} bits
 * @param offset the file offset of the segment's first byte
 * @param vaddr the virtual address the segment is mapped at (before any load bias)
 * @param paddr the physical address, usually equal to {@code vaddr}
 * @param filesz the bytes taken from the file
 * @param memsz the bytes occupied in memory ({@code >= filesz}; the rest is zeroed)
 * @param align the alignment of {@code offset} and {@code vaddr}
 */
public record Segment(int type, int flags, long offset, long vaddr, long paddr, long filesz,
    long memsz, long align) {
  /** A loadable segment. */
  public static final int PT_LOAD = 1;
  /** Dynamic linking information. */
  public static final int PT_DYNAMIC = 2;
  /** The program interpreter's path. */
  public static final int PT_INTERP = 3;
  /** Notes. */
  public static final int PT_NOTE = 4;
  /** The program header table itself. */
  public static final int PT_PHDR = 6;
  /** The thread-local storage template. */
  public static final int PT_TLS = 7;
  /** Stack permissions (GNU). */
  public static final int PT_GNU_STACK = 0x6474e551;
  /** Execute permission. */
  public static final int PF_X = 1;
  /** Write permission. */
  public static final int PF_W = 2;
  /** Read permission. */
  public static final int PF_R = 4;

  /**
   * Returns whether {@code address} lies inside this segment's memory image.
   *
   * @param address a virtual address (unbiased)
   * @return {@code vaddr <= address < vaddr + memsz}, compared unsigned
   */
  public boolean contains(long address) {
    return Long.compareUnsigned(address - vaddr, memsz) < 0;
  }
}
