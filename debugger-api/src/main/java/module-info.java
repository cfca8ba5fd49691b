/**
 * The public API of dlv4j: debug Go programs from Java. {@code org.dlv4j.spi} is the
 * service-provider interface for engines and process backends.
 */
module org.dlv4j.api {
  exports org.dlv4j.api;
  exports org.dlv4j.spi;
}
