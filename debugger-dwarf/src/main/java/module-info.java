/**
 * Readers for ELF files and DWARF 4/5 debug information. Knows nothing of processes or of Go.
 */
module org.dlv4j.dwarf {
  requires transitive org.dlv4j.api;
  requires kaitai.struct.runtime;

  // The bounds-checked cursor is shared with the Go runtime readers (pclntab, build info).
  exports org.dlv4j.dwarf.internal.io to org.dlv4j.gort;
}
