/**
 * Readers for ELF files and DWARF 4/5 debug information. Knows nothing of processes or of Go.
 */
module org.dlv4j.dwarf {
  requires transitive org.dlv4j.api;
  requires kaitai.struct.runtime;
  requires aircompressor; // automatic module: aircompressor 0.27 has no Automatic-Module-Name

  exports org.dlv4j.dwarf;
  exports org.dlv4j.dwarf.constants;
  exports org.dlv4j.dwarf.expr;
  exports org.dlv4j.dwarf.frame;
  exports org.dlv4j.dwarf.line;
  exports org.dlv4j.dwarf.loc;
  exports org.dlv4j.elf;

  // The bounds-checked cursor is shared with the Go runtime readers (pclntab, build info).
  exports org.dlv4j.dwarf.internal.io to org.dlv4j.gort;
}
