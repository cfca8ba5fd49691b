/**
 * The public API of dlv4j (debug Go programs from Java) and the service provider interface its
 * engines and backends implement.
 *
 * @uses org.dlv4j.spi.DebuggerEngine the engine {@link org.dlv4j.api.Debugger} drives
 */
module org.dlv4j.api {
  exports org.dlv4j.api;
  exports org.dlv4j.spi;

  uses org.dlv4j.spi.DebuggerEngine;
}
