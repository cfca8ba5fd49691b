/**
 * Go runtime knowledge: Go versions and build information, and the pclntab (function, line and
 * inline tables that every Go binary carries, even stripped ones).
 */
module org.dlv4j.gort {
  requires transitive org.dlv4j.dwarf;

  exports org.dlv4j.gort;
  exports org.dlv4j.gort.pclntab;
}
