package org.dlv4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link GoDebugExtension} for a {@link org.dlv4j.api.Target}: the Go program in a fixture
 * directory, built on demand with {@link GoBuild} (cached, optimisations off) and launched
 * under dlv4j, stopped at its first instruction. The extension kills it after the test.
 *
 * <pre>{@code
 * @ExtendWith(GoDebugExtension.class)
 * class ServerTest {
 *   @Test
 *   void stopsInHandler(@GoProgram(value = "server", args = "--port=0") Target target) {
 *     target.createBreakpoint(BreakpointSpec.atFunction("main.handle"));
 *     assertEquals("breakpoint", target.resume().stopReason().orElseThrow().name());
 *   }
 * }
 * }</pre>
 *
 * <p>The directory is resolved against the test-data root: the system property
 * {@code dlv4j.testdata}, or {@code testdata} under the working directory (see
 * {@link GoBuild#fixture(String)}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface GoProgram {
  /**
   * Returns the fixture directory, relative to the test-data root.
   *
   * @return e.g. {@code "hello"}
   */
  String value();

  /**
   * Returns the program's arguments.
   *
   * @return the arguments, none by default
   */
  String[] args() default {};

  /**
   * Returns environment variables to set on top of the JVM's, each {@code NAME=value}.
   *
   * @return the variables, none by default
   */
  String[] env() default {};

  /**
   * Tells whether stdout and stderr are {@link org.dlv4j.api.Redirect#PIPE}s whose bytes arrive
   * as {@link org.dlv4j.api.Event.Output} events, instead of going to the JVM's streams.
   *
   * @return {@code false} by default
   */
  boolean pipeOutput() default false;
}
