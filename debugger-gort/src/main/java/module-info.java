/**
 * Go runtime knowledge and dlv4j's Go engine: Go versions and build information, the pclntab
 * (function, line and inline tables that every Go binary carries, even stripped ones), the
 * disassembler, and the target engine behind {@link org.dlv4j.api.Debugger}.
 */
module org.dlv4j.gort {
  requires transitive org.dlv4j.dwarf;
  requires com.sun.jna; // the Capstone binding in org.dlv4j.gort.internal.disasm

  exports org.dlv4j.gort;
  exports org.dlv4j.gort.pclntab;

  uses org.dlv4j.spi.TargetBackendProvider;

  provides org.dlv4j.spi.DebuggerEngine with org.dlv4j.gort.internal.target.GoEngine;
}
