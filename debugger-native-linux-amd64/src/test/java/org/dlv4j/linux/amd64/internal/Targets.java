package org.dlv4j.linux.amd64.internal;

import org.dlv4j.spi.TargetBackendProvider;

/** The backend the live tests drive, made directly (not found through the ServiceLoader). */
final class Targets {
  static final TargetBackendProvider PROVIDER = new Amd64BackendProvider();

  private Targets() { }
}
