package org.dlv4j.dwarf;

/** The debug sections a {@link Dwarf} may ask its {@link SectionLoader} for, with their ELF names. */
public enum SectionId {
  /** Debugging information entries: the units and their DIEs. */
  DEBUG_INFO(".debug_info"),
  /** Abbreviation tables describing the shape of each DIE. */
  DEBUG_ABBREV(".debug_abbrev"),
  /** Strings referenced by {@code DW_FORM_strp} and the {@code strx} forms. */
  DEBUG_STR(".debug_str"),
  /** Strings referenced by {@code DW_FORM_line_strp} (DWARF 5). */
  DEBUG_LINE_STR(".debug_line_str"),
  /** Per-unit string offset tables for the {@code strx} forms (DWARF 5). */
  DEBUG_STR_OFFSETS(".debug_str_offsets"),
  /** Per-unit address tables for the {@code addrx} forms (DWARF 5). */
  DEBUG_ADDR(".debug_addr"),
  /** Range lists of DWARF 2-4. */
  DEBUG_RANGES(".debug_ranges"),
  /** Range lists of DWARF 5. */
  DEBUG_RNGLISTS(".debug_rnglists"),
  /** Location lists of DWARF 2-4. */
  DEBUG_LOC(".debug_loc"),
  /** Location lists of DWARF 5. */
  DEBUG_LOCLISTS(".debug_loclists"),
  /** Line-number programs. */
  DEBUG_LINE(".debug_line"),
  /** Call frame information. */
  DEBUG_FRAME(".debug_frame"),
  /** Call frame information in the exception-handling format. */
  EH_FRAME(".eh_frame"),
  /** Address-range lookup table from addresses to units. */
  DEBUG_ARANGES(".debug_aranges");

  private final String elfName;

  SectionId(String elfName) {
    this.elfName = elfName;
  }

  /**
   * Returns the section's name in an ELF file.
   *
   * @return for example {@code ".debug_info"}
   */
  public String elfName() {
    return elfName;
  }
}
