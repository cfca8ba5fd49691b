/**
 * The Linux ptrace backend shared by every architecture: JNA bindings, the per-target tracer
 * thread, launch/attach/detach, thread tracking and target memory. Its packages are internal
 * and open only to the architecture modules, which provide the
 * {@link org.dlv4j.spi.TargetBackendProvider}.
 */
module org.dlv4j.linux {
  requires transitive org.dlv4j.api;
  requires com.sun.jna;

  exports org.dlv4j.linux.internal.ptrace to org.dlv4j.linux.amd64;
  exports org.dlv4j.linux.internal.sys to org.dlv4j.linux.amd64;
  exports org.dlv4j.linux.internal.memory to org.dlv4j.linux.amd64;
}
