/**
 * The public API of dlv4j: debug Go programs from Java.
 */
module org.dlv4j.api {
  exports org.dlv4j.api;
}
