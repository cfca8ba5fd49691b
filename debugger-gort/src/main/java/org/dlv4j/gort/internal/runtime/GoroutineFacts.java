package org.dlv4j.gort.internal.runtime;

import java.util.Map;

/** What filters and grouping look at in a goroutine ({@link GoroutineQuery}). */
public interface GoroutineFacts {
  /** {@return the location of the goroutine's pc} */
  CodeLocation current();

  /** {@return the topmost location in user code} */
  CodeLocation user();

  /** {@return the location of the go statement that created it} */
  CodeLocation goStatement();

  /** {@return the location of its start function} */
  CodeLocation start();

  /** {@return its pprof labels} */
  Map<String, String> labels();

  /** {@return whether a thread runs it} */
  boolean running();

  /** {@return whether the runtime owns it} */
  boolean system();
}
