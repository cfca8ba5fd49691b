/**
 * Small real tools built on dlv4j's public API and binary readers: {@code hello-debug},
 * {@code trace}, {@code goroutines} and {@code addr2line} (run them with the scripts in
 * {@code examples/bin}).
 */
module org.dlv4j.examples {
  requires org.dlv4j.gort;
}
