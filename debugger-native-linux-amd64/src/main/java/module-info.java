/**
 * The Linux backend for x86-64: register sets, breakpoint encoding and DWARF register
 * numbering on top of {@code org.dlv4j.linux}.
 */
module org.dlv4j.linux.amd64 {
  requires org.dlv4j.linux;

  provides org.dlv4j.spi.TargetBackendProvider
      with org.dlv4j.linux.amd64.internal.Amd64BackendProvider;
}
