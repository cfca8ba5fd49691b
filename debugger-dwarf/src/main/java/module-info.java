/**
 * Readers for ELF files and DWARF 4/5 debug information. Knows nothing of processes or of Go.
 */
module org.dlv4j.dwarf {
  requires transitive org.dlv4j.api;
  requires kaitai.struct.runtime;

  exports org.dlv4j.dwarf.constants;
  exports org.dlv4j.dwarf.expr;
  exports org.dlv4j.dwarf.frame;
}
