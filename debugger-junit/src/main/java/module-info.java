/**
 * JUnit 5 support for debugging Go programs inside tests: builds Go sources on demand,
 * cached by content hash, launches and attaches with leak checks, and asks the reference
 * tools and Linux's /proc what a test checks dlv4j against.
 */
module org.dlv4j.junit {
  requires transitive org.dlv4j.api;
  requires transitive org.junit.jupiter.api;
  exports org.dlv4j.junit;
}
