package org.dlv4j.api;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.dlv4j.spi.DebuggerEngine;

/**
 * An engine registered in this module's test resources (META-INF/services) to test how
 * {@link Debugger} finds and calls engines. It supports every platform except Plan 9, records
 * the last request and returns a target whose only working method is {@code pid()}.
 */
public final class FakeEngine implements DebuggerEngine {
  static final AtomicReference<Object> LAST_REQUEST = new AtomicReference<>();

  @Override
  public boolean supports(String os, String arch) {
    return !os.equals("plan9");
  }

  @Override
  public Target launch(LaunchSpec spec) {
    LAST_REQUEST.set(spec);
    return target(4242);
  }

  @Override
  public Target attach(AttachSpec spec) {
    LAST_REQUEST.set(spec);
    return target(spec.pid());
  }

  private static Target target(int pid) {
    return (Target) Proxy.newProxyInstance(Target.class.getClassLoader(),
        new Class<?>[] {Target.class}, (proxy, method, args) -> {
          if (method.getName().equals("pid")) {
            return pid;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
