package org.dlv4j.dwarf;

import java.nio.ByteBuffer;

/**
 * The decoded value of one attribute, by attribute class (DWARF v5 §7.5.5). Indexed forms are
 * resolved: {@code strx} to its string, {@code addrx} to its address, {@code loclistx} and
 * {@code rnglistx} to section offsets, and {@code ref_sig8} to the type DIE when its type unit
 * is present. Byte buffers are read-only views of the section.
 */
public sealed interface AttrValue {
  /** A target address ({@code addr}, {@code addrx*}). */
  record Address(long address) implements AttrValue {}

  /** An unsigned constant ({@code data1}-{@code data8}, {@code udata}), zero-extended. */
  record Unsigned(long value) implements AttrValue {}

  /** A signed constant ({@code sdata}, {@code implicit_const}). */
  record Signed(long value) implements AttrValue {}

  /** A flag ({@code flag}, {@code flag_present}). */
  record Flag(boolean value) implements AttrValue {}

  /** A reference to a DIE, as its offset in {@code .debug_info}. */
  record Reference(long offset) implements AttrValue {}

  /** A {@code ref_sig8} type signature whose type unit is not in this object. */
  record Signature(long signature) implements AttrValue {}

  /** A string ({@code string}, {@code strp}, {@code line_strp}, {@code strx*}). */
  record Text(String value) implements AttrValue {}

  /** Uninterpreted bytes ({@code block*}, {@code data16}). */
  record Block(ByteBuffer bytes) implements AttrValue {}

  /** A DWARF expression ({@code exprloc}). */
  record Expression(ByteBuffer bytes) implements AttrValue {}

  /**
   * An offset into another debug section ({@code sec_offset}, and {@code loclistx} or
   * {@code rnglistx} resolved through the unit's base); which section depends on the attribute.
   */
  record SectionOffset(long offset) implements AttrValue {}

  /**
   * An offset into a supplementary object file ({@code ref_sup*}, {@code strp_sup},
   * {@code GNU_ref_alt}, {@code GNU_strp_alt}), which this reader does not open.
   */
  record Supplementary(long offset) implements AttrValue {}
}
