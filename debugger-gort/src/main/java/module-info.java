/**
 * dlv4j's Go engine: Go runtime knowledge and the target engine behind
 * {@link org.dlv4j.api.Debugger}.
 */
module org.dlv4j.gort {
  requires org.dlv4j.api;
  requires org.dlv4j.dwarf;
  requires com.sun.jna; // the Capstone binding in org.dlv4j.gort.internal.disasm
}
